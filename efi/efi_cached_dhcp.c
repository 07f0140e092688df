/* The DHCP packets the firmware already received on a NIC: the PXE Base
 * Code's cache (the PXE client that loaded bootnet) and, on Macs, Apple's
 * NetBoot protocol. Copied onto the netdev so DHCP can fall back on them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/netdev.h"
#include "efi_platform.h"

/* Apple's NetBoot protocol: two calls, each filling a buffer with a packet. */
#define APPLE_NETBOOT_PROTOCOL_GUID \
	{ 0x78ee99fb, 0x6a5e, 0x4186, { 0x97, 0xde, 0xcd, 0x0a, 0xba, 0x34, 0x5a, 0x74 } }
struct apple_netboot;
typedef EFI_STATUS (EFIAPI *apple_netboot_get)(struct apple_netboot *self, UINTN *size,
						VOID *buffer);
struct apple_netboot {
	apple_netboot_get get_dhcp_response;
	apple_netboot_get get_bsdp_response;
};

/* Whether two handles sit on the same NIC: same PCI function, else one's
 * device path starts with the other's. */
static bool same_nic(EFI_HANDLE a, EFI_HANDLE b)
{
	UINT16 sa, sb;
	UINT8 ba, bb, da, db, fa, fb;
	if (efi_pci_location_of(a, &sa, &ba, &da, &fa) && efi_pci_location_of(b, &sb, &bb, &db, &fb))
		return sa == sb && ba == bb && da == db && fa == fb;
	return a == b;
}

static void keep(uint8_t **dst, size_t *dst_len, const void *packet, size_t len)
{
	uint8_t *copy = malloc(len);
	if (!copy)
		return;
	memcpy(copy, packet, len);
	free(*dst);
	*dst = copy;
	*dst_len = len;
}

static void from_pxe_base_code(struct netdev *dev, EFI_HANDLE nic)
{
	EFI_GUID guid = EFI_PXE_BASE_CODE_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN n = efi_handles_with(&guid, &handles);
	for (UINTN i = 0; i < n; i++) {
		EFI_PXE_BASE_CODE *pxe;
		if (!same_nic(handles[i], nic) ||
		    efi_bs->HandleProtocol(handles[i], &guid, (void **)&pxe) != EFI_SUCCESS ||
		    !pxe->Mode->Started || !pxe->Mode->DhcpAckReceived)
			continue;
		EFI_PXE_BASE_CODE_MODE *m = pxe->Mode;
		keep(&dev->cached.ack, &dev->cached.ack_len, &m->DhcpAck, sizeof(m->DhcpAck));
		if (m->ProxyOfferReceived)
			keep(&dev->cached.proxy, &dev->cached.proxy_len, &m->ProxyOffer,
			     sizeof(m->ProxyOffer));
		if (m->PxeReplyReceived)
			keep(&dev->cached.pxe_reply, &dev->cached.pxe_reply_len, &m->PxeReply,
			     sizeof(m->PxeReply));
		snprintf(dev->cached.source, sizeof(dev->cached.source), "the firmware's PXE client");
		break;
	}
	if (n)
		efi_bs->FreePool(handles);
}

static void from_apple_netboot(struct netdev *dev, EFI_HANDLE nic)
{
	EFI_GUID guid = APPLE_NETBOOT_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN n = efi_handles_with(&guid, &handles);
	for (UINTN i = 0; i < n && !dev->cached.ack; i++) {
		struct apple_netboot *nb;
		uint8_t packet[1472];
		UINTN size = sizeof(packet);
		if (!same_nic(handles[i], nic) ||
		    efi_bs->HandleProtocol(handles[i], &guid, (void **)&nb) != EFI_SUCCESS)
			continue;
		if (nb->get_dhcp_response(nb, &size, packet) == EFI_SUCCESS && size <= sizeof(packet)) {
			keep(&dev->cached.ack, &dev->cached.ack_len, packet, size);
			snprintf(dev->cached.source, sizeof(dev->cached.source), "Apple's NetBoot");
		}
	}
	if (n)
		efi_bs->FreePool(handles);
}

void efi_cached_dhcp_fill(struct netdev *dev, EFI_HANDLE nic)
{
	from_pxe_base_code(dev, nic);
	if (!dev->cached.ack)
		from_apple_netboot(dev, nic);
}
