/* PCI enumeration over the platform's configuration access. */
#include <stdio.h>
#include "pci.h"

struct scan {
	struct pci_device_info *devices;
	int max;
	int count;
};

static uint32_t config_read(const struct pci_location *loc, unsigned offset, unsigned width)
{
	uint32_t value = 0xffffffff;
	if (!platform_pci_config_read(loc, offset, width, &value))
		return 0xffffffff;
	return value;
}

static void record_device(const struct pci_location *loc, void *ctx)
{
	struct scan *scan = ctx;
	uint32_t id = config_read(loc, 0x00, 4);
	uint32_t class_rev = config_read(loc, 0x08, 4);
	uint32_t subsys = config_read(loc, 0x2c, 4);
	struct pci_device_info *d;

	if ((id & 0xffff) == 0xffff)
		return; /* nothing answers at this address */
	if (scan->count++ >= scan->max)
		return;
	d = &scan->devices[scan->count - 1];
	d->loc = *loc;
	d->vendor = id & 0xffff;
	d->device = id >> 16;
	d->revision = class_rev & 0xff;
	d->prog_if = (class_rev >> 8) & 0xff;
	d->subclass = (class_rev >> 16) & 0xff;
	d->class_code = class_rev >> 24;
	d->subsystem_vendor = subsys & 0xffff;
	d->subsystem_device = subsys >> 16;
}

int pci_scan(struct pci_device_info *devices, int max)
{
	struct scan scan = { devices, max, 0 };
	platform_pci_enumerate(record_device, &scan);
	return scan.count;
}

void pci_location_format(const struct pci_location *loc, char *buf, int size)
{
	if (loc->segment)
		snprintf(buf, (size_t)size, "%04x:%02x:%02x.%x", loc->segment, loc->bus, loc->dev, loc->fn);
	else
		snprintf(buf, (size_t)size, "%02x:%02x.%x", loc->bus, loc->dev, loc->fn);
}

bool pci_location_equal(const struct pci_location *a, const struct pci_location *b)
{
	return a->segment == b->segment && a->bus == b->bus && a->dev == b->dev && a->fn == b->fn;
}
