/* The hard way to reset a PC (the keyboard controller's reset line, then
 * a triple fault) and platform_halt, for both builds' reboot:
 * bios_power.c (which tries ACPI's reset register first) and the rom64
 * build's bios_power_rom64.c (which has no ACPI tables). */
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "bios_io.h"
#include "bios_reset.h"

void bios_reset_hard(void)
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

void platform_halt(void)
{
	console_puts("Press any key to reboot.\n");
	while (platform_console_read_key() < 0)
		platform_delay_us(10000);
	platform_reboot();
	for (;;)
		__asm__ volatile("cli; hlt");
}
