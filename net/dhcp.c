/* DHCP over lwIP's raw UDP: DISCOVER, gather offers (an address offer and
 * any proxyDHCP offer), REQUEST, ACK; then, if the proxy offered PXE service
 * without a boot file, ask it on port 4011. Retransmissions back off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "lwip/netif.h"
#include "lwip/udp.h"
#include "dhcp.h"
#include "inet.h"
#include "netif.h"

#define MAX_REPLIES 16
#define DISCOVER_GIVE_UP_MS 20000
#define PROXY_WAIT_MS 1500      /* after the first address offer, for proxyDHCP */
#define REQUEST_GIVE_UP_MS 6000

struct dhcp_run {
	struct dhcp_client client;
	struct dhcp_reply *replies; /* MAX_REPLIES, heap: they are large */
	int count;
	struct udp_pcb *pcb;
	struct netif *netif;
	const char *dev_name;
	int datagrams;    /* everything that reached port 68 */
	int last_reject;  /* why the last one was not for us (dhcp_parse error) */
};

static void on_datagram(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr,
			u16_t port)
{
	struct dhcp_run *run = arg;
	uint8_t buf[1600];
	u16_t len = p->tot_len > sizeof(buf) ? (u16_t)sizeof(buf) : p->tot_len;
	(void)pcb, (void)addr, (void)port;

	pbuf_copy_partial(p, buf, len, 0);
	pbuf_free(p);
	run->datagrams++;
	if (run->count >= MAX_REPLIES)
		return;
	int rc = dhcp_parse(buf, len, &run->client, &run->replies[run->count]);
	if (rc == 0)
		run->count++;
	else
		run->last_reject = rc;
}

static int send_to(struct dhcp_run *run, enum dhcp_message_type type, uint32_t requested,
		   uint32_t server_id, uint32_t dest, u16_t port)
{
	uint8_t buf[DHCP_MAX_PACKET];
	size_t len = dhcp_build(buf, sizeof(buf), &run->client, type, requested, server_id);
	struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
	ip_addr_t to;
	err_t err;

	if (!p)
		return -1;
	pbuf_take(p, buf, (u16_t)len);
	ip_addr_set_ip4_u32(&to, dest);
	/* From our address once we have one (boot server requests), else 0.0.0.0. */
	err = udp_sendto_if_src(run->pcb, p, &to, port, run->netif,
				run->client.ciaddr ? netif_ip_addr4(run->netif) : IP4_ADDR_ANY);
	pbuf_free(p);
	return err == ERR_OK ? 0 : -1;
}

static uint32_t server_of(const struct dhcp_reply *r)
{
	uint32_t id = dhcp_option_u32(r, 54);
	return id ? id : r->siaddr;
}

/* Index of the first reply of a type (and, with want_proxy, proxy-ness). */
static int find_reply(struct dhcp_run *run, uint8_t type, int want_proxy)
{
	for (int i = 0; i < run->count; i++)
		if (run->replies[i].type == type &&
		    (want_proxy < 0 || dhcp_is_proxy(&run->replies[i]) == (want_proxy == 1)))
			return i;
	return -1;
}

/* Sends DISCOVER with back-off until an address offer (and any proxy offer
 * right behind it) is in; returns the chosen offer's index or -1. */
static int discover(struct dhcp_run *run)
{
	uint64_t start = platform_now_ms(), next_send = start, first_offer = 0;
	unsigned interval = 1000;

	for (;;) {
		uint64_t now = platform_now_ms();
		int best;
		if (now >= next_send) {
			send_to(run, DHCPDISCOVER, 0, 0, 0xffffffff, DHCP_SERVER_PORT);
			next_send = now + interval;
			interval = interval < 8000 ? interval * 2 : 8000;
		}
		net_poll();
		best = dhcp_best_offer(run->replies, run->count);
		if (best >= 0) {
			char file[256];
			if (!first_offer)
				first_offer = now;
			/* A PXE answer with a boot file, or a proxy offer, ends the wait. */
			if (find_reply(run, DHCPOFFER, 1) >= 0 ||
			    (dhcp_is_pxe(&run->replies[best]) &&
			     dhcp_boot_file(&run->replies[best], file, sizeof(file))[0]) ||
			    now - first_offer >= PROXY_WAIT_MS)
				return best;
		}
		if (now - start >= DISCOVER_GIVE_UP_MS)
			return -1;
	}
}

