/* The EFI application's entry point: keep the firmware's tables, run
 * bootnet, give the machine back (efi_start.c). */
#include "efi_platform.h"

/* gnu-efi's crt0 relocates the image and calls this with the SysV ABI. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	efi_start(image, systab);
	return efi_run_bootnet();
}
