/* Looking commands up in a list of tables (see command.h). */
#include <string.h>
#include "command.h"

const struct command *command_find_in(const struct command *const *tables, size_t count,
				      const char *name)
{
	for (size_t t = 0; t < count; t++)
		for (const struct command *c = tables[t]; c->name; c++)
			if (strcmp(c->name, name) == 0)
				return c;
	return NULL;
}

void command_each_in(const struct command *const *tables, size_t count,
		     void (*visit)(const struct command *cmd, void *ctx), void *ctx)
{
	for (size_t t = 0; t < count; t++)
		for (const struct command *c = tables[t]; c->name; c++)
			visit(c, ctx);
}
