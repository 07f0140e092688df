/* The list of network devices and their open/close bookkeeping. */
#include <stdio.h>
#include <string.h>
#include "netdev.h"

#define PCI_COMMAND_OFFSET 0x04
#define PCI_COMMAND_BUS_MASTER 0x0004

static struct netdev *devices;

void netdev_register(struct netdev *dev)
{
	struct netdev **tail = &devices;
	int index = 0;
	while (*tail) {
		tail = &(*tail)->next;
		index++;
	}
	snprintf(dev->name, sizeof(dev->name), "net%d", index);
	dev->next = NULL;
	*tail = dev;
}

struct netdev *netdev_first(void)
{
	return devices;
}

struct netdev *netdev_find(const char *name)
{
	for (struct netdev *d = devices; d; d = d->next)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

int netdev_open(struct netdev *dev)
{
	int rc;
	if (dev->is_open)
		return 0;
	dev->error[0] = '\0';
	if (dev->claims_pci && !platform_pci_claim(&dev->pci, dev->error, sizeof(dev->error)))
		return -1;
	rc = dev->ops->open(dev);
	if (rc != 0 && dev->claims_pci)
		platform_pci_release(&dev->pci);
	dev->is_open = (rc == 0);
	return rc;
}

void netdev_close(struct netdev *dev)
{
	if (!dev->is_open)
		return;
	dev->ops->close(dev);
	dev->is_open = false;
	/* The device is stopped: the firmware's driver may have it back. */
	if (dev->claims_pci)
		platform_pci_release(&dev->pci);
}

void netdev_close_all(void)
{
	for (struct netdev *d = devices; d; d = d->next)
		netdev_close(d);
}

/* Called from the platform's ExitBootServices notify: allocates nothing and
 * calls nothing but PCI configuration access. Only native drivers' NICs:
 * firmware paths (SNP, NII) are stopped by the firmware itself. */
void netdev_stop_dma_all(void)
{
	for (struct netdev *d = devices; d; d = d->next) {
		uint32_t command;
		if (!d->is_open || !d->claims_pci)
			continue;
		if (platform_pci_config_read(&d->pci, PCI_COMMAND_OFFSET, 2, &command))
			platform_pci_config_write(&d->pci, PCI_COMMAND_OFFSET, 2,
						  command & ~(uint32_t)PCI_COMMAND_BUS_MASTER);
	}
}

void netdev_remove_all(void)
{
	struct netdev *d = devices;
	devices = NULL;
	while (d) {
		struct netdev *next = d->next;
		netdev_close(d);
		if (d->free)
			d->free(d);
		d = next;
	}
}
