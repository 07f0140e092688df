/* Settings commands: set, clear, show, read, inc, isset, iseq. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "options.h"
#include "console.h"
#include "settings.h"
#include "shell.h"

static int cmd_set(int argc, char **argv)
{
	char *value;
	int rc;
	if (argc < 2) {
		console_puts("set: usage: set <setting> [<value>...]\n");
		return 1;
	}
	value = options_join(argc, argv, 2);
	if (!value) {
		console_puts("set: out of memory\n");
		return 1;
	}
	rc = settings_set(argv[1], value);
	free(value);
	if (rc < 0) {
		console_printf("set: cannot set \"%s\": %s\n", argv[1], settings_strerror(rc));
		return 1;
	}
	return 0;
}

static int cmd_clear(int argc, char **argv)
{
	int rc;
	if (argc != 2) {
		console_puts("clear: usage: clear <setting>\n");
		return 1;
	}
	rc = settings_delete(argv[1]);
	if (rc < 0) {
		console_printf("clear: \"%s\": %s\n", argv[1], settings_strerror(rc));
		return 1;
	}
	return 0;
}

static void print_line(const char *text, void *ctx)
{
	(void)ctx;
	console_printf("%s\n", text);
}

static int cmd_show(int argc, char **argv)
{
	char text[512];
	int rc;
	if (argc == 1) {
		settings_each(print_line, NULL);
		return 0;
	}
	if (argc != 2) {
		console_puts("show: usage: show [<setting>]\n");
		return 1;
	}
	rc = settings_describe(argv[1], text, sizeof(text));
	if (rc < 0) {
		console_printf("show: \"%s\": %s\n", argv[1], settings_strerror(rc));
		return 1;
	}
	console_printf("%s%s\n", text, (size_t)rc >= sizeof(text) ? "..." : "");
	return 0;
}

static int cmd_read(int argc, char **argv)
{
	char *current = NULL, *line;
	int len, rc;
	if (argc != 2) {
		console_puts("read: usage: read <setting>\n");
		return 1;
	}
	len = settings_format(argv[1], NULL, 0);
	if (len > 0 && (current = malloc((size_t)len + 1)) != NULL)
		settings_format(argv[1], current, (size_t)len + 1);
	line = shell_readline("", current ? current : "", false);
	free(current);
	if (!line) {
		console_puts("read: cancelled\n");
		return 1;
	}
	rc = settings_set(argv[1], line);
	free(line);
	if (rc < 0) {
		console_printf("read: cannot set \"%s\": %s\n", argv[1], settings_strerror(rc));
		return 1;
	}
	return 0;
}

/* As iPXE, inc keeps the setting's type ("x:int32 = 6" after `inc x`);
 * a setting that does not exist yet becomes an int32. */
static const char *inc_spec(const char *name, char *spec, size_t size)
{
	char described[256], *equals, *colon;
	const char *type = "int32";
	if (strchr(name, ':'))
		return name;
	if (settings_describe(name, described, sizeof(described)) >= 0 &&
	    (equals = strstr(described, " = ")) != NULL) {
		*equals = '\0';
		if ((colon = strrchr(described, ':')) != NULL)
			type = colon + 1;
	}
	snprintf(spec, size, "%s:%s", name, type);
	return spec;
}

static int cmd_inc(int argc, char **argv)
{
	char text[32], spec[160];
	long value = 0, step = 1;
	char *end;
	int len, rc;
	if (argc != 2 && argc != 3) {
		console_puts("inc: usage: inc <setting> [<increment>]\n");
		return 1;
	}
	if (argc == 3) {
		step = strtol(argv[2], &end, 0);
		if (!*argv[2] || *end) {
			console_printf("inc: \"%s\" is not a number\n", argv[2]);
			return 1;
		}
	}
	len = settings_format(argv[1], text, sizeof(text));
	if (len > 0 && (size_t)len < sizeof(text)) {
		value = strtol(text, &end, 0);
		if (*end) {
			console_printf("inc: %s is \"%s\", not a number\n", argv[1], text);
			return 1;
		}
	}
	snprintf(text, sizeof(text), "%ld", value + step);
	rc = settings_set(inc_spec(argv[1], spec, sizeof(spec)), text);
	if (rc < 0) {
		console_printf("inc: cannot set \"%s\": %s\n", argv[1], settings_strerror(rc));
		return 1;
	}
	return 0;
}

/* isset <value>: succeeds when the (expanded) value is not empty. */
static int cmd_isset(int argc, char **argv)
{
	if (argc != 2) {
		console_puts("isset: usage: isset <value>\n");
		return 1;
	}
	return argv[1][0] ? 0 : 1;
}

static int cmd_iseq(int argc, char **argv)
{
	if (argc != 3) {
		console_puts("iseq: usage: iseq <value1> <value2>\n");
		return 1;
	}
	return strcmp(argv[1], argv[2]) == 0 ? 0 : 1;
}

const struct command cmd_settings_commands[] = {
	{ "set", cmd_set },
	{ "clear", cmd_clear },
	{ "show", cmd_show },
	{ "read", cmd_read },
	{ "inc", cmd_inc },
	{ "isset", cmd_isset },
	{ "iseq", cmd_iseq },
	{ NULL, NULL },
};
