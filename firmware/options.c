/* Command options (see options.h). */
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "options.h"

static int find_long(const struct option_spec *specs, int nspecs, const char *name, size_t len)
{
	for (int i = 0; i < nspecs; i++)
		if (strlen(specs[i].long_name) == len && strncmp(specs[i].long_name, name, len) == 0)
			return i;
	return -1;
}

static int find_short(const struct option_spec *specs, int nspecs, char c)
{
	for (int i = 0; i < nspecs; i++)
		if (specs[i].short_name && specs[i].short_name == c)
			return i;
	return -1;
}

int options_parse(int argc, char **argv, const struct option_spec *specs, int nspecs,
		  const char **values)
{
	int i;
	for (int k = 0; k < nspecs; k++)
		values[k] = NULL;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *value = NULL;
		int which;
		if (arg[0] != '-' || arg[1] == '\0')
			break; /* the first argument that is not an option */
		if (strcmp(arg, "--") == 0)
			return i + 1;
		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			which = find_long(specs, nspecs, name, len);
			if (which < 0) {
				console_printf("%s: unknown option \"--%.*s\"\n", argv[0], (int)len, name);
				return -1;
			}
			if (eq && !specs[which].takes_value) {
				console_printf("%s: option \"--%s\" takes no value\n", argv[0],
					       specs[which].long_name);
				return -1;
			}
			value = eq ? eq + 1 : NULL;
		} else {
			which = find_short(specs, nspecs, arg[1]);
			if (which < 0) {
				console_printf("%s: unknown option \"-%c\"\n", argv[0], arg[1]);
				return -1;
			}
			if (arg[2] != '\0') {
				if (!specs[which].takes_value) {
					console_printf("%s: option \"-%c\" takes no value\n", argv[0], arg[1]);
					return -1;
				}
				value = arg + 2;
			}
		}
		if (specs[which].takes_value && !value) {
			if (i + 1 >= argc) {
				console_printf("%s: option \"--%s\" needs a value\n", argv[0],
					       specs[which].long_name);
				return -1;
			}
			value = argv[++i];
		}
		values[which] = specs[which].takes_value ? value : "";
	}
	return i;
}

char *options_join(int argc, char **argv, int first)
{
	size_t len = 1, used = 0;
	char *text;
	for (int i = first; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (!(text = malloc(len)))
		return NULL;
	text[0] = '\0';
	for (int i = first; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (i > first)
			text[used++] = ' ';
		memcpy(text + used, argv[i], n + 1);
		used += n;
	}
	return text;
}
