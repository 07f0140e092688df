/* Finding the native driver that claims a PCI vendor:device. */
#include "nic_driver.h"

const struct nic_driver *nic_driver_find(uint16_t vendor, uint16_t device,
					 const struct pci_id **id)
{
	for (int d = 0; nic_drivers[d]; d++) {
		for (const struct pci_id *i = nic_drivers[d]->ids; i->vendor; i++) {
			if (i->vendor == vendor && i->device == device) {
				if (id)
					*id = i;
				return nic_drivers[d];
			}
		}
	}
	return NULL;
}
