/* The DHCP client: gets an address and the boot instructions, PXE-style,
 * on one network device. */
#ifndef NET_DHCP_H
#define NET_DHCP_H

#include <stdbool.h>
#include <stdint.h>
#include "../firmware/netdev.h"
#include "dhcp_packet.h"

struct dhcp_result {
	uint32_t ip, netmask, gateway;  /* network byte order */
	uint32_t server;                /* the DHCP server that gave the address */
	uint32_t next_server;           /* where the boot file is */
	char filename[256];
	bool boot_from_proxy;           /* next_server/filename came from proxyDHCP */
	uint32_t proxy_server;
	struct dhcp_reply ack;          /* the address server's ACK, for settings */
	struct dhcp_reply proxy;        /* the proxyDHCP answer, when has_proxy */
	bool has_proxy;
};

/* Runs DHCP on dev (attached to lwIP on the way) and configures its
 * interface. 0, or a negative error with a message in dev->error. */
int dhcp_configure(struct netdev *dev, struct dhcp_result *result);

#endif
