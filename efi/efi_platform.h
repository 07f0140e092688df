/* What the efi/ files share among themselves (never seen by the core). */
#ifndef EFI_PLATFORM_H
#define EFI_PLATFORM_H

#include <efi.h>

extern EFI_HANDLE efi_image_handle;
extern EFI_SYSTEM_TABLE *efi_systab;
extern EFI_BOOT_SERVICES *efi_bs;
extern EFI_RUNTIME_SERVICES *efi_rt;

/* Keeps the firmware's tables (the globals above). */
void efi_start(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);
/* Console, clock and NICs up, then the core; returns when it ends. */
EFI_STATUS efi_run_bootnet(void);
/* The option ROM driver (efi_driver.c): a Driver Binding for the NICs with
 * this PCI vendor:device and the one whose ROM the driver came from. */
EFI_STATUS efi_driver_install(UINT16 vendor, UINT16 device);

void efi_console_init(void);
void efi_time_init(void);
void efi_connect_network_devices(void);
/* An ExitBootServices event that stops the DMA of NICs bootnet's own
 * drivers still run (efi_exit_event.c); closed before bootnet returns. */
void efi_exit_event_create(void);
void efi_exit_event_close(void);

/* All handles carrying a protocol; caller frees with FreePool. */
UINTN efi_handles_with(EFI_GUID *protocol, EFI_HANDLE **handles);
/* The device path of a handle, or NULL. */
EFI_DEVICE_PATH *efi_device_path_of(EFI_HANDLE handle);
/* The PCI location of the PCI device a handle sits on, if any. */
BOOLEAN efi_pci_location_of(EFI_HANDLE handle, UINT16 *segment, UINT8 *bus, UINT8 *dev,
			    UINT8 *fn);

struct pci_location;
/* The PciIo of the PCI function at loc, or NULL (efi_pci.c). */
EFI_PCI_IO_PROTOCOL *efi_pci_io_at(const struct pci_location *loc);

/* The last node of a device path (before its end), or NULL. */
EFI_DEVICE_PATH *efi_device_path_last_node(EFI_DEVICE_PATH *dp);
/* "IPv4", "IPv6" or "VLAN" when the handle is a child the firmware's network
 * stack made under a NIC (PXE Base Code children re-publish the NIC's SNP);
 * NULL for the NIC's own handle. */
const char *efi_network_child_kind(EFI_HANDLE handle);

/* Whether bootnet was loaded through handle's device (the same handle, or
 * a prefix of the loaded image's device path). */
BOOLEAN efi_is_boot_device(EFI_HANDLE handle);

/* "Device Error", "Not Ready" ...: an EFI status as the spec names it. */
const char *efi_strerror(EFI_STATUS status);

#endif
