/* netdev: the one shape every network path takes (a native driver, EFI SNP
 * or NII, BIOS UNDI). The TCP/IP stack only ever sees netdevs. */
#ifndef NETDEV_H
#define NETDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "platform.h"

#define NETDEV_MAX_FRAME 1536

struct netdev;

struct netdev_ops {
	/* Makes the device ready to send and receive; 0 or a negative error
	 * with a message in netdev->error. */
	int (*open)(struct netdev *dev);
	/* Leaves the device as it was found. */
	void (*close)(struct netdev *dev);
	/* Sends one Ethernet frame (with its header, without FCS). */
	int (*transmit)(struct netdev *dev, const void *frame, size_t len);
	/* Copies one received frame into buf: its length, 0 if none is waiting. */
	int (*receive)(struct netdev *dev, void *buf, size_t size);
	/* Whether the link is up (true when the path cannot tell). */
	bool (*link_up)(struct netdev *dev);
};

/* DHCP packets the firmware received on this device before bootnet ran
 * (the PXE ROM that loaded it, Apple's NetBoot): raw BOOTP/DHCP packets,
 * NULL when absent. DHCP falls back on them when nobody answers. */
struct netdev_cached_dhcp {
	uint8_t *ack, *proxy, *pxe_reply;
	size_t ack_len, proxy_len, pxe_reply_len;
	char source[32];           /* "the firmware's PXE client" */
};

struct netdev {
	char name[8];              /* "net0" */
	uint8_t mac[6];
	unsigned mtu;
	const struct netdev_ops *ops;
	void *priv;                /* the path's own state */
	char path[48];             /* how it is driven: "SNP", "tg3", "UNDI" */
	bool on_pci;
	struct pci_location pci;
	bool is_open;
	bool loaded_from;          /* bootnet itself was loaded through it */
	bool claims_pci;           /* a native driver: the PCI function is taken
				    * from the firmware on open, given back on close */
	/* What the last link_up call learned (0: the path cannot tell). */
	unsigned link_mbps;
	bool link_full_duplex;
	char error[160];           /* why open or a transfer failed */
	/* Counters for ifstat and for failure messages. */
	unsigned long tx_frames, tx_errors, rx_frames, rx_dropped;
	struct netdev_cached_dhcp cached;
	/* Frees the netdev and its state once closed (set by whoever made it;
	 * NULL: it is never freed). Used when the NICs are probed again. */
	void (*free)(struct netdev *dev);
	struct netdev *next;
};

/* Adds dev as the next netN; the name is given here. */
void netdev_register(struct netdev *dev);
struct netdev *netdev_first(void);
struct netdev *netdev_find(const char *name);
int netdev_open(struct netdev *dev);
void netdev_close(struct netdev *dev);
/* Closes every open device: before bootnet exits or hands over the machine. */
void netdev_close_all(void);
/* Clears Bus Master Enable of every open NIC a native driver drives, so it
 * writes no more into memory: when the machine is handed over with the
 * network still open (sanboot, then the OS's ExitBootServices). It only
 * touches PCI configuration space, allocates nothing; the devices stay
 * marked open. */
void netdev_stop_dma_all(void);
/* Closes every device, forgets it and frees it: before probing again. The
 * caller first detaches them from the network stack. */
void netdev_remove_all(void);

#endif
