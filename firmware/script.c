/* A minimal iPXE-script interpreter: one command per line, "#" comments,
 * words split at spaces. Failures name the command and the script line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../net/download.h"
#include "console.h"
#include "script.h"
#include "sha256_text.h"

#define MAX_WORDS 32
#define MAX_DEPTH 8 /* chained scripts inside scripts */

struct fetched {
	struct image *img;
	struct fetched *next;
};

static struct fetched *fetched;       /* images from imgfetch, newest first */
static const char *current_uri;       /* the running script's URI, for relative URIs */
static int depth;

bool script_probe(const struct image *img)
{
	return img->len >= 6 && memcmp(img->data, "#!ipxe", 6) == 0;
}

/* The URI as given, or resolved against the running script's URI. */
static char *absolute(const char *uri)
{
	return current_uri ? uri_resolve(current_uri, uri) : strdup(uri);
}

static struct image *fetch(const char *uri)
{
	char err[512];
	char *abs = absolute(uri);
	struct image *img = abs ? download(abs, err, sizeof(err)) : NULL;
	if (!img)
		console_printf("%s\n", abs ? err : "out of memory");
	free(abs);
	return img;
}

static int run_image(struct image *img)
{
	if (script_probe(img))
		return script_run(img);
	console_printf("%s: %zu bytes; running this kind of image is not in this build yet\n",
		       img->name, img->len);
	return -1;
}

int script_chain(const char *uri)
{
	struct image *img = fetch(uri);
	int rc;
	if (!img)
		return -1;
	rc = run_image(img);
	image_free(img);
	return rc;
}

static int cmd_echo(int argc, char **argv)
{
	bool newline = !(argc > 1 && strcmp(argv[1], "-n") == 0);
	for (int i = newline ? 1 : 2; i < argc; i++)
		console_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		console_puts("\n");
	return 0;
}

static int cmd_chain(int argc, char **argv)
{
	if (argc < 2) {
		console_puts("chain: usage: chain URI\n");
		return -1;
	}
	return script_chain(argv[1]);
}

static int cmd_imgfetch(int argc, char **argv)
{
	struct fetched *f;
	struct image *img;
	if (argc < 2) {
		console_puts("imgfetch: usage: imgfetch URI\n");
		return -1;
	}
	img = fetch(argv[1]);
	f = img ? calloc(1, sizeof(*f)) : NULL;
	if (!f) {
		image_free(img);
		return -1;
	}
	f->img = img;
	f->next = fetched;
	fetched = f;
	return 0;
}

static int cmd_sha256sum(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct fetched *f = fetched;
		char hex[65];
		while (f && strcmp(f->img->name, argv[i]) != 0)
			f = f->next;
		if (!f) {
			console_printf("sha256sum: no image named \"%s\"\n", argv[i]);
			rc = -1;
			continue;
		}
		sha256_text(f->img->data, f->img->len, hex);
		console_printf("%s  %s\n", hex, f->img->name);
	}
	return rc;
}

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "echo", cmd_echo },
	{ "chain", cmd_chain },
	{ "imgfetch", cmd_imgfetch },
	{ "module", cmd_imgfetch },
	{ "sha256sum", cmd_sha256sum },
};

/* Splits line (modified in place) into words at spaces and tabs. */
static int split(char *line, char **argv)
{
	int argc = 0;
	char *p = line;
	while (argc < MAX_WORDS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return argc;
}

static int run_line(char *line, int number, const struct image *img)
{
	char *argv[MAX_WORDS];
	int argc = split(line, argv);
	if (argc == 0 || argv[0][0] == '#' || argv[0][0] == ':')
		return 0;
	if (strcmp(argv[0], "exit") == 0)
		return 1;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, argv[0]) == 0) {
			int rc = commands[i].run(argc, argv);
			if (rc != 0)
				console_printf("%s: line %d: \"%s\" failed\n", img->name, number, argv[0]);
			return rc ? -1 : 0;
		}
	console_printf("%s: line %d: unknown command \"%s\"\n", img->name, number, argv[0]);
	return -1;
}

int script_run(const struct image *img)
{
	const char *saved_uri = current_uri;
	char *text;
	int rc = 0, number = 0;

	if (depth >= MAX_DEPTH) {
		console_printf("%s: scripts chained more than %d deep\n", img->name, MAX_DEPTH);
		return -1;
	}
	text = malloc(img->len + 1);
	if (!text)
		return -1;
	memcpy(text, img->data, img->len);
	text[img->len] = '\0';
	depth++;
	current_uri = img->uri;
	for (char *line = text, *next; line && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		rc = run_line(line, ++number, img);
	}
	current_uri = saved_uri;
	depth--;
	free(text);
	return rc < 0 ? -1 : 0;
}
