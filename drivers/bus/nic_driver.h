/* The shape of a native NIC driver (drivers/net/): which PCI IDs it
 * claims and how it brings one up as a netdev. */
#ifndef NIC_DRIVER_H
#define NIC_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include "pci.h"
#include "../../firmware/netdev.h"

struct pci_id {
	uint16_t vendor, device;
	const char *name;        /* "BCM57766" */
};

struct nic_driver {
	const char *name;        /* "tg3": also what netdev->path says */
	const struct pci_id *ids; /* ends with an entry whose vendor is 0 */
	/* For a driver of one chip or a few ("the RTL8139"): what it covers,
	 * so a report on another NIC of its vendor does not suggest the table
	 * merely lacks it. NULL for a family whose table may lack a relative. */
	const char *covers;
	/* Brings up the function (already claimed: decoding and bus mastering
	 * on): fills netdev's ops, priv, mac, mtu and path, and returns 0; or
	 * returns a negative error with why filled in ("firmware handshake
	 * timed out after 100 ms"), having left the device stopped.
	 * netdev->ops->close must stop all DMA, so the machine can be handed
	 * over safely after it. */
	int (*probe)(const struct pci_device_info *pci, const struct pci_id *id,
		     struct netdev *netdev, char *why, size_t why_size);
};

/* Every driver built in, NULL-terminated (drivers/net/nic_drivers.c). */
extern const struct nic_driver *const nic_drivers[];

/* The driver claiming vendor:device, and its table entry; NULL when none. */
const struct nic_driver *nic_driver_find(uint16_t vendor, uint16_t device,
					 const struct pci_id **id);

#endif
