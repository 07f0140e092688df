/* `netprobe` in the rom64 build (firmware/rom64.h): it has one network
 * path, its own driver for the ROM's NIC, so there is no other order to
 * probe with; the command refuses in words and fails. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s\n", argv[0], ROM64_LACKS("netprobe (it has one network path, "
							"its own driver)"));
	return 1;
}

const struct command cmd_netprobe_commands[] = {
	{ "netprobe", refuse },
	{ NULL, NULL },
};