/* Waits for an ACK or NAK to what was last sent; its index or -1. */
static int await_ack(struct dhcp_run *run, int first_new, uint64_t give_up_ms,
		     int (*resend)(struct dhcp_run *, void *), void *ctx)
{
	uint64_t start = platform_now_ms(), next_send = start + 1000;
	for (;;) {
		uint64_t now = platform_now_ms();
		net_poll();
		for (int i = first_new; i < run->count; i++)
			if (run->replies[i].type == DHCPACK || run->replies[i].type == DHCPNAK)
				return i;
		if (now - start >= give_up_ms)
			return -1;
		if (now >= next_send) {
			resend(run, ctx);
			next_send = now + 2000;
		}
	}
}

struct request_args {
	uint32_t ip, server, dest;
	u16_t port;
};

static int send_request(struct dhcp_run *run, void *ctx)
{
	struct request_args *a = ctx;
	return send_to(run, DHCPREQUEST, a->ip, a->server, a->dest, a->port);
}


static void fill_result(struct dhcp_result *res, const struct dhcp_reply *ack)
{
	res->ack = *ack;
	res->ip = ack->yiaddr;
	res->netmask = dhcp_option_u32(ack, 1);
	res->gateway = dhcp_option_u32(ack, 3);
	res->server = server_of(ack);
	res->next_server = dhcp_next_server(ack);
	dhcp_boot_file(ack, res->filename, sizeof(res->filename));
}

/* The boot instructions of a proxy answer replace the address server's. */
static void take_proxy(struct dhcp_result *res, const struct dhcp_reply *proxy)
{
	char file[256];
	res->proxy = *proxy;
	res->has_proxy = true;
	res->proxy_server = server_of(proxy);
	if (dhcp_boot_file(proxy, file, sizeof(file))[0]) {
		snprintf(res->filename, sizeof(res->filename), "%s", file);
		res->next_server = dhcp_next_server(proxy) ? dhcp_next_server(proxy) : res->proxy_server;
		res->boot_from_proxy = true;
	}
}

/* A proxy offer without a boot file: the proxy (or the boot server its
 * menu names) answers on port 4011 (PXE 2.1, 2.2.5). Asks once, and once
 * more for the first menu item when the first answer is itself a menu.
 * Returns the answer with a boot file, else the offer as it was. */
static const struct dhcp_reply *ask_boot_server(struct dhcp_run *run,
						const struct dhcp_reply *offer, uint32_t our_ip)
{
	const struct dhcp_reply *p = offer;
	char file[256], bs[16];
	for (int round = 0; round < 2 && !dhcp_boot_file(p, file, sizeof(file))[0]; round++) {
		struct request_args boot = { 0, 0, server_of(p), DHCP_PROXY_PORT };
		struct pxe_menu_item item = { 0, "" };
		int first = run->count, answer;
		inet_text(server_of(p), bs, sizeof(bs));
		run->client.ciaddr = our_ip;
		run->client.has_boot_item = dhcp_pxe_menu_first(p, &item);
		run->client.boot_item = item.type;
		if (run->client.has_boot_item)
			console_printf("%s: PXE boot menu from %s: \"%s\" (type %u)\n", run->dev_name,
				       bs, item.description, item.type);
		send_request(run, &boot);
		answer = await_ack(run, first, 4000, send_request, &boot);
		run->client.ciaddr = 0;
		run->client.has_boot_item = false;
		if (answer < 0 || run->replies[answer].type != DHCPACK) {
			console_printf("%s: the PXE boot server %s did not answer on port %d\n",
				       run->dev_name, bs, DHCP_PROXY_PORT);
			return offer;
		}
		p = &run->replies[answer];
	}
	return dhcp_boot_file(p, file, sizeof(file))[0] ? p : offer;
}

static uint16_t client_arch(void)
{
	if (strcmp(platform_name(), "efi") != 0)
		return DHCP_ARCH_BIOS;
	return strcmp(platform_arch(), "x86_64") == 0 ? DHCP_ARCH_EFI_X86_64 : DHCP_ARCH_EFI_IA32;
}

