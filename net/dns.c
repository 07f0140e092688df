/* The DNS resolver over lwIP UDP (see dns.h): one question at a time to
 * each server in turn, a few tries with a growing wait, CNAMEs followed
 * with new questions when a reply stops short of an address. Packets are
 * read by dns_packet.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/platform.h"
#include "../firmware/settings.h"
#include "lwip/udp.h"
#include "dns.h"
#include "dns_packet.h"
#include "inet.h"
#include "netif.h"

#define MAX_SERVERS 4
#define TRIES 3
#define FIRST_WAIT_MS 1500 /* doubled on each try */
#define REPLY_MAX 1500

unsigned int net_random32(void);

struct exchange {
	uint8_t reply[REPLY_MAX];
	size_t len;
	ip_addr_t server;
	bool got;
	uint32_t answered_by;      /* the server whose reply is in the result */
};

static void on_reply(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr,
		     u16_t port)
{
	struct exchange *x = arg;
	(void)pcb;
	/* Only the server asked, from its DNS port, and the first reply. */
	if (!x->got && port == DNS_PORT && ip_addr_cmp(addr, &x->server)) {
		x->len = pbuf_copy_partial(p, x->reply, sizeof(x->reply), 0);
		x->got = true;
	}
	pbuf_free(p);
}

/* The first MAX_SERVERS servers the settings name; how many. */
static int dns_servers(uint32_t *servers)
{
	uint8_t raw[256]; /* a whole DHCP option */
	int len = settings_fetch_raw("dns", raw, sizeof(raw));
	int n = len > 0 ? len / 4 : 0;
	if (n > MAX_SERVERS)
		n = MAX_SERVERS;
	memcpy(servers, raw, (size_t)n * 4);
	return n;
}

/* "10.77.0.1 and 10.77.0.2" into buf. */
static const char *server_list(const uint32_t *servers, int count, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < count && n < size; i++) {
		char ip[INET_TEXT_MAX];
		n += (size_t)snprintf(buf + n, size - n, "%s%s",
				      i == 0 ? "" : i == count - 1 ? " and " : ", ",
				      inet_text(servers[i], ip, sizeof(ip)));
	}
	return buf;
}

/* Outcome of asking about one name. */
enum asked { ASK_ANSWERED, ASK_SILENT, ASK_FAILED };

/* Asks the servers about name until one answers; the answer's result in
 * *result and *out, or why it failed in err. */
static enum asked ask(struct udp_pcb *pcb, struct exchange *x, const uint32_t *servers,
		      int count, const char *name, int *result, struct dns_answer *out,
		      char *err, size_t err_size)
{
	uint8_t query[DNS_QUERY_MAX];
	uint32_t wait = FIRST_WAIT_MS;
	bool heard = false;        /* some server answered, with an error */
	int heard_result = 0;
	unsigned heard_rcode = 0;

	for (int t = 0; t < TRIES; t++, wait *= 2) {
		for (int s = 0; s < count; s++) {
			uint16_t id = (uint16_t)net_random32();
			size_t qlen = dns_build_query(id, name, query, sizeof(query));
			struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)qlen, PBUF_RAM);
			if (!p) {
				snprintf(err, err_size, "out of memory");
				return ASK_FAILED;
			}
			pbuf_take(p, query, (u16_t)qlen);
			ip_addr_set_ip4_u32(&x->server, servers[s]);
			x->got = false;
			err_t sent = udp_sendto(pcb, p, &x->server, DNS_PORT);
			pbuf_free(p);
			if (sent != ERR_OK) {
				char ip[INET_TEXT_MAX];
				snprintf(err, err_size, "cannot send to the DNS server %s (no route: is "
					 "the network configured? try `dhcp`)",
					 inet_text(servers[s], ip, sizeof(ip)));
				return ASK_FAILED;
			}
			uint64_t until = platform_now_ms() + wait;
			while (platform_now_ms() < until) {
				net_poll();
				if (!x->got)
					continue;
				x->got = false;
				*result = dns_parse_reply(x->reply, x->len, id, name, out);
				if (*result == DNS_ERR_NOT_OURS)
					continue; /* a late reply to an earlier try: keep waiting */
				x->answered_by = servers[s];
				if (*result != DNS_ERR_SERVER && *result != DNS_ERR_MALFORMED)
					return ASK_ANSWERED;
				/* This server cannot help: the next one may. */
				heard = true;
				heard_result = *result;
				heard_rcode = out->rcode;
				break;
			}
		}
	}
	if (heard) {
		*result = heard_result;
		out->rcode = heard_rcode;
		return ASK_ANSWERED;
	}
	return ASK_SILENT;
}

