/* The firmware's network paths on EFI, described for the device report:
 * SNP, NII (UNDI) and PXE Base Code handles, with the PCI device each
 * sits on and whether bootnet was loaded through it. */
#include <stdio.h>
#include <string.h>
#include "../firmware/platform.h"
#include "efi_platform.h"

/* NII 3.1 has its own GUID; older firmware publishes the EFI 1.1 one. */
#define NII_31_GUID \
	{ 0x1aced566, 0x76ed, 0x4218, { 0xbc, 0x81, 0x76, 0x7f, 0x1f, 0x97, 0x7a, 0x89 } }

static UINTN path_size(EFI_DEVICE_PATH *dp)
{
	UINT8 *p = (UINT8 *)dp;
	for (;;) {
		UINTN len = p[2] | (p[3] << 8);
		if (p[0] == END_DEVICE_PATH_TYPE && p[1] == END_ENTIRE_DEVICE_PATH_SUBTYPE)
			return (UINTN)(p - (UINT8 *)dp);
		if (len < 4)
			return 0;
		p += len;
	}
}

/* True if the path of handle is where the running bootnet image came from
 * (the same handle, or a prefix of the image's device path). */
BOOLEAN efi_is_boot_device(EFI_HANDLE handle)
{
	EFI_GUID li_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	EFI_LOADED_IMAGE *li;
	EFI_DEVICE_PATH *mine, *boot;
	UINTN n;

	if (efi_bs->HandleProtocol(efi_image_handle, &li_guid, (void **)&li) != EFI_SUCCESS)
		return FALSE;
	if (li->DeviceHandle == handle)
		return TRUE;
	mine = efi_device_path_of(handle);
	boot = li->DeviceHandle ? efi_device_path_of(li->DeviceHandle) : NULL;
	if (!mine || !boot)
		return FALSE;
	n = path_size(mine);
	return n && n <= path_size(boot) && memcmp(mine, boot, n) == 0;
}

static void fill_common(struct netpath_info *p, enum netpath_kind kind, EFI_HANDLE handle)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->on_pci = efi_pci_location_of(handle, &p->pci.segment, &p->pci.bus, &p->pci.dev,
					&p->pci.fn);
	p->boot_device = efi_is_boot_device(handle);
}

static void describe_snp(struct netpath_info *p, EFI_SIMPLE_NETWORK *snp, const char *child)
{
	static const char *const states[] = { "stopped", "started", "initialized" };
	EFI_SIMPLE_NETWORK_MODE *m = snp->Mode;
	const char *state = m->State < 3 ? states[m->State] : "unknown state";

	p->has_mac = m->HwAddressSize >= 6;
	memcpy(p->mac, m->CurrentAddress.Addr, 6);
	int n = snprintf(p->detail, sizeof(p->detail), "%s, %s", state,
			 !m->MediaPresentSupported ? "link state not reported" :
			 m->MediaPresent ? "link up" : "no link");
	if (child)
		snprintf(p->detail + n, sizeof(p->detail) - (size_t)n,
			 " (the NIC's SNP again, on the firmware's %s child)", child);
}

static void describe_nii(struct netpath_info *p, EFI_NETWORK_INTERFACE_IDENTIFIER_INTERFACE *nii,
			 const char *which)
{
	char id[5] = { 0 };
	memcpy(id, nii->StringId, 4);
	snprintf(p->detail, sizeof(p->detail), "%s, type %s %u.%u, interface %u", which,
		 id[0] ? id : "?", nii->MajorVer, nii->MinorVer, nii->IfNum);
}

static void describe_pxe(struct netpath_info *p, EFI_PXE_BASE_CODE *pxe)
{
	EFI_PXE_BASE_CODE_MODE *m = pxe->Mode;
	int n;

	if (!m->Started) {
		snprintf(p->detail, sizeof(p->detail), "not started, no cached DHCP packets");
		return;
	}
	n = snprintf(p->detail, sizeof(p->detail), "started; cached:");
	if (m->DhcpAckReceived) {
		const UINT8 *a = m->DhcpAck.Dhcpv4.BootpYiAddr;
		n += snprintf(p->detail + n, sizeof(p->detail) - (size_t)n,
			      " DHCP ack (address %u.%u.%u.%u)", a[0], a[1], a[2], a[3]);
	}
	if (m->ProxyOfferReceived)
		n += snprintf(p->detail + n, sizeof(p->detail) - (size_t)n, " proxy offer");
	if (m->PxeReplyReceived)
		n += snprintf(p->detail + n, sizeof(p->detail) - (size_t)n, " PXE reply");
	if (!m->DhcpAckReceived && !m->ProxyOfferReceived && !m->PxeReplyReceived)
		snprintf(p->detail + n, sizeof(p->detail) - (size_t)n, " no DHCP packets");
}

/* Adds one entry per handle with the protocol; returns the new count. */
static int add_paths(struct netpath_info *paths, int max, int count, EFI_GUID guid,
		     enum netpath_kind kind, const char *which)
{
	EFI_HANDLE *handles;
	UINTN n = efi_handles_with(&guid, &handles);

	for (UINTN i = 0; i < n; i++, count++) {
		void *proto;
		if (count >= max)
			continue; /* still counted */
		if (efi_bs->HandleProtocol(handles[i], &guid, &proto) != EFI_SUCCESS) {
			count--;
			continue;
		}
		fill_common(&paths[count], kind, handles[i]);
		if (kind == NETPATH_SNP)
			describe_snp(&paths[count], proto, efi_network_child_kind(handles[i]));
		else if (kind == NETPATH_NII)
			describe_nii(&paths[count], proto, which);
		else
			describe_pxe(&paths[count], proto);
	}
	if (n)
		efi_bs->FreePool(handles);
	return count;
}

int platform_netpaths(struct netpath_info *paths, int max)
{
	EFI_GUID snp = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_GUID nii31 = NII_31_GUID;
	EFI_GUID nii = EFI_NETWORK_INTERFACE_IDENTIFIER_PROTOCOL_GUID;
	EFI_GUID pxe = EFI_PXE_BASE_CODE_PROTOCOL_GUID;
	int count = 0;

	count = add_paths(paths, max, count, snp, NETPATH_SNP, NULL);
	count = add_paths(paths, max, count, nii31, NETPATH_NII, "NII 3.1");
	count = add_paths(paths, max, count, nii, NETPATH_NII, "NII (EFI 1.1)");
	count = add_paths(paths, max, count, pxe, NETPATH_PXE_BC, NULL);
	return count;
}
