/* What the application (efi_entry.c) and the option ROM driver
 * (efi_driver_entry.c) share: the firmware's tables, and bootnet's run
 * itself (console and clock up, NICs connected, the core, the machine
 * given back). */
#include "../firmware/main.h"
#include "efi_platform.h"

EFI_HANDLE efi_image_handle;
EFI_SYSTEM_TABLE *efi_systab;
EFI_BOOT_SERVICES *efi_bs;
EFI_RUNTIME_SERVICES *efi_rt;

void efi_start(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	efi_image_handle = image;
	efi_systab = systab;
	efi_bs = systab->BootServices;
	efi_rt = systab->RuntimeServices;
}

EFI_STATUS efi_run_bootnet(void)
{
	/* The firmware's 5-minute watchdog would reset us mid-download. */
	efi_bs->SetWatchdogTimer(0, 0, 0, NULL);
	efi_console_init();
	efi_time_init();
	efi_connect_network_devices();
	efi_exit_event_create();
	int rc = bootnet_main();
	efi_exit_event_close();
	return rc == 0 ? EFI_SUCCESS : EFI_ABORTED;
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
