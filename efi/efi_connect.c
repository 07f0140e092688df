/* Firmware often connects drivers only to the devices it boots from
 * (OVMF, Macs in fast boot), so a NIC may have no SNP until someone asks.
 * bootnet asks for every network-class PCI device before probing paths. */
#include "efi_platform.h"

#define PCI_CLASS_CODE_OFFSET 0x0b
#define PCI_CLASS_NETWORK 0x02

void efi_connect_network_devices(void)
{
	EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count = efi_handles_with(&pci_guid, &handles);

	for (UINTN i = 0; i < count; i++) {
		EFI_PCI_IO_PROTOCOL *io;
		UINT8 class_code = 0;
		if (efi_bs->HandleProtocol(handles[i], &pci_guid, (void **)&io) != EFI_SUCCESS)
			continue;
		if (io->Pci.Read(io, EfiPciIoWidthUint8, PCI_CLASS_CODE_OFFSET, 1, &class_code) !=
		    EFI_SUCCESS || class_code != PCI_CLASS_NETWORK)
			continue;
		/* Recursive: the NIC driver, then SNP's own consumers below it. */
		efi_bs->ConnectController(handles[i], NULL, NULL, TRUE);
	}
	if (count)
		efi_bs->FreePool(handles);
}
