/* The BIOS's own network paths in the rom64 build: none. It is the NIC's
 * option ROM, so no PXE stack lies below it and its native driver drives
 * the NIC (firmware/rom64.h; bios_undi.c is the full build's UNDI). */
#include <stdio.h>
#include "../firmware/netdev.h"
#include "../firmware/rom64.h"
#include "bios_platform.h"

void bios_pxe_init(void)
{
}

int platform_netpaths(struct netpath_info *paths, int max)
{
	(void)paths, (void)max;
	return 0;
}

const char *platform_netpath_default(void)
{
	return "native";
}

struct netdev *platform_netpath_netdev(enum netpath_kind kind, const struct pci_location *loc,
				       char *why, size_t why_size)
{
	(void)kind, (void)loc;
	snprintf(why, why_size, "%s", ROM64_BUILD " drives the NIC with its own driver only "
		 "(an option ROM has no PXE stack below it)");
	return NULL;
}

int platform_netdevs_off_pci(struct netdev **devs, int max)
{
	(void)devs, (void)max;
	return 0;
}

void platform_netdev_firmware_facts(struct netdev *dev)
{
	(void)dev;
}
