/* Reboot and power-off in the rom64 build (firmware/rom64.h), without
 * ACPI's tables: reboot by the keyboard controller's reset line, else a
 * triple fault (bios_power.c tries the FADT's reset register first);
 * power-off, which needs the DSDT's \_S5 sleep type, refuses in words. */
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "../firmware/rom64.h"
#include "bios_io.h"

void platform_reboot(void)
{
	/* The keyboard controller pulses the CPU's reset line. */
	for (int i = 0; i < 10000 && (inb(0x64) & 0x02); i++)
		platform_delay_us(10);
	outb(0x64, 0xfe);
	platform_delay_us(100000);
	/* A triple fault: no interrupt table, then an interrupt. */
	static const struct { uint16_t limit; uint32_t base; } __attribute__((packed)) none = { 0, 0 };
	__asm__ volatile("lidt %0; int3" : : "m"(none));
}

void platform_poweroff(void)
{
	console_printf("poweroff: %s; turn the machine off by hand\n",
		       ROM64_LACKS("ACPI power-off"));
}

void platform_halt(void)
{
	console_puts("Press any key to reboot.\n");
	while (platform_console_read_key() < 0)
		platform_delay_us(10000);
	platform_reboot();
	for (;;)
		__asm__ volatile("cli; hlt");
}
