/* HTTP connections (see http_conn.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/platform.h"
#include "lwip/tcp.h"
#include "http_conn.h"
#include "tls.h"

static struct http_conn *kept; /* at most one idle keep-alive connection */

static void close_now(struct http_conn *c)
{
	if (c->pcb) {
		tcp_arg(c->pcb, NULL);
		tcp_recv(c->pcb, NULL);
		tcp_sent(c->pcb, NULL);
		tcp_err(c->pcb, NULL);
	}
	tls_free(c->tls); /* its close_notify goes out before the FIN */
	if (c->pcb && tcp_close(c->pcb) != ERR_OK)
		tcp_abort(c->pcb);
	free(c->pending);
	free(c);
}

/* Bytes for the sink; what it does not use spoils the connection. */
static void deliver(struct http_conn *c, const uint8_t *data, size_t len)
{
	size_t used = c->sink ? c->sink(c->sink_ctx, data, len) : 0;
	if (used < len)
		c->spoiled = true; /* bytes nobody asked for, or a parse error */
}

static void tls_failed(struct http_conn *c)
{
	c->failed = true;
	snprintf(c->error, sizeof(c->error), "%s", tls_error(c->tls));
}

/* Moves TLS on after anything happened: the handshake, the request that
 * waited for it, then whatever can be decrypted. */
static void tls_pump(struct http_conn *c)
{
	enum { PLAIN_MAX = 16384 };     /* one TLS record's worth */
	static uint8_t *buf;            /* on the heap: static data would sit in the .efi */
	if (c->failed || !c->tcp_up)
		return;
	if (!buf && !(buf = malloc(PLAIN_MAX))) {
		c->failed = true;
		snprintf(c->error, sizeof(c->error), "out of memory for TLS");
		return;
	}
	if (!c->connected) {
		int rc = tls_handshake(c->tls);
		if (rc < 0)
			tls_failed(c);
		if (rc <= 0)
			return;
		c->connected = true;
		c->last_activity_ms = platform_now_ms();
	}
	/* The request, as far as TCP takes it; the rest after the next ACK. */
	while (c->pending && c->pending_sent < c->pending_len) {
		int n = tls_write(c->tls, c->pending + c->pending_sent,
				  c->pending_len - c->pending_sent);
		if (n < 0) {
			tls_failed(c);
			return;
		}
		if (n == 0)
			break;
		c->pending_sent += (size_t)n;
	}
	if (c->pending && c->pending_sent == c->pending_len) {
		free(c->pending);
		c->pending = NULL;
	}
	for (;;) {
		int n = tls_read(c->tls, buf, PLAIN_MAX);
		if (n > 0) {
			deliver(c, buf, (size_t)n);
			continue;
		}
		if (n < 0) {
			if (tls_closed(c->tls))
				c->closed = true;
			else
				tls_failed(c);
		}
		return;
	}
}

static err_t on_receive(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct http_conn *c = arg;
	(void)err;
	if (p)
		c->last_activity_ms = platform_now_ms();
	if (c->tls) {
		tls_input(c->tls, p); /* acknowledged to TCP as TLS reads it */
		tls_pump(c);
		return ERR_OK;
	}
	if (!p) {
		c->closed = true;
		return ERR_OK;
	}
	for (struct pbuf *q = p; q; q = q->next)
		deliver(c, q->payload, q->len);
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	struct http_conn *c = arg;
	(void)pcb, (void)len;
	if (c->tls)
		tls_pump(c); /* what did not fit before: handshake or request */
	return ERR_OK;
}

static void on_error(void *arg, err_t err)
{
	struct http_conn *c = arg;
	(void)err;
	c->pcb = NULL; /* lwIP has freed it */
	if (c->tls)
		tls_connection_lost(c->tls);
	c->reset = true;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct http_conn *c = arg;
	(void)pcb, (void)err;
	c->last_activity_ms = platform_now_ms();
	c->tcp_up = true;
	if (c->tls)
		tls_pump(c); /* the ClientHello */
	else
		c->connected = true;
	return ERR_OK;
}

static bool same_server(const struct http_conn *c, uint32_t addr, uint16_t port,
			const char *tls_host)
{
	return c->addr == addr && c->port == port && (c->tls != NULL) == (tls_host != NULL) &&
	       (!tls_host || strcmp(c->tls_host, tls_host) == 0);
}

struct http_conn *http_conn_get(uint32_t addr, uint16_t port, const char *tls_host, char *err,
				size_t err_size)
{
	struct http_conn *c = kept;
	ip_addr_t server;

	kept = NULL;
	if (c && same_server(c, addr, port, tls_host) && c->pcb && !c->closed && !c->reset &&
	    !c->spoiled && !c->failed) {
		c->reused = true;
		return c;
	}
	if (c)
		close_now(c);
	c = calloc(1, sizeof(*c));
	if (!c || !(c->pcb = tcp_new())) {
		free(c);
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	c->addr = addr;
	c->port = port;
	if (tls_host) {
		snprintf(c->tls_host, sizeof(c->tls_host), "%s", tls_host);
		c->tls = tls_new(c->pcb, tls_host, err, err_size);
		if (!c->tls) {
			close_now(c);
			return NULL;
		}
		tcp_sent(c->pcb, on_sent);
	}
	tcp_arg(c->pcb, c);
	tcp_recv(c->pcb, on_receive);
	tcp_err(c->pcb, on_error);
	ip_addr_set_ip4_u32(&server, addr);
	if (tcp_connect(c->pcb, &server, port, on_connected) != ERR_OK) {
		close_now(c);
		snprintf(err, err_size, "cannot connect (no route to the server)");
		return NULL;
	}
	c->last_activity_ms = platform_now_ms();
	return c;
}

bool http_conn_send(struct http_conn *c, const void *data, size_t len)
{
	if (c->tls) {
		/* Queued, and sent as the handshake and TCP allow (tls_pump). */
		if (c->failed || !c->pcb || c->pending)
			return false;
		c->pending = malloc(len);
		if (!c->pending)
			return false;
		memcpy(c->pending, data, len);
		c->pending_len = len;
		c->pending_sent = 0;
		tls_pump(c);
		return !c->failed;
	}
	if (!c->pcb || len > tcp_sndbuf(c->pcb) ||
	    tcp_write(c->pcb, data, (u16_t)len, TCP_WRITE_FLAG_COPY) != ERR_OK)
		return false;
	tcp_output(c->pcb);
	return true;
}

void http_conn_release(struct http_conn *c, bool keep)
{
	if (!c)
		return;
	c->sink = NULL;
	c->sink_ctx = NULL;
	if (keep && c->pcb && !c->closed && !c->reset && !c->spoiled && !c->failed) {
		if (kept)
			close_now(kept);
		kept = c;
		return;
	}
	close_now(c);
}
