/* Reboot and power-off in the rom64 build (firmware/rom64.h), without
 * ACPI's tables: reboot by the keyboard controller's reset line, else a
 * triple fault (bios_power.c tries the FADT's reset register first);
 * power-off, which needs the DSDT's \_S5 sleep type, refuses in words. */
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "../firmware/rom64.h"
#include "bios_reset.h"

void platform_reboot(void)
{
	bios_reset_hard();
}

void platform_poweroff(void)
{
	console_printf("poweroff: %s; turn the machine off by hand\n",
		       ROM64_LACKS("ACPI power-off"));
}
