/* lwIP interfaces over netdevs, and the one poll loop that drives them. */
#ifndef NET_NETIF_H
#define NET_NETIF_H

#include "../firmware/netdev.h"

struct netif;

/* Opens dev and adds an lwIP interface for it; NULL with dev->error set on failure. */
struct netif *net_attach(struct netdev *dev);
/* Removes the interface and closes the device. */
void net_detach(struct netdev *dev);
/* The interface of an attached device, or NULL. */
struct netif *net_netif_of(struct netdev *dev);
/* Receives what every attached device has waiting and runs lwIP's timers. */
void net_poll(void);

#endif
