/* Image commands: chain, imgfetch/module, sha256sum. */
#include <string.h>
#include "command.h"
#include "console.h"
#include "image_fetch.h"
#include "sha256_text.h"

static int cmd_chain(int argc, char **argv)
{
	if (argc < 2) {
		console_puts("chain: usage: chain URI\n");
		return -1;
	}
	return image_chain(argv[1]);
}

static int cmd_imgfetch(int argc, char **argv)
{
	struct image *img;
	if (argc < 2) {
		console_printf("%s: usage: %s URI\n", argv[0], argv[0]);
		return -1;
	}
	img = image_fetch(argv[1]);
	if (!img)
		return -1;
	image_register(img);
	return 0;
}

static int cmd_sha256sum(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct image *img = image_find(argv[i]);
		char hex[65];
		if (!img) {
			console_printf("sha256sum: no image named \"%s\"\n", argv[i]);
			rc = -1;
			continue;
		}
		sha256_text(img->data, img->len, hex);
		console_printf("%s  %s\n", hex, img->name);
	}
	return rc;
}

const struct command cmd_image_commands[] = {
	{ "chain", cmd_chain },
	{ "imgfetch", cmd_imgfetch },
	{ "module", cmd_imgfetch },
	{ "sha256sum", cmd_sha256sum },
	{ NULL, NULL },
};
