/* Fetching and running images (see image_fetch.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../net/download.h"
#include "../net/uri.h"
#include "console.h"
#include "image_fetch.h"
#include "platform.h"
#include "script.h"
#include "settings.h"

/* What a relative URI resolves against: the running script's URI, else
 * (an embedded script, the shell) the boot server DHCP named, as iPXE
 * does, so `chain ${filename}` works after `dhcp`. Empty when neither. */
static void base_uri(char *buf, size_t size)
{
	const char *script = script_current_uri();
	char server[64];
	buf[0] = '\0';
	if (script)
		snprintf(buf, size, "%s", script);
	else if (settings_format("next-server", server, sizeof(server)) > 0 &&
		 strcmp(server, "0.0.0.0") != 0)
		snprintf(buf, size, "tftp://%s/", server);
}

struct image *image_fetch(const char *uri)
{
	char err[512], base[512];
	char *abs;
	base_uri(base, sizeof(base));
	abs = base[0] ? uri_resolve(base, uri) : strdup(uri);
	struct image *img = abs ? download(abs, err, sizeof(err)) : NULL;
	if (!img)
		console_printf("%s\n", abs ? err : "out of memory");
	free(abs);
	return img;
}

struct image *image_acquire(const char *uri_or_name, const char *name)
{
	struct image *img = image_find(uri_or_name);
	if (img)
		return img;
	img = image_fetch(uri_or_name);
	if (!img)
		return NULL;
	if (name)
		image_rename(img, name);
	image_register(img);
	return img;
}

static int exec_one(struct image *img)
{
	bool autofree = img->autofree;
	int rc;

	/* Out of the list while it runs: what it runs can neither free it
	 * nor hand it on as an initrd. */
	if (autofree)
		image_unregister(img);
	if (script_probe(img)) {
		rc = script_run(img);
	} else if (platform_image_probe(img)) {
		rc = platform_image_exec(img);
	} else {
		console_printf("%s: cannot run this image: it is not an iPXE script (\"#!ipxe\"), "
			       "%s (%zu bytes)\n", img->name, platform_image_kinds(), img->len);
		rc = -1;
	}
	if (autofree)
		image_free(img);
	return rc;
}

/* `chain --replace`: the image that takes the calling script's place. */
static struct image *replacement;

void image_exec_replacing(struct image *img)
{
	replacement = img;
	script_request_exit();
}

int image_run_replacement(int rc)
{
	/* A script that ended with `chain --replace`: what replaces it runs
	 * now, at the depth the script had, so menus that hand over to each
	 * other this way never pile up. */
	while (replacement) {
		struct image *next = replacement;
		replacement = NULL;
		rc = exec_one(next);
	}
	return rc;
}

int image_exec(struct image *img)
{
	return image_run_replacement(exec_one(img));
}

int image_chain(const char *uri)
{
	struct image *img = image_fetch(uri);
	if (!img)
		return -1;
	img->autofree = true;
	return image_exec(img);
}
