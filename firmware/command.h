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

/* The command called name, or NULL. */
const struct command *command_find(const char *name);
/* Calls visit for every command, table by table (for `help`). */
void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx);

#endif
