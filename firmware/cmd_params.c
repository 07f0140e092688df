/* Form parameter commands: params, param. */
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "console.h"
#include "options.h"
#include "settings_params.h"

static int cmd_params(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "name", 'n', true }, { "delete", 'd', false } };
	const char *values[2];
	int first = options_parse(argc, argv, specs, 2, values);
	if (first < 0)
		return 1;
	if (first != argc) {
		console_puts("params: usage: params [--name <name>] [--delete]\n");
		return 1;
	}
	if (values[1]) {
		struct param_list *list = params_find(values[0]);
		if (!list) {
			console_printf("params: no parameter list called \"%s\"\n",
				       values[0] ? values[0] : "");
			return 1;
		}
		params_destroy(list);
		return 0;
	}
	if (!params_create(values[0])) {
		console_puts("params: out of memory\n");
		return 1;
	}
	return 0;
}

static int cmd_param(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "params", 'p', true }, { "header", 'H', false } };
	const char *values[2];
	int first = options_parse(argc, argv, specs, 2, values);
	struct param_list *list;
	size_t len = 1;
	char *value;
	int rc;
	if (first < 0)
		return 1;
	if (first == argc) {
		console_puts("param: usage: param [--params <name>] [--header] <name> [<value>]\n");
		return 1;
	}
	list = params_find(values[0]);
	if (!list) {
		console_printf("param: no parameter list%s%s%s; make it with `params` first\n",
			       values[0] ? " called \"" : "", values[0] ? values[0] : "",
			       values[0] ? "\"" : "");
		return 1;
	}
	for (int i = first + 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (!(value = malloc(len))) {
		console_puts("param: out of memory\n");
		return 1;
	}
	value[0] = '\0';
	for (int i = first + 1; i < argc; i++) {
		if (i > first + 1)
			strcat(value, " ");
		strcat(value, argv[i]);
	}
	rc = params_add(list, argv[first], value, values[1] != NULL);
	free(value);
	if (rc < 0) {
		console_puts("param: out of memory\n");
		return 1;
	}
	return 0;
}

const struct command cmd_params_commands[] = {
	{ "params", cmd_params },
	{ "param", cmd_param },
	{ NULL, NULL },
};
