/* md5sum and sha1sum in the rom64 build (firmware/rom64.h): left out for
 * the room their mbedTLS code takes (about 10 KB); each refuses in words
 * and fails. sha256sum (cmd_image.c) stays. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s (sha256sum is here)\n", argv[0], ROM64_LACKS("MD5 or SHA-1"));
	return 1;
}

const struct command cmd_digest_commands[] = {
	{ "md5sum", refuse },
	{ "sha1sum", refuse },
	{ NULL, NULL },
};
