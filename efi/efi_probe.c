/* The firmware's network paths, one NIC at a time, for the core's choice
 * of path (firmware/netprobe.c): SNP and NII 3.1 (bootnet drives the UNDI
 * itself) on a given PCI function, opened to learn whether they work;
 * those on no PCI device (USB NICs) as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/netdev.h"
#include "efi_platform.h"
#include "efi_nii.h"

struct netdev *efi_snp_netdev(EFI_HANDLE handle, EFI_SIMPLE_NETWORK *snp);
void efi_cached_dhcp_fill(struct netdev *dev, EFI_HANDLE nic);

const char *platform_netpath_default(void)
{
	return "snp,native,nii";
}

static bool on_pci(EFI_HANDLE handle)
{
	UINT16 segment;
	UINT8 bus, dev, fn;
	return efi_pci_location_of(handle, &segment, &bus, &dev, &fn);
}

static bool handle_at(EFI_HANDLE handle, const struct pci_location *loc)
{
	struct pci_location at;
	return efi_pci_location_of(handle, &at.segment, &at.bus, &at.dev, &at.fn) &&
	       at.segment == loc->segment && at.bus == loc->bus && at.dev == loc->dev &&
	       at.fn == loc->fn;
}

/* The NIC's own handle carrying protocol (not a network stack child that
 * re-publishes it); NULL when there is none. */
static EFI_HANDLE find_handle(EFI_GUID *protocol, const struct pci_location *loc)
{
	EFI_HANDLE *handles, found = NULL;
	UINTN count = efi_handles_with(protocol, &handles);
	for (UINTN i = 0; i < count && !found; i++) {
		if (efi_network_child_kind(handles[i]))
			continue;
		if (loc ? handle_at(handles[i], loc) : !on_pci(handles[i]))
			found = handles[i];
	}
	if (count)
		efi_bs->FreePool(handles);
	return found;
}

static void free_snp(struct netdev *dev)
{
	free(dev->priv); /* the netdev lives inside it */
}

static void free_netdev(enum netpath_kind kind, struct netdev *dev)
{
	if (kind == NETPATH_SNP)
		free_snp(dev);
	else
		efi_nii_netdev_free(dev);
}

static struct netdev *make_netdev(enum netpath_kind kind, EFI_HANDLE handle, char *why,
				  size_t why_size)
{
	EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_GUID nii_guid = NII_31_GUID;
	struct netdev *dev = NULL;
	void *iface;

	if (efi_bs->HandleProtocol(handle, kind == NETPATH_SNP ? &snp_guid : &nii_guid,
				   &iface) != EFI_SUCCESS) {
		snprintf(why, why_size, "the firmware would not hand out the protocol");
		return NULL;
	}
	if (kind == NETPATH_SNP) {
		dev = efi_snp_netdev(handle, iface);
		if (!dev)
			snprintf(why, why_size, "out of memory");
	} else {
		const char *nii_why = NULL;
		dev = efi_nii_netdev(handle, iface, &nii_why);
		if (!dev)
			snprintf(why, why_size, "%s", nii_why ? nii_why : "cannot be used");
	}
	if (dev) {
		dev->free = kind == NETPATH_SNP ? free_snp : efi_nii_netdev_free;
		dev->loaded_from = efi_is_boot_device(handle);
		efi_cached_dhcp_fill(dev, handle);
	}
	return dev;
}

struct netdev *platform_netpath_netdev(enum netpath_kind kind, const struct pci_location *loc,
				       char *why, size_t why_size)
{
	EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_GUID nii_guid = NII_31_GUID;
	EFI_HANDLE handle;
	struct netdev *dev;

	if (kind != NETPATH_SNP && kind != NETPATH_NII) {
		snprintf(why, why_size, "not a UEFI network path");
		return NULL;
	}
	handle = find_handle(kind == NETPATH_SNP ? &snp_guid : &nii_guid, loc);
	if (!handle) {
		snprintf(why, why_size, "none on this device");
		return NULL;
	}
	dev = make_netdev(kind, handle, why, why_size);
	if (!dev)
		return NULL;
	if (dev->ops->open(dev) != 0) {
		snprintf(why, why_size, "%s", dev->error);
		dev->ops->close(dev); /* back as it was found */
		free_netdev(kind, dev);
		return NULL;
	}
	return dev;
}

static bool same_mac(struct netdev **devs, int n, const struct netdev *dev)
{
	for (int k = 0; k < n; k++)
		if (memcmp(devs[k]->mac, dev->mac, 6) == 0)
			return true;
	return false;
}

/* SNP, else NII, for each NIC the firmware knows on no PCI device. */
int platform_netdevs_off_pci(struct netdev **devs, int max)
{
	static const enum netpath_kind kinds[] = { NETPATH_SNP, NETPATH_NII };
	EFI_GUID guids[] = { EFI_SIMPLE_NETWORK_PROTOCOL_GUID, NII_31_GUID };
	int n = 0;

	for (int k = 0; k < 2; k++) {
		EFI_HANDLE *handles;
		UINTN count = efi_handles_with(&guids[k], &handles);
		for (UINTN i = 0; i < count && n < max; i++) {
			char why[64];
			struct netdev *dev;
			if (efi_network_child_kind(handles[i]) ||
			    on_pci(handles[i]))
				continue;
			dev = make_netdev(kinds[k], handles[i], why, sizeof(why));
			if (!dev)
				continue;
			if (same_mac(devs, n, dev)) {
				free_netdev(kinds[k], dev); /* several drivers may each offer one */
				continue;
			}
			devs[n++] = dev;
		}
		if (count)
			efi_bs->FreePool(handles);
	}
	return n;
}

void platform_netdev_firmware_facts(struct netdev *dev)
{
	EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
	EFI_HANDLE handle = find_handle(&snp_guid, &dev->pci);
	if (!handle)
		handle = find_handle(&pci_guid, &dev->pci);
	if (!handle)
		return;
	dev->loaded_from = efi_is_boot_device(handle);
	efi_cached_dhcp_fill(dev, handle);
}
