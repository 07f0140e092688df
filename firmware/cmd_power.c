/* Power commands: reboot, poweroff. */
#include "command.h"
#include "console.h"
#include "platform.h"

static int cmd_reboot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	platform_reboot();
	console_puts("reboot: the firmware did not reboot the machine\n");
	return 1;
}

static int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	platform_poweroff();
	console_puts("poweroff: the firmware did not power the machine off\n");
	return 1;
}

const struct command cmd_power_commands[] = {
	{ "reboot", cmd_reboot },
	{ "poweroff", cmd_poweroff },
	{ NULL, NULL },
};
