/* What the efi/ files share among themselves (never seen by the core). */
#ifndef EFI_PLATFORM_H
#define EFI_PLATFORM_H

#include <efi.h>

extern EFI_HANDLE efi_image_handle;
extern EFI_SYSTEM_TABLE *efi_systab;
extern EFI_BOOT_SERVICES *efi_bs;
extern EFI_RUNTIME_SERVICES *efi_rt;

void efi_console_init(void);
void efi_time_init(void);
void efi_connect_network_devices(void);

/* All handles carrying a protocol; caller frees with FreePool. */
UINTN efi_handles_with(EFI_GUID *protocol, EFI_HANDLE **handles);
/* The device path of a handle, or NULL. */
EFI_DEVICE_PATH *efi_device_path_of(EFI_HANDLE handle);
/* The PCI location of the PCI device a handle sits on, if any. */
BOOLEAN efi_pci_location_of(EFI_HANDLE handle, UINT16 *segment, UINT8 *bus, UINT8 *dev,
			    UINT8 *fn);

#endif
