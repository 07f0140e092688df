/* The 32-bit core's entry: the prefix (prefix.S) calls bios_entry in flat
 * protected mode with the handover block; console, memory and clock come
 * up, then the core runs. Returning gives the machine back to the PXE
 * ROM, which tries its next boot device. */
#include "../firmware/main.h"
#include "../firmware/platform.h"
#include "bios_platform.h"

struct bios_handover *bios_handover;

void bios_entry(struct bios_handover *h) __attribute__((used));
void bios_entry(struct bios_handover *h)
{
	bios_handover = h;
	bios_exceptions_init();
	bios_serial_init();
	bios_console_init();
	bios_memory_init();
	bios_time_init();
	bios_pxe_init();
	bootnet_main();
}

const char *platform_name(void)
{
	return "pcbios";
}

const char *platform_arch(void)
{
	return "i386";
}
