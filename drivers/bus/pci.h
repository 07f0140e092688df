/* PCI devices as the core sees them: found through the platform, named
 * from our own tables. */
#ifndef PCI_H
#define PCI_H

#include <stdbool.h>
#include <stdint.h>
#include "../../firmware/platform.h"

#define PCI_CLASS_NETWORK 0x02

struct pci_device_info {
	struct pci_location loc;
	uint16_t vendor, device;
	uint16_t subsystem_vendor, subsystem_device;
	uint8_t class_code, subclass, prog_if, revision;
};

/* Fills at most max devices, in bus order; returns how many exist. */
int pci_scan(struct pci_device_info *devices, int max);

/* "00:03.0", or "0001:00:03.0" outside segment 0. */
void pci_location_format(const struct pci_location *loc, char *buf, int size);
bool pci_location_equal(const struct pci_location *a, const struct pci_location *b);

/* Names for people; NULL (vendor, device) or a generic text (class) when unknown. */
const char *pci_vendor_name(uint16_t vendor);
const char *pci_device_name(uint16_t vendor, uint16_t device);
const char *pci_class_name(uint8_t class_code, uint8_t subclass);

#endif
