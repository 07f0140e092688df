/* The command table of the script tests: bootnet's script-language
 * commands plus a few for the tests (the firmware's table also holds the
 * image and network commands, which need downloads). */
#include <stdio.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/console.h"
#include "test_script.h"

extern const struct command cmd_console_commands[], cmd_settings_commands[],
	cmd_flow_commands[], cmd_menu_commands[], cmd_params_commands[], cmd_power_commands[],
	cmd_misc_commands[];

char test_written[4096];

static int cmd_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int cmd_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* Keeps its arguments as the script wrote them, like `kernel` does. */
static int cmd_written(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	snprintf(test_written, sizeof(test_written), "%s", command_args_as_written(1));
	return 0;
}

/* Prints argc and each argument in brackets: shows word splitting. */
static int cmd_args(int argc, char **argv)
{
	console_printf("%d", argc - 1);
	for (int i = 1; i < argc; i++)
		console_printf(" [%s]", argv[i]);
	console_puts("\n");
	return 0;
}

static const struct command test_commands[] = {
	{ "true", cmd_true },
	{ "false", cmd_false },
	{ "written", cmd_written },
	{ "args", cmd_args },
	{ NULL, NULL },
};

static const struct command *const tables[] = {
	cmd_console_commands, cmd_settings_commands, cmd_flow_commands, cmd_menu_commands,
	cmd_params_commands,  cmd_power_commands,    cmd_misc_commands,  test_commands,
};

const struct command *command_find(const char *name)
{
	return command_find_in(tables, sizeof(tables) / sizeof(tables[0]), name);
}

void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx)
{
	command_each_in(tables, sizeof(tables) / sizeof(tables[0]), visit, ctx);
}
