/* HTTP connections (see http_conn.h). */
#include <stdlib.h>
#include <string.h>
#include "../firmware/platform.h"
#include "lwip/tcp.h"
#include "http_conn.h"

static struct http_conn *kept; /* at most one idle keep-alive connection */

static void close_now(struct http_conn *c)
{
	if (c->pcb) {
		tcp_arg(c->pcb, NULL);
		tcp_recv(c->pcb, NULL);
		tcp_err(c->pcb, NULL);
		if (tcp_close(c->pcb) != ERR_OK)
			tcp_abort(c->pcb);
	}
	free(c);
}

static err_t on_receive(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct http_conn *c = arg;
	(void)err;
	if (!p) {
		c->closed = true;
		return ERR_OK;
	}
	c->last_activity_ms = platform_now_ms();
	for (struct pbuf *q = p; q; q = q->next) {
		size_t used = c->sink ? c->sink(c->sink_ctx, q->payload, q->len) : 0;
		if (used < q->len)
			c->spoiled = true; /* bytes nobody asked for, or a parse error */
	}
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static void on_error(void *arg, err_t err)
{
	struct http_conn *c = arg;
	(void)err;
	c->pcb = NULL; /* lwIP has freed it */
	c->reset = true;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct http_conn *c = arg;
	(void)pcb, (void)err;
	c->connected = true;
	c->last_activity_ms = platform_now_ms();
	return ERR_OK;
}

struct http_conn *http_conn_get(uint32_t addr, uint16_t port)
{
	struct http_conn *c = kept;
	ip_addr_t server;

	kept = NULL;
	if (c && c->addr == addr && c->port == port && c->pcb && !c->closed && !c->reset &&
	    !c->spoiled) {
		c->reused = true;
		return c;
	}
	if (c)
		close_now(c);
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->addr = addr;
	c->port = port;
	c->pcb = tcp_new();
	if (!c->pcb) {
		free(c);
		return NULL;
	}
	tcp_arg(c->pcb, c);
	tcp_recv(c->pcb, on_receive);
	tcp_err(c->pcb, on_error);
	ip_addr_set_ip4_u32(&server, addr);
	if (tcp_connect(c->pcb, &server, port, on_connected) != ERR_OK) {
		close_now(c);
		return NULL;
	}
	c->last_activity_ms = platform_now_ms();
	return c;
}

bool http_conn_send(struct http_conn *c, const void *data, size_t len)
{
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
	if (keep && c->pcb && !c->closed && !c->reset && !c->spoiled) {
		if (kept)
			close_now(kept);
		kept = c;
		return;
	}
	close_now(c);
}
