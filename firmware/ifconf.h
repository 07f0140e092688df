/* Bringing a network device up: open it, wait for link, DHCP, and the
 * result printed and stored as settings (${net0/ip}, ${filename}...). The
 * one path autoboot and the `dhcp`/`ifconf` commands share. */
#ifndef IFCONF_H
#define IFCONF_H

#include "../net/dhcp.h"
#include "netdev.h"

/* 0 with the result in r, or -1 after saying why (and what to check). */
int ifconf(struct netdev *dev, struct dhcp_result *r);

#endif
