/* `nslookup` in the rom64 build (firmware/rom64.h), which has no DNS
 * (net/dns_absent.c): the command refuses in words and fails. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s\n", argv[0], ROM64_LACKS("DNS"));
	return 1;
}

const struct command cmd_dns_commands[] = {
	{ "nslookup", refuse },
	{ NULL, NULL },
};
