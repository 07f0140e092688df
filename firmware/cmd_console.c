/* Console commands: echo. */
#include <stdbool.h>
#include <string.h>
#include "command.h"
#include "console.h"

static int cmd_echo(int argc, char **argv)
{
	bool newline = !(argc > 1 && strcmp(argv[1], "-n") == 0);
	for (int i = newline ? 1 : 2; i < argc; i++)
		console_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		console_puts("\n");
	return 0;
}

const struct command cmd_console_commands[] = {
	{ "echo", cmd_echo },
	{ NULL, NULL },
};
