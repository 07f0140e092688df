/* `nslookup` in the rom64 build (firmware/rom64.h): left out for room;
 * URIs with host names still resolve. The command refuses in words and
 * fails. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s (URIs with host names still resolve)\n", argv[0],
		       ROM64_LACKS("nslookup"));
	return 1;
}

const struct command cmd_dns_commands[] = {
	{ "nslookup", refuse },
	{ NULL, NULL },
};