static int run_dhcp(struct dhcp_run *run, struct netdev *dev, struct dhcp_result *res)
{
	char server[16], addr[16];
	int offer, ack, proxy;
	struct request_args req;

	offer = discover(run);
	if (offer < 0) {
		snprintf(dev->error, sizeof(dev->error),
			 "no DHCP answer in %d seconds (%lu frames sent, %lu received, %d to the "
			 "DHCP client port%s%s)", DISCOVER_GIVE_UP_MS / 1000, dev->tx_frames,
			 dev->rx_frames, run->datagrams, run->last_reject ? ", last refused: " : "",
			 run->last_reject ? dhcp_strerror(run->last_reject) : "");
		return -1;
	}
	req = (struct request_args){ run->replies[offer].yiaddr, server_of(&run->replies[offer]),
				     0xffffffff, DHCP_SERVER_PORT };
	proxy = find_reply(run, DHCPOFFER, 1);
	send_request(run, &req);
	ack = await_ack(run, 0, REQUEST_GIVE_UP_MS, send_request, &req);
	inet_text(req.server, server, sizeof(server));
	inet_text(req.ip, addr, sizeof(addr));
	if (ack < 0) {
		snprintf(dev->error, sizeof(dev->error),
			 "DHCP server %s offered %s but did not answer the request", server, addr);
		return -1;
	}
	if (run->replies[ack].type == DHCPNAK) {
		snprintf(dev->error, sizeof(dev->error), "DHCP server %s refused (NAK) address %s",
			 server, addr);
		return -1;
	}
	fill_result(res, &run->replies[ack]);
	netif_set_addr(run->netif, (const ip4_addr_t *)&res->ip, (const ip4_addr_t *)&res->netmask,
		       (const ip4_addr_t *)&res->gateway);

	if (proxy >= 0)
		take_proxy(res, ask_boot_server(run, &run->replies[proxy], res->ip));
	return 0;
}

/* Parses a packet the firmware kept (its own transaction, not ours). */
static bool parse_cached(const struct dhcp_run *run, const uint8_t *pkt, size_t len,
			 struct dhcp_reply *r)
{
	struct dhcp_client c = run->client;
	if (!pkt || len < 240)
		return false;
	memcpy(&c.xid, pkt + 4, 4);
	return dhcp_parse(pkt, len, &c, r) == 0 && r->yiaddr != 0xffffffff;
}

/* Nobody answered: configure from the answer the firmware received when it
 * loaded bootnet. Its boot file is the one that loaded bootnet itself, so it
 * is not booted again. */
static int use_cached(struct dhcp_run *run, struct netdev *dev, struct dhcp_result *res)
{
	struct dhcp_reply *ack = &run->replies[0];
	char addr[16], server[16];
	if (!parse_cached(run, dev->cached.ack, dev->cached.ack_len, ack) || !ack->yiaddr)
		return -1;
	fill_result(res, ack);
	res->filename[0] = '\0';
	netif_set_addr(run->netif, (const ip4_addr_t *)&res->ip, (const ip4_addr_t *)&res->netmask,
		       (const ip4_addr_t *)&res->gateway);
	inet_text(res->ip, addr, sizeof(addr));
	inet_text(res->server, server, sizeof(server));
	console_printf("%s: %s\n%s: using instead the address %s that %s received from %s "
		       "(its boot file is the one that loaded bootnet: not booted again)\n",
		       dev->name, dev->error, dev->name, addr, dev->cached.source, server);
	return 0;
}

int dhcp_configure(struct netdev *dev, struct dhcp_result *res)
{
	struct dhcp_run run = { 0 };
	int rc = -1;

	memset(res, 0, sizeof(*res));
	run.netif = net_attach(dev);
	if (!run.netif)
		return -1;
	run.dev_name = dev->name;
	memcpy(run.client.mac, dev->mac, 6);
	run.client.xid = net_random32();
	run.client.arch = client_arch();
	run.client.feature_count = dhcp_ipxe_features(strcmp(platform_name(), "efi") == 0,
						      &run.client.features);
	run.replies = calloc(MAX_REPLIES, sizeof(*run.replies));
	run.pcb = udp_new();
	if (!run.replies || !run.pcb || udp_bind(run.pcb, IP4_ADDR_ANY, DHCP_CLIENT_PORT) != ERR_OK) {
		snprintf(dev->error, sizeof(dev->error), "out of memory for DHCP");
		goto out;
	}
	udp_recv(run.pcb, on_datagram, &run);
	rc = run_dhcp(&run, dev, res);
	if (rc != 0 && dev->cached.ack)
		rc = use_cached(&run, dev, res);
out:
	if (run.pcb)
		udp_remove(run.pcb);
	free(run.replies);
	return rc;
}
