/* Which firmware network paths become netdevs: one SNP per network device,
 * the one bootnet was loaded from first. */
#include <string.h>
#include "../firmware/netdev.h"
#include "efi_platform.h"

struct netdev *efi_snp_netdev(EFI_HANDLE handle, EFI_SIMPLE_NETWORK *snp);
void efi_cached_dhcp_fill(struct netdev *dev, EFI_HANDLE nic);

static bool same_device(const struct netdev *a, const struct netdev *b)
{
	if (a->on_pci && b->on_pci)
		return a->pci.segment == b->pci.segment && a->pci.bus == b->pci.bus &&
		       a->pci.dev == b->pci.dev && a->pci.fn == b->pci.fn;
	return memcmp(a->mac, b->mac, 6) == 0;
}

void platform_probe_netdevs(void)
{
	EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count = efi_handles_with(&snp_guid, &handles);
	struct netdev *found[32];
	int n = 0;

	for (UINTN i = 0; i < count && n < 32; i++) {
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
		for (int k = 0; k < n; k++)
			duplicate |= same_device(found[k], dev);
		if (duplicate)
			continue; /* several drivers may each offer an SNP for one NIC */
		efi_cached_dhcp_fill(dev, handles[i]);
		found[n++] = dev;
	}
	if (count)
		efi_bs->FreePool(handles);
	for (int k = 0; k < n; k++)
		netdev_register(found[k]);
}
