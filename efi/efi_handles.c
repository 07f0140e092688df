/* Small helpers over the firmware's handle database. */
#include "efi_platform.h"

UINTN efi_handles_with(EFI_GUID *protocol, EFI_HANDLE **handles)
{
	UINTN count = 0;
	if (efi_bs->LocateHandleBuffer(ByProtocol, protocol, NULL, &count, handles) != EFI_SUCCESS)
		return 0;
	return count;
}

EFI_DEVICE_PATH *efi_device_path_of(EFI_HANDLE handle)
{
	EFI_GUID dp_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
	EFI_DEVICE_PATH *dp = NULL;
	if (efi_bs->HandleProtocol(handle, &dp_guid, (void **)&dp) != EFI_SUCCESS)
		return NULL;
	return dp;
}

BOOLEAN efi_pci_location_of(EFI_HANDLE handle, UINT16 *segment, UINT8 *bus, UINT8 *dev,
			    UINT8 *fn)
{
	EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
	EFI_DEVICE_PATH *dp = efi_device_path_of(handle);
	EFI_HANDLE pci_handle;
	EFI_PCI_IO_PROTOCOL *pci;
	UINTN s, b, d, f;

	/* The nearest handle along the device path that is a PCI device. */
	if (!dp || efi_bs->LocateDevicePath(&pci_guid, &dp, &pci_handle) != EFI_SUCCESS)
		return FALSE;
	if (efi_bs->HandleProtocol(pci_handle, &pci_guid, (void **)&pci) != EFI_SUCCESS)
		return FALSE;
	if (pci->GetLocation(pci, &s, &b, &d, &f) != EFI_SUCCESS)
		return FALSE;
	*segment = (UINT16)s;
	*bus = (UINT8)b;
	*dev = (UINT8)d;
	*fn = (UINT8)f;
	return TRUE;
}

EFI_DEVICE_PATH *efi_device_path_last_node(EFI_DEVICE_PATH *dp)
{
	UINT8 *p = (UINT8 *)dp, *last = NULL;
	if (!dp)
		return NULL;
	for (;;) {
		UINTN len = p[2] | (p[3] << 8);
		if (p[0] == END_DEVICE_PATH_TYPE && p[1] == END_ENTIRE_DEVICE_PATH_SUBTYPE)
			return (EFI_DEVICE_PATH *)last;
		if (len < 4)
			return NULL;
		last = p;
		p += len;
	}
}

const char *efi_network_child_kind(EFI_HANDLE handle)
{
	EFI_DEVICE_PATH *last = efi_device_path_last_node(efi_device_path_of(handle));
	UINT8 *n = (UINT8 *)last;
	if (!n || n[0] != MESSAGING_DEVICE_PATH)
		return NULL;
	if (n[1] == MSG_IPv4_DP)
		return "IPv4";
	if (n[1] == MSG_IPv6_DP)
		return "IPv6";
	if (n[1] == MSG_VLAN_DP)
		return "VLAN";
	return NULL;
}
