/* libFuzzer target for the script language: the input runs as a script
 * (tokenizer, ${} expansion, labels, goto, operators, exit, settings and
 * their types) with the commands that touch no console input or machine
 * state; its first line also goes through the tokenizer and expander on
 * their own. goto is counted: past a limit the fuzzer "presses" Ctrl-C,
 * which an endless loop must obey. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/script.h"
#include "../../firmware/script_expand.h"
#include "../../firmware/script_parse.h"
#include "../../firmware/settings.h"
#include "../unit/platform_host.h"

extern const struct command cmd_console_commands[], cmd_settings_commands[],
	cmd_flow_commands[];

static int gotos;

static int find_in(const struct command *table, const char *name, const struct command **out)
{
	for (const struct command *c = table; c->name; c++)
		if (strcmp(c->name, name) == 0) {
			*out = c;
			return 1;
		}
	return 0;
}

static int fuzz_goto(int argc, char **argv)
{
	const struct command *real = NULL;
	if (++gotos > 200)
		host_keys_push(3); /* Ctrl-C */
	find_in(cmd_flow_commands, "goto", &real);
	return real->run(argc, argv);
}

static int fuzz_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

static int fuzz_written(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (strlen(command_args_as_written(1)) > 1000000)
		abort();
	return 0;
}

static const struct command fuzz_commands[] = {
	{ "goto", fuzz_goto }, { "false", fuzz_false }, { "kernel", fuzz_written }, { NULL, NULL },
};

/* Commands that wait for keys or time (prompt, sleep, read, shell) stay out. */
static const char *const allowed_flow[] = { "exit", "help", NULL };

const struct command *command_find(const char *name)
{
	const struct command *c = NULL;
	if (find_in(fuzz_commands, name, &c) || find_in(cmd_console_commands, name, &c))
		return c;
	if (strcmp(name, "read") != 0 && find_in(cmd_settings_commands, name, &c))
		return c;
	for (int i = 0; allowed_flow[i]; i++)
		if (strcmp(name, allowed_flow[i]) == 0 && find_in(cmd_flow_commands, name, &c))
			return c;
	return NULL;
}

void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx)
{
	for (const struct command *c = fuzz_commands; c->name; c++)
		visit(c, ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *nl;
	struct script_tokens *t = malloc(sizeof(*t));
	const char *error;
	char *expanded;

	memcpy(text, data, size);
	text[size] = '\0';
	settings_reset();
	host_keys_reset();
	host_console_reset();
	gotos = 0;
	script_run_text(text, size, "fuzz.ipxe", NULL);
	while (script_take_exit())
		;

	nl = strchr(text, '\n');
	if (nl)
		*nl = '\0';
	if (script_tokenize(text, t, &error) == 0)
		script_tokens_free(t);
	expanded = script_expand(text, &error);
	free(expanded);
	free(t);
	free(text);
	settings_reset();
	host_console_reset();
	return 0;
}
