/* Stand-ins for what the image commands call outside the unit-test build:
 * downloads (from a table of fake files), scripts, the words of the
 * running command, SHA-256. Weak, so a real one linked in later wins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/image.h"
#include "../../firmware/script.h"
#include "../../net/download.h"
#include "test_cmd_image.h"

static const struct fake_file *files;
static int nfiles;
static char *const *words;
static int nwords;
static char joined[4096];

void fake_files_set(const struct fake_file *table, int count)
{
	files = table;
	nfiles = count;
}

void fake_command_words(char *const *argv, int argc)
{
	words = argv;
	nwords = argc;
}

__attribute__((weak)) struct image *download(const char *uri, char *err, size_t err_size)
{
	for (int i = 0; i < nfiles; i++) {
		if (strcmp(files[i].uri, uri) != 0)
			continue;
		struct image *img = image_new(uri);
		image_write(img, 0, files[i].content, strlen(files[i].content));
		return img;
	}
	snprintf(err, err_size, "%s: not found (404)", uri);
	return NULL;
}

__attribute__((weak)) const char *command_args_as_written(int first)
{
	size_t used = 0;
	joined[0] = '\0';
	for (int i = first; i < nwords; i++)
		used += (size_t)snprintf(joined + used, sizeof(joined) - used, "%s%s",
					 i > first ? " " : "", words[i]);
	return joined;
}

__attribute__((weak)) const char *script_current_uri(void)
{
	return NULL;
}

__attribute__((weak)) bool script_probe(const struct image *img)
{
	return img->len >= 6 && memcmp(img->data, "#!ipxe", 6) == 0;
}

char fake_scripts_run[256]; /* the names of the scripts "run", in order */

__attribute__((weak)) int script_run(const struct image *img)
{
	/* Scripts do nothing here but say they ran. */
	size_t used = strlen(fake_scripts_run);
	snprintf(fake_scripts_run + used, sizeof(fake_scripts_run) - used, "%s;", img->name);
	return 0;
}

bool fake_script_running;

__attribute__((weak)) bool script_running(void)
{
	return fake_script_running;
}

static bool exit_requested;

bool fake_take_exit_request(void)
{
	bool was = exit_requested;
	exit_requested = false;
	return was;
}

__attribute__((weak)) void script_request_exit(void)
{
	exit_requested = true;
}

__attribute__((weak)) void sha256_text(const uint8_t *data, size_t len, char hex[65])
{
	(void)data;
	snprintf(hex, 65, "fake-sha256-of-%zu-bytes", len);
}

/* Settings: only next-server, for URIs outside scripts (fake_next_server). */
const char *fake_next_server;
__attribute__((weak)) int settings_format(const char *spec, char *buf, size_t size)
{
	if (strcmp(spec, "next-server") != 0 || !fake_next_server)
		return -1;
	return snprintf(buf, size, "%s", fake_next_server);
}

/* Download time limits: recorded, for the tests to see (fake_timeout_ms). */
unsigned long fake_timeout_ms, fake_timeout_seen_ms;
__attribute__((weak)) void download_set_timeout(unsigned long ms)
{
	if (ms)
		fake_timeout_seen_ms = ms;
	fake_timeout_ms = ms;
}
