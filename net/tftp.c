/* TFTP downloads over lwIP UDP, driving the protocol machine in
 * tftp_session.c: datagrams go in from lwIP's receive callback (which runs
 * inside net_poll), packets it wants sent go out after each poll. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/platform.h"
#include "lwip/udp.h"
#include "dns.h"
#include "download.h"
#include "inet.h"
#include "netif.h"
#include "tftp_session.h"

/* Asked of every server: the biggest block one Ethernet frame carries
 * (1500 - IP 20 - UDP 8 - TFTP 4), and a window of blocks per ACK. */
#define TFTP_BLKSIZE 1468
#define TFTP_WINDOW 16
/* Unanswered retransmissions before giving up: with the adaptive timeout
 * (at most 5 s) a dead server is reported in well under half a minute. */
#define TFTP_RETRIES 5

struct tftp_fetch {
	struct tftp_session session;
	struct image *img;
	struct progress *progress;
	/* One byte more than the largest valid DATA: a longer datagram still
	 * reaches the session as too long, which it refuses. */
	uint8_t packet[TFTP_BLKSIZE + 5];
	bool out_of_memory;
};

static int store_block(void *ctx, uint64_t offset, const uint8_t *data, size_t len)
{
	struct tftp_fetch *f = ctx;
	struct tftp_info info;
	if (image_write(f->img, offset, data, len) != 0) {
		f->out_of_memory = true;
		return -1;
	}
	tftp_session_info(&f->session, &info);
	progress_update(f->progress, offset + len, info.tsize_known ? info.tsize : 0);
	return 0;
}

static void on_datagram(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr,
			u16_t port)
{
	struct tftp_fetch *f = arg;
	u16_t len = p->tot_len > sizeof(f->packet) ? (u16_t)sizeof(f->packet) : p->tot_len;
	(void)pcb, (void)addr;
	pbuf_copy_partial(p, f->packet, len, 0);
	pbuf_free(p);
	tftp_session_input(&f->session, f->packet, len, port, platform_now_ms(), store_block, f);
}

/* Sends everything the session has queued. */
static void flush(struct tftp_fetch *f, struct udp_pcb *pcb, const ip_addr_t *server)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port;
	size_t len;
	while ((len = tftp_session_output(&f->session, buf, sizeof(buf), &port, platform_now_ms()))) {
		struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
		if (!p)
			return;
		pbuf_take(p, buf, (u16_t)len);
		udp_sendto(pcb, p, server, port);
		pbuf_free(p);
	}
}

int tftp_fetch(const struct uri *u, struct image *img, struct progress *progress, char *err,
	       size_t err_size)
{
	struct tftp_options want = { .blksize = TFTP_BLKSIZE, .windowsize = TFTP_WINDOW,
				     .ask_tsize = true, .max_retries = TFTP_RETRIES };
	struct tftp_fetch *f;
	struct udp_pcb *pcb;
	ip_addr_t server;
	uint32_t addr;
	char *path;
	int rc = -1;

	if (dns_resolve(u->host, &addr, err, err_size) != 0)
		return -1;
	ip_addr_set_ip4_u32(&server, addr);
	want.server_port = (uint16_t)uri_port(u, TFTP_PORT);
	/* The file is the path without its leading slash, percent-decoded. */
	path = malloc(strlen(u->path) + 1);
	f = calloc(1, sizeof(*f));
	pcb = udp_new();
	if (!path || !f || !pcb || udp_bind(pcb, IP4_ADDR_ANY, 0) != ERR_OK) {
		snprintf(err, err_size, "out of memory");
		goto out;
	}
	uri_decode(u->path[0] == '/' ? u->path + 1 : u->path, path, strlen(u->path) + 1);
	f->img = img;
	f->progress = progress;
	if (tftp_session_init(&f->session, path, &want, platform_now_ms()) != 0) {
		snprintf(err, err_size, "%s", tftp_session_error_text(&f->session));
		goto out;
	}
	udp_recv(pcb, on_datagram, f);
	while (!tftp_session_done(&f->session) && !tftp_session_error(&f->session)) {
		flush(f, pcb, &server);
		net_poll();
		tftp_session_poll(&f->session, platform_now_ms());
		if (download_expired()) {
			snprintf(err, err_size, "server %s had sent %llu bytes when time ran out",
				 u->host, (unsigned long long)f->img->len);
			goto out;
		}
	}
	flush(f, pcb, &server); /* the final ACK, or the ERROR telling the server why */
	if (tftp_session_error(&f->session)) {
		if (f->out_of_memory)
			snprintf(err, err_size, "out of memory for the file");
		else
			snprintf(err, err_size, "server %s: %s", u->host,
				 tftp_session_error_text(&f->session));
		goto out;
	}
	rc = 0;
out:
	if (pcb)
		udp_remove(pcb);
	free(f);
	free(path);
	return rc;
}
