/* Script and shell commands. Each family of commands lives in its own
 * file (cmd_*.c) and exports one table ending with an empty entry;
 * commands.c lists the tables. */
#ifndef COMMAND_H
#define COMMAND_H

#include <stddef.h>

struct command {
	const char *name;
	/* 0 on success; otherwise non-zero, having printed why. */
	int (*run)(int argc, char **argv);
};

/* The running command's words from index first to the end, as the script
 * wrote them after ${...} expansion: quotes kept, single spaces between
 * words. For kernel command lines, which must reach the OS unchanged.
 * "" when there are no such words. Valid until the command returns. */
const char *command_args_as_written(int first);

/* The command called name, or NULL. */
const struct command *command_find(const char *name);
/* Calls visit for every command, table by table (for `help`). */
void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx);

/* The same over a given list of tables (commands.c passes the firmware's;
 * tests pass their own). */
const struct command *command_find_in(const struct command *const *tables, size_t count,
				      const char *name);
void command_each_in(const struct command *const *tables, size_t count,
		     void (*visit)(const struct command *cmd, void *ctx), void *ctx);

#endif
