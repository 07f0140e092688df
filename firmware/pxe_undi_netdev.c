/* A netdev over a PXE UNDI NIC (pxe_undi.h). */
#include <stdio.h>
#include <string.h>
#include "pxe_undi.h"

static struct pxe_undi *undi_of(struct netdev *dev)
{
	return dev->priv;
}

static int undi_open(struct netdev *dev)
{
	struct pxe_undi *u = undi_of(dev);
	if (pxe_undi_open(u)) {
		snprintf(dev->error, sizeof(dev->error), "%s", u->error);
		return -1;
	}
	return 0;
}

static void undi_close(struct netdev *dev)
{
	pxe_undi_close(undi_of(dev));
}

static int undi_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct pxe_undi *u = undi_of(dev);
	if (pxe_undi_transmit(u, frame, len)) {
		snprintf(dev->error, sizeof(dev->error), "%s", u->error);
		return -1;
	}
	return 0;
}

static int undi_receive(struct netdev *dev, void *buf, size_t size)
{
	struct pxe_undi *u = undi_of(dev);
	unsigned long dropped = u->frames_dropped;
	int len = pxe_undi_receive(u, buf, size);
	dev->rx_dropped += u->frames_dropped - dropped;
	return len;
}

static bool undi_link_up(struct netdev *dev)
{
	(void)dev;
	return true; /* the PXE API cannot tell */
}

static const struct netdev_ops undi_ops = {
	.open = undi_open,
	.close = undi_close,
	.transmit = undi_transmit,
	.receive = undi_receive,
	.link_up = undi_link_up,
};

struct netdev *pxe_undi_netdev(struct pxe_undi *u)
{
	struct netdev *dev = &u->netdev;
	memset(dev, 0, sizeof(*dev));
	dev->priv = u;
	dev->ops = &undi_ops;
	memcpy(dev->mac, u->mac, 6);
	dev->mtu = u->mtu;
	snprintf(dev->path, sizeof(dev->path), "UNDI");
	dev->on_pci = u->has_pci;
	dev->pci = (struct pci_location){ 0, u->bus, u->dev, u->fn };
	return dev;
}
