/* lwIP glue: one netif per netdev. Frames are copied between the netdev's
 * flat buffers and lwIP's pbufs; nothing runs from interrupts or timers,
 * everything from net_poll(). */
#include <stdlib.h>
#include <string.h>
#include "lwip/etharp.h"
#include "netif/ethernet.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/timeouts.h"
#include "netif.h"

struct attached {
	struct netif netif;
	struct netdev *dev;
	struct attached *next;
};

static struct attached *attached;
static uint8_t frame[NETDEV_MAX_FRAME];

static err_t link_output(struct netif *netif, struct pbuf *p)
{
	struct netdev *dev = netif->state;
	uint8_t out[NETDEV_MAX_FRAME];
	if (p->tot_len > sizeof(out))
		return ERR_BUF;
	pbuf_copy_partial(p, out, p->tot_len, 0);
	if (dev->ops->transmit(dev, out, p->tot_len) != 0) {
		dev->tx_errors++;
		return ERR_IF;
	}
	dev->tx_frames++;
	return ERR_OK;
}

static err_t netif_setup(struct netif *netif)
{
	struct netdev *dev = netif->state;
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->hwaddr_len = 6;
	memcpy(netif->hwaddr, dev->mac, 6);
	netif->mtu = (u16_t)(dev->mtu > 1500 ? 1500 : dev->mtu);
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif->output = etharp_output;
	netif->linkoutput = link_output;
	return ERR_OK;
}

struct netif *net_attach(struct netdev *dev)
{
	struct attached *a;
	if ((a = (struct attached *)net_netif_of(dev)))
		return &a->netif;
	if (netdev_open(dev) != 0)
		return NULL;
	a = calloc(1, sizeof(*a));
	if (!a) {
		netdev_close(dev);
		return NULL;
	}
	a->dev = dev;
	if (!netif_add(&a->netif, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4, dev, netif_setup,
		       ethernet_input)) {
		free(a);
		netdev_close(dev);
		return NULL;
	}
	netif_set_up(&a->netif);
	netif_set_link_up(&a->netif);
	if (!netif_default)
		netif_set_default(&a->netif);
	a->next = attached;
	attached = a;
	return &a->netif;
}

struct netif *net_netif_of(struct netdev *dev)
{
	for (struct attached *a = attached; a; a = a->next)
		if (a->dev == dev)
			return &a->netif;
	return NULL;
}

void net_detach(struct netdev *dev)
{
	for (struct attached **p = &attached; *p; p = &(*p)->next) {
		struct attached *a = *p;
		if (a->dev != dev)
			continue;
		*p = a->next;
		netif_remove(&a->netif);
		free(a);
		break;
	}
	netdev_close(dev);
}

/* Bounded per call so one busy NIC cannot starve the timers. */
#define MAX_FRAMES_PER_POLL 64

void net_poll(void)
{
	for (struct attached *a = attached; a; a = a->next) {
		for (int i = 0; i < MAX_FRAMES_PER_POLL; i++) {
			int len = a->dev->ops->receive(a->dev, frame, sizeof(frame));
			struct pbuf *p;
			if (len <= 0)
				break;
			a->dev->rx_frames++;
			p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);
			if (!p) {
				a->dev->rx_dropped++; /* out of memory: lost, as on a busy wire */
				break;
			}
			pbuf_take(p, frame, (u16_t)len);
			if (a->netif.input(p, &a->netif) != ERR_OK)
				pbuf_free(p);
		}
	}
	sys_check_timeouts();
}
