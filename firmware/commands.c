/* Every command family, in the order `help` lists them. */
#include <string.h>
#include "command.h"

extern const struct command cmd_console_commands[];
extern const struct command cmd_image_commands[];
extern const struct command cmd_net_commands[];
extern const struct command cmd_settings_commands[];
extern const struct command cmd_flow_commands[];
extern const struct command cmd_menu_commands[];
extern const struct command cmd_params_commands[];
extern const struct command cmd_power_commands[];
extern const struct command cmd_misc_commands[];
extern const struct command cmd_digest_commands[];
extern const struct command cmd_dns_commands[];
extern const struct command cmd_san_commands[];
extern const struct command cmd_netprobe_commands[];

static const struct command *const tables[] = {
	cmd_console_commands,
	cmd_image_commands,
	cmd_net_commands,
	cmd_settings_commands,
	cmd_flow_commands,
	cmd_menu_commands,
	cmd_params_commands,
	cmd_power_commands,
	cmd_misc_commands,
	cmd_digest_commands,
	cmd_dns_commands,
	cmd_san_commands,
	cmd_netprobe_commands,
};

const struct command *command_find(const char *name)
{
	return command_find_in(tables, sizeof(tables) / sizeof(tables[0]), name);
}

void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx)
{
	command_each_in(tables, sizeof(tables) / sizeof(tables[0]), visit, ctx);
}
