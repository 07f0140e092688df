/* Which firmware network paths become netdevs: one SNP per network device,
 * the one bootnet was loaded from first; a NII 3.1 (bootnet drives the
 * UNDI itself) for a device that has no SNP. A test build made with
 * -DBOOTNET_PREFER_NII (make NETPATH=nii) takes NII first, to exercise it
 * on machines whose NICs have both. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/netdev.h"
#include "efi_platform.h"
#include "efi_nii.h"

#define MAX_NETDEVS 32

struct netdev *efi_snp_netdev(EFI_HANDLE handle, EFI_SIMPLE_NETWORK *snp);
void efi_cached_dhcp_fill(struct netdev *dev, EFI_HANDLE nic);

static bool same_device(const struct netdev *a, const struct netdev *b)
{
	if (a->on_pci && b->on_pci)
		return a->pci.segment == b->pci.segment && a->pci.bus == b->pci.bus &&
		       a->pci.dev == b->pci.dev && a->pci.fn == b->pci.fn;
	return memcmp(a->mac, b->mac, 6) == 0;
}

static void probe_snp(struct netdev **found, int *n)
{
	EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count = efi_handles_with(&snp_guid, &handles);

	for (UINTN i = 0; i < count && *n < MAX_NETDEVS; i++) {
		EFI_SIMPLE_NETWORK *snp;
		struct netdev *dev;
		bool duplicate = false;
		if (efi_network_child_kind(handles[i]))
			continue; /* the same SNP again, on a firmware stack child */
		if (efi_bs->HandleProtocol(handles[i], &snp_guid, (void **)&snp) != EFI_SUCCESS)
			continue;
		dev = efi_snp_netdev(handles[i], snp);
		if (!dev)
			break;
		for (int k = 0; k < *n; k++)
			duplicate |= same_device(found[k], dev);
		if (duplicate) {
			free(dev->priv); /* several drivers may each offer an SNP for one NIC */
			continue;
		}
		dev->loaded_from = efi_is_boot_device(handles[i]);
		efi_cached_dhcp_fill(dev, handles[i]);
		found[(*n)++] = dev;
	}
	if (count)
		efi_bs->FreePool(handles);
}

/* Whether a netdev already found sits on the PCI device of handle. */
static bool pci_taken(struct netdev **found, int n, EFI_HANDLE handle)
{
	struct netdev probe;
	memset(&probe, 0, sizeof(probe));
	if (!efi_pci_location_of(handle, &probe.pci.segment, &probe.pci.bus, &probe.pci.dev,
				 &probe.pci.fn))
		return false;
	probe.on_pci = true;
	for (int k = 0; k < n; k++)
		if (found[k]->on_pci && same_device(found[k], &probe))
			return true;
	return false;
}

static void probe_nii(struct netdev **found, int *n)
{
	EFI_GUID nii_guid = NII_31_GUID;
	EFI_HANDLE *handles;
	UINTN count = efi_handles_with(&nii_guid, &handles);

	for (UINTN i = 0; i < count && *n < MAX_NETDEVS; i++) {
		EFI_NETWORK_INTERFACE_IDENTIFIER_INTERFACE *nii;
		struct netdev *dev;
		const char *why;
		bool duplicate = false;
		if (pci_taken(found, *n, handles[i]))
			continue; /* its SNP is used */
		if (efi_bs->HandleProtocol(handles[i], &nii_guid, (void **)&nii) != EFI_SUCCESS)
			continue;
		dev = efi_nii_netdev(handles[i], nii, &why);
		if (!dev)
			continue; /* an UNDI we cannot drive; the device report lists it */
		for (int k = 0; k < *n; k++)
			duplicate |= !dev->on_pci && !found[k]->on_pci && same_device(found[k], dev);
		if (duplicate)
			continue;
		dev->loaded_from = efi_is_boot_device(handles[i]);
		efi_cached_dhcp_fill(dev, handles[i]);
		found[(*n)++] = dev;
	}
	if (count)
		efi_bs->FreePool(handles);
}

void platform_probe_netdevs(void)
{
	struct netdev *found[MAX_NETDEVS];
	int n = 0;

#ifdef BOOTNET_PREFER_NII
	probe_nii(found, &n);
	probe_snp(found, &n);
#else
	probe_snp(found, &n);
	probe_nii(found, &n);
#endif
	/* The device bootnet came from is net0: autoboot tries it first. */
	for (int k = 0; k < n; k++)
		if (found[k]->loaded_from)
			netdev_register(found[k]);
	for (int k = 0; k < n; k++)
		if (!found[k]->loaded_from)
			netdev_register(found[k]);
}
