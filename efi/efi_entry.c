/* The EFI application's entry point: keep the firmware's tables, bring
 * up console and clock, run the core, give the machine back. The option
 * ROM's driver build (BOOTNET_EFI_DRIVER) only installs its driver here and
 * runs the same efi_run_bootnet later (efi_driver.c). */
#include "../firmware/main.h"
#include "efi_platform.h"

EFI_HANDLE efi_image_handle;
EFI_SYSTEM_TABLE *efi_systab;
EFI_BOOT_SERVICES *efi_bs;
EFI_RUNTIME_SERVICES *efi_rt;

/* gnu-efi's crt0 relocates the image and calls this with the SysV ABI. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	efi_image_handle = image;
	efi_systab = systab;
	efi_bs = systab->BootServices;
	efi_rt = systab->RuntimeServices;
#ifdef BOOTNET_EFI_DRIVER
	/* The option ROM's driver: bootnet runs later, from its boot option. */
	return efi_driver_install();
#else
	return efi_run_bootnet();
#endif
}

EFI_STATUS efi_run_bootnet(void)
{
	/* The firmware's 5-minute watchdog would reset us mid-download. */
	efi_bs->SetWatchdogTimer(0, 0, 0, NULL);
	efi_console_init();
	efi_time_init();
	efi_connect_network_devices();
	return bootnet_main() == 0 ? EFI_SUCCESS : EFI_ABORTED;
}

const char *platform_name(void)
{
	return "efi";
}

const char *platform_arch(void)
{
#if defined(__x86_64__)
	return "x86_64";
#else
	return "i386";
#endif
}
