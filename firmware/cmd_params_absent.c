/* `params` and `param` in the rom64 build (firmware/rom64.h): no form
 * posts (`##params` URIs), so no parameter lists to fill; each refuses in
 * words and fails. */
#include "command.h"
#include "console.h"
#include "rom64.h"

static int refuse(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: %s\n", argv[0], ROM64_LACKS("form posts (##params)"));
	return 1;
}

const struct command cmd_params_commands[] = {
	{ "params", refuse },
	{ "param", refuse },
	{ NULL, NULL },
};
