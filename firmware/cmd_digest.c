/* Digest commands over loaded images: md5sum, sha1sum (mbed TLS's
 * implementations; firmware build only). With no image named, every
 * loaded image. */
#include <stdio.h>
#include <string.h>
#include "mbedtls/md5.h"
#include "mbedtls/sha1.h"
#include "command.h"
#include "console.h"
#include "image.h"

static void print_digest(const unsigned char *digest, size_t len, const char *name)
{
	for (size_t i = 0; i < len; i++)
		console_printf("%02x", digest[i]);
	console_printf("  %s\n", name);
}

static void digest_one(const char *cmd, const struct image *img)
{
	unsigned char digest[20];
	if (strcmp(cmd, "md5sum") == 0) {
		mbedtls_md5_ret(img->data, img->len, digest);
		print_digest(digest, 16, img->name);
	} else {
		mbedtls_sha1_ret(img->data, img->len, digest);
		print_digest(digest, 20, img->name);
	}
}

static int cmd_digest(int argc, char **argv)
{
	int rc = 0;
	if (argc == 1) {
		for (struct image *img = image_first(); img; img = img->next)
			digest_one(argv[0], img);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct image *img = image_find(argv[i]);
		if (!img) {
			console_printf("%s: no image named \"%s\" (imgstat lists them)\n", argv[0],
				       argv[i]);
			rc = 1;
			continue;
		}
		digest_one(argv[0], img);
	}
	return rc;
}

const struct command cmd_digest_commands[] = {
	{ "md5sum", cmd_digest },
	{ "sha1sum", cmd_digest },
	{ NULL, NULL },
};
