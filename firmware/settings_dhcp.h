/* Storing a DHCP result as settings, in one call from the network code
 * after DHCP succeeds on a device:
 *
 *   settings_store_dhcp(dev->name, dev->mac, &result->ack,
 *                       result->has_proxy ? &result->proxy : NULL);
 *
 * Afterwards ${net0/mac}, ${net0/ip}, ${netmask}, ${gateway}, ${dns},
 * ${filename}, ${next-server}, ${66}, ${net0.dhcp/67}, ${proxydhcp/67}...
 * answer as in iPXE, and netX means this device. */
#ifndef SETTINGS_DHCP_H
#define SETTINGS_DHCP_H

#include <stdint.h>
#include "../net/dhcp_packet.h"

/* Replaces "<netdev>/mac", everything in "<netdev>.dhcp" (every option
 * of ack, ip from yiaddr, next-server from siaddr, filename from the
 * file field when option 67 is absent) and, when proxy is given,
 * "proxydhcp". 0, or a negative settings error. */
int settings_store_dhcp(const char *netdev, const uint8_t mac[6], const struct dhcp_reply *ack,
			const struct dhcp_reply *proxy);

#endif
