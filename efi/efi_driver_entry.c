/* The entry point of the option ROM's driver build (bin/bootnet.efirom,
 * linked by tools/media.mk instead of efi_entry.c): keep the firmware's
 * tables and install the Driver Binding for the NIC the ROM is built for
 * (rom_ids.h: `make ROM_VENDOR=... ROM_DEVICE=...`). bootnet itself runs
 * later, when its boot option is booted (efi_driver.c). */
#include "efi_platform.h"
#include "rom_ids.h"

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	efi_start(image, systab);
	return efi_driver_install(ROM_VENDOR, ROM_DEVICE);
}
