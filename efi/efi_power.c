/* Reboot and power-off through the firmware's runtime services. */
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "efi_platform.h"

void platform_reboot(void)
{
	efi_rt->ResetSystem(EfiResetCold, EFI_SUCCESS, 0, NULL);
}

void platform_poweroff(void)
{
	efi_rt->ResetSystem(EfiResetShutdown, EFI_SUCCESS, 0, NULL);
}

void platform_halt(void)
{
	console_puts("Press any key to reboot.\n");
	while (platform_console_read_key() < 0)
		efi_bs->Stall(10000);
	platform_reboot();
	for (;;)
		__asm__ volatile("hlt");
}
