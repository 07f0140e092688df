/* Script and shell commands. Each family of commands lives in its own
 * file (cmd_*.c) and exports one table ending with an empty entry;
 * commands.c lists the tables. */
#ifndef COMMAND_H
#define COMMAND_H

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

#endif
