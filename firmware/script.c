/* A minimal iPXE-script interpreter: one command per line, "#" comments,
 * words split at spaces. Failures name the command and the script line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "console.h"
#include "script.h"

#define MAX_WORDS 32
#define MAX_DEPTH 8 /* chained scripts inside scripts */

static char as_written[4096];  /* see command_args_as_written() */
static char *const *current_argv;
static int current_argc;
static const char *current_uri; /* the running script's URI, for relative URIs */
static int depth;

bool script_probe(const struct image *img)
{
	return img->len >= 6 && memcmp(img->data, "#!ipxe", 6) == 0;
}

const char *script_current_uri(void)
{
	return current_uri;
}

const char *command_args_as_written(int first)
{
	size_t used = 0;
	as_written[0] = '\0';
	for (int i = first; i < current_argc; i++)
		used += (size_t)snprintf(as_written + used, used < sizeof(as_written) ?
					 sizeof(as_written) - used : 0, "%s%s",
					 i > first ? " " : "", current_argv[i]);
	return as_written;
}

/* Splits line (modified in place) into words at spaces and tabs. */
static int split(char *line, char **argv)
{
	int argc = 0;
	char *p = line;
	while (argc < MAX_WORDS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return argc;
}

static int run_line(char *line, int number, const char *script_name)
{
	char *argv[MAX_WORDS];
	int argc = split(line, argv);
	const struct command *cmd;
	if (argc == 0 || argv[0][0] == '#' || argv[0][0] == ':')
		return 0;
	if (strcmp(argv[0], "exit") == 0)
		return 1;
	cmd = command_find(argv[0]);
	if (!cmd) {
		console_printf("%s: line %d: unknown command \"%s\"\n", script_name, number, argv[0]);
		return -1;
	}
	current_argv = argv;
	current_argc = argc;
	int rc = cmd->run(argc, argv);
	current_argc = 0;
	if (rc != 0) {
		console_printf("%s: line %d: \"%s\" failed\n", script_name, number, argv[0]);
		return -1;
	}
	return 0;
}

int script_run(const struct image *img)
{
	const char *saved_uri = current_uri;
	char name[sizeof(img->name)];
	char *text, *uri;
	int rc = 0, number = 0;

	if (depth >= MAX_DEPTH) {
		console_printf("%s: scripts chained more than %d deep\n", img->name, MAX_DEPTH);
		return -1;
	}
	/* Copies: a command may replace or free the image while it runs. */
	text = malloc(img->len + 1);
	uri = strdup(img->uri);
	if (!text || !uri) {
		free(text);
		free(uri);
		return -1;
	}
	memcpy(text, img->data, img->len);
	text[img->len] = '\0';
	snprintf(name, sizeof(name), "%s", img->name);
	depth++;
	current_uri = uri;
	for (char *line = text, *next; line && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		rc = run_line(line, ++number, name);
	}
	current_uri = saved_uri;
	depth--;
	free(uri);
	free(text);
	return rc < 0 ? -1 : 0;
}
