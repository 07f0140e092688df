/* Flow commands: goto, exit, prompt, sleep, shell, help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "console.h"
#include "options.h"
#include "platform.h"
#include "script.h"
#include "settings.h"
#include "shell.h"
#include "shell_keys.h"

static int cmd_goto(int argc, char **argv)
{
	if (argc != 2) {
		console_puts("goto: usage: goto <label>\n");
		return 1;
	}
	return script_goto(argv[1]) == 0 ? 0 : 1;
}

static int cmd_exit(int argc, char **argv)
{
	unsigned long status = 0;
	char *end;
	if (argc > 2) {
		console_puts("exit: usage: exit [<status>]\n");
		return 1;
	}
	if (argc == 2) {
		status = strtoul(argv[1], &end, 0);
		if (!*argv[1] || *end || status > 255) {
			console_printf("exit: \"%s\" is not a status (0 to 255)\n", argv[1]);
			return 1;
		}
	}
	script_request_exit();
	return (int)status;
}

static bool parse_ms(const char *cmd, const char *text, unsigned long *ms)
{
	char *end;
	*ms = strtoul(text, &end, 10);
	if (!*text || *end) {
		console_printf("%s: timeout \"%s\" is not a number of milliseconds\n", cmd, text);
		return false;
	}
	return true;
}

static int cmd_prompt(int argc, char **argv)
{
	static const struct option_spec specs[] = {
		{ "key", 'k', true }, { "timeout", 't', true }, { "set", 's', true },
	};
	const char *values[3];
	unsigned long timeout = 0;
	int wanted = 0, key, first = options_parse(argc, argv, specs, 3, values);
	if (first < 0)
		return 1;
	if (values[0] && (wanted = shell_key_parse(values[0])) < 0) {
		console_printf("prompt: \"%s\" is not a key\n", values[0]);
		return 1;
	}
	if (values[1] && !parse_ms("prompt", values[1], &timeout))
		return 1;
	if (first == argc)
		console_puts("Press any key to continue...");
	for (int i = first; i < argc; i++)
		console_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	key = shell_key_wait(timeout);
	console_puts("\n");
	if (key < 0)
		return 1; /* timed out */
	if (values[2]) {
		uint8_t raw[2] = { (uint8_t)(key >> 8), (uint8_t)key };
		char spec[96];
		/* iPXE stores the key as a uint16 unless told otherwise. */
		snprintf(spec, sizeof(spec), "%s%s", values[2], strchr(values[2], ':') ? "" : ":uint16");
		if (settings_set_raw(spec, raw, 2) < 0) {
			console_printf("prompt: cannot set \"%s\"\n", values[2]);
			return 1;
		}
	}
	return (wanted && key != wanted) ? 1 : 0;
}

static int cmd_sleep(int argc, char **argv)
{
	unsigned long seconds;
	uint64_t until;
	char *end;
	if (argc != 2) {
		console_puts("sleep: usage: sleep <seconds>\n");
		return 1;
	}
	seconds = strtoul(argv[1], &end, 10);
	if (!*argv[1] || *end) {
		console_printf("sleep: \"%s\" is not a number of seconds\n", argv[1]);
		return 1;
	}
	until = platform_now_ms() + (uint64_t)seconds * 1000;
	while (platform_now_ms() < until) {
		if (shell_key_interrupted()) {
			console_puts("sleep: interrupted (Ctrl-C)\n");
			return 1;
		}
		platform_delay_us(10000);
	}
	return 0;
}

static int cmd_shell(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	shell_run();
	return 0;
}

struct help_state {
	int column;
};

static void help_one(const struct command *cmd, void *ctx)
{
	struct help_state *h = ctx;
	console_printf("%-16s", cmd->name);
	if (++h->column == 5) {
		console_puts("\n");
		h->column = 0;
	}
}

static int cmd_help(int argc, char **argv)
{
	struct help_state h = { 0 };
	(void)argc;
	(void)argv;
	console_puts("Available commands:\n\n");
	command_each(help_one, &h);
	if (h.column)
		console_puts("\n");
	console_puts("\nSee https://ipxe.org/cmd for what each does; bootnet follows iPXE.\n");
	return 0;
}

const struct command cmd_flow_commands[] = {
	{ "goto", cmd_goto },
	{ "exit", cmd_exit },
	{ "prompt", cmd_prompt },
	{ "sleep", cmd_sleep },
	{ "shell", cmd_shell },
	{ "help", cmd_help },
	{ NULL, NULL },
};