/* Resolves one fully written name, following CNAMEs. */
static int resolve_name(struct udp_pcb *pcb, struct exchange *x, const uint32_t *servers,
			int count, const char *name, uint32_t *addr, int *result, char *why,
			size_t why_size)
{
	char current[DNS_NAME_TEXT_MAX + 1], list[80];
	struct dns_answer *a = malloc(sizeof(*a));
	int hops = 0, rc = -1;

	if (!a) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	snprintf(current, sizeof(current), "%s", name);
	for (;;) {
		enum asked asked = ask(pcb, x, servers, count, current, result, a, why, why_size);
		if (asked == ASK_FAILED)
			break;
		if (asked == ASK_SILENT) {
			*result = 0;
			snprintf(why, why_size, "no answer from %s after %d tries",
				 server_list(servers, count, list, sizeof(list)), TRIES);
			break;
		}
		if (*result == DNS_ADDRESS) {
			*addr = a->addr;
			rc = 0;
			break;
		}
		if (*result == DNS_ASK_CNAME && (hops += (int)a->cnames) <= DNS_MAX_CNAMES) {
			snprintf(current, sizeof(current), "%s", a->cname);
			continue;
		}
		if (*result == DNS_ASK_CNAME)
			*result = DNS_ERR_CNAME_LOOP;
		char ip[INET_TEXT_MAX];
		inet_text(x->answered_by, ip, sizeof(ip));
		if (*result == DNS_ERR_SERVER)
			snprintf(why, why_size, "%s answered %s", ip, dns_rcode_name(a->rcode));
		else if (strcmp(current, name) != 0)
			snprintf(why, why_size, "%s (an alias of %s): %s says %s", current, name, ip,
				 dns_strerror(*result));
		else
			snprintf(why, why_size, "%s says %s", ip, dns_strerror(*result));
		break;
	}
	free(a);
	return rc;
}

/* The index'th search domain: from the DHCP search list (option 119) when
 * there is one, else the domain name (option 15, or `set domain`). */
static bool search_domain(unsigned index, char *out)
{
	uint8_t list[512];
	int len = settings_fetch_raw("119", list, sizeof(list));
	if (len > 0)
		return dns_search_domain(list, (size_t)len, index, out) == 0;
	return index == 0 && settings_format("domain", out, DNS_NAME_TEXT_MAX + 1) > 0 &&
	       dns_name_valid(out);
}

int dns_resolve(const char *name, uint32_t *addr, char *err, size_t err_size)
{
	uint32_t servers[MAX_SERVERS];
	char domain[DNS_NAME_TEXT_MAX + 1], full[2 * DNS_NAME_TEXT_MAX + 2], why[240];
	struct exchange *x;
	struct udp_pcb *pcb;
	int count, rc = -1, result = 0;

	if (inet_parse(name, addr))
		return 0;
	if (!dns_name_valid(name)) {
		snprintf(err, err_size, "\"%s\" is not a valid host name", name);
		return -1;
	}
	count = dns_servers(servers);
	if (count == 0) {
		snprintf(err, err_size, "cannot resolve %s: no DNS server is known (DHCP gave none; "
			 "name one with `set dns 10.0.0.1`)", name);
		return -1;
	}
	x = calloc(1, sizeof(*x));
	pcb = udp_new();
	if (!x || !pcb || udp_bind(pcb, IP4_ADDR_ANY, 0) != ERR_OK) {
		snprintf(err, err_size, "cannot resolve %s: out of memory", name);
		goto out;
	}
	udp_recv(pcb, on_reply, x);
	/* A name without a dot is first tried in each search domain. */
	for (unsigned i = 0; !strchr(name, '.') && search_domain(i, domain); i++) {
		snprintf(full, sizeof(full), "%s.%s", name, domain);
		if (!dns_name_valid(full))
			continue;
		rc = resolve_name(pcb, x, servers, count, full, addr, &result, why, sizeof(why));
		if (rc == 0 || result != DNS_ERR_NXDOMAIN)
			goto done;
	}
	rc = resolve_name(pcb, x, servers, count, name, addr, &result, why, sizeof(why));
done:
	if (rc != 0)
		snprintf(err, err_size, "cannot resolve %s: %s", name, why);
out:
	if (pcb)
		udp_remove(pcb);
	free(x);
	return rc;
}
