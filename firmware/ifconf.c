/* Bringing a network device up (see ifconf.h). */
#include <stdio.h>
#include <string.h>
#include "../net/netif.h"
#include "console.h"
#include "ifconf.h"
#include "link_watch.h"
#include "../net/inet.h"
#include "settings_dhcp.h"


static int prefix_length(uint32_t netmask_be)
{
	const uint8_t *b = (const uint8_t *)&netmask_be;
	int bits = 0;
	for (int i = 0; i < 4; i++)
		for (int k = 7; k >= 0 && (b[i] >> k) & 1; k--)
			bits++;
	return bits;
}

static const char stp_advice[] =
	"  Each link change on a switch port running classic spanning tree (STP)\n"
	"  keeps it from forwarding for about 30 s: use RSTP, or PortFast (port-fast)\n"
	"  on client ports. Also try a fixed speed on the port instead of\n"
	"  autonegotiation, turn off Energy-Efficient Ethernet (EEE, 802.3az), or put a\n"
	"  small unmanaged switch in between.\n";

static void print_link_up(const struct netdev *dev)
{
	if (dev->link_mbps)
		console_printf("%s: link up %u/%s\n", dev->name, dev->link_mbps,
			       dev->link_full_duplex ? "full" : "half");
	else
		console_printf("%s: link up\n", dev->name);
}

/* Waits for link with a visible countdown; false (after saying what is
 * likely wrong) if it never came or would not stay. */
static bool wait_for_link(struct netdev *dev)
{
	struct link_watch w;
	uint64_t shown = 0;
	enum link_verdict v;

	link_watch_start(&w, platform_now_ms());
	while ((v = link_watch_sample(&w, platform_now_ms(), dev->ops->link_up(dev))) ==
	       LINK_WAITING) {
		uint64_t waited = platform_now_ms() - w.start_ms;
		if (waited / 1000 != shown) {
			shown = waited / 1000;
			console_printf("\r%s: waiting for link... %us ", dev->name,
				       (unsigned)((LINK_WAIT_MS - waited + 999) / 1000));
		}
		net_poll();
	}
	if (shown)
		console_puts("\n");
	switch (v) {
	case LINK_UP:
		print_link_up(dev);
		if (w.drops >= LINK_FLAPS_WORRYING) {
			console_printf("%s: the link went down %u times before it settled: a bad "
				       "cable or a switch port renegotiating.\n%s", dev->name, w.drops,
				       stp_advice);
		}
		return true;
	case LINK_FLAPPING:
		console_printf("%s: the link came up %u times and went down %u times in %d seconds "
			       "and is down now: a bad cable or a switch port renegotiating.\n%s",
			       dev->name, w.rises, w.drops, LINK_WAIT_MS / 1000, stp_advice);
		return false;
	default:
		console_printf("%s: no link after %d seconds: the cable is unplugged or broken, or "
			       "the switch port is off or disabled.\n  Check the link lights at both "
			       "ends, try another cable and another switch port.\n", dev->name,
			       LINK_WAIT_MS / 1000);
		return false;
	}
}

static void print_result(const struct netdev *dev, const struct dhcp_result *r)
{
	char ip[16], gw[16], server[16], next[16], proxy[16];
	inet_text(r->ip, ip, sizeof(ip));
	inet_text(r->gateway, gw, sizeof(gw));
	inet_text(r->server, server, sizeof(server));
	inet_text(r->next_server, next, sizeof(next));
	inet_text(r->proxy_server, proxy, sizeof(proxy));
	console_printf("%s: %s/%d gateway %s (from DHCP server %s)\n", dev->name, ip,
		       prefix_length(r->netmask), gw, server);
	if (r->has_proxy)
		console_printf("%s: proxyDHCP answer from %s\n", dev->name, proxy);
	if (r->filename[0])
		console_printf("%s: boot file \"%s\" on server %s%s\n", dev->name, r->filename, next,
			       r->boot_from_proxy ? " (from proxyDHCP)" : "");
	else
		console_printf("%s: the DHCP answer names no boot file (option 67 or the file "
			       "field)\n", dev->name);
}

static void print_no_dhcp_advice(const struct netdev *dev)
{
	console_printf("%s: %s.\n"
		       "  Check: the cable and the link light; that a DHCP server serves this\n"
		       "  network (or a relay forwards to it); on managed switches, spanning tree\n"
		       "  (use RSTP or port-fast on client ports) and energy-saving Ethernet (EEE).\n",
		       dev->name, dev->error);
}

int ifconf(struct netdev *dev, struct dhcp_result *r)
{
	if (!net_attach(dev)) {
		console_printf("%s: cannot open: %s\n", dev->name, dev->error);
		return -1;
	}
	console_printf("%s: %02x:%02x:%02x:%02x:%02x:%02x through %s\n", dev->name, dev->mac[0],
		       dev->mac[1], dev->mac[2], dev->mac[3], dev->mac[4], dev->mac[5], dev->path);
	if (!wait_for_link(dev))
		return -1;
	console_printf("%s: DHCP...\n", dev->name);
	if (dhcp_configure(dev, r) != 0) {
		print_no_dhcp_advice(dev);
		return -1;
	}
	print_result(dev, r);
	if (settings_store_dhcp(dev->name, dev->mac, &r->ack, r->has_proxy ? &r->proxy : NULL) != 0)
		console_printf("%s: could not keep the DHCP answer as settings (out of memory?)\n",
			       dev->name);
	return 0;
}
