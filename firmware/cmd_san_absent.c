/* sanhook, sanboot and sanunhook in the rom64 build (firmware/rom64.h):
 * it has no iSCSI and no SAN disks, so each refuses in words and fails
 * (a script's `||` goes on), rather than being an unknown command. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s\n", argv[0], ROM64_LACKS("SAN booting (iSCSI)"));
	return 1;
}

const struct command cmd_san_commands[] = {
	{ "sanboot", refuse },
	{ "sanhook", refuse },
	{ "sanunhook", refuse },
	{ NULL, NULL },
};
