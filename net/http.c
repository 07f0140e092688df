/* HTTP/1.1 downloads over lwIP's raw TCP API, feeding http_response.c.
 * lwIP calls back from inside net_poll(); this file only records what
 * happened and the loop in http_fetch() decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/platform.h"
#include "../firmware/version.h"
#include "lwip/tcp.h"
#include "download.h"
#include "http_response.h"
#include "netif.h"

#define CONNECT_TIMEOUT_MS 10000
#define IDLE_TIMEOUT_MS 15000   /* a stalled server is reported within seconds */

struct http_fetch {
	struct http_response resp;
	struct image *img;
	struct progress *progress;
	struct tcp_pcb *pcb;
	bool connected, closed, reset;
	err_t error;           /* from lwIP's error callback */
	int parse_rc;          /* HTTP_PARSE_MORE, _DONE or an error */
	uint64_t offset;       /* body bytes stored */
	uint64_t last_activity;
	bool out_of_memory;
	char request[2400];
	size_t request_len;
};

static int store_body(void *ctx, const uint8_t *data, size_t len)
{
	struct http_fetch *f = ctx;
	if (f->resp.status < 200 || f->resp.status > 299)
		return 0; /* an error page: not kept */
	if (f->offset == 0 && f->resp.has_content_length && f->resp.content_length <= SIZE_MAX)
		image_reserve(f->img, (size_t)f->resp.content_length);
	if (image_write(f->img, f->offset, data, len) != 0) {
		f->out_of_memory = true;
		return -1;
	}
	f->offset += len;
	progress_update(f->progress, f->offset,
			f->resp.has_content_length ? f->resp.content_length : 0);
	return 0;
}

static err_t on_receive(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct http_fetch *f = arg;
	(void)err;
	if (!p) {
		f->closed = true;
		return ERR_OK;
	}
	f->last_activity = platform_now_ms();
	for (struct pbuf *q = p; q && f->parse_rc == HTTP_PARSE_MORE; q = q->next) {
		size_t consumed;
		f->parse_rc = http_response_feed(&f->resp, q->payload, q->len, &consumed, store_body, f);
	}
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static void on_error(void *arg, err_t err)
{
	struct http_fetch *f = arg;
	f->pcb = NULL; /* lwIP has freed it */
	f->error = err;
	f->reset = true;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct http_fetch *f = arg;
	(void)err;
	f->connected = true;
	f->last_activity = platform_now_ms();
	if (tcp_write(pcb, f->request, (u16_t)f->request_len, TCP_WRITE_FLAG_COPY) != ERR_OK) {
		f->error = ERR_MEM;
		f->reset = true;
		return ERR_OK;
	}
	tcp_output(pcb);
	return ERR_OK;
}

static void build_request(struct http_fetch *f, const struct uri *u)
{
	const char *path = u->path && u->path[0] ? u->path : "/";
	int n = snprintf(f->request, sizeof(f->request),
			 "GET %s%s%s HTTP/1.1\r\n"
			 "Host: %s%s%s\r\n"
			 "User-Agent: %s/%s\r\n"
			 "Connection: close\r\n\r\n",
			 path, u->query ? "?" : "", u->query ? u->query : "",
			 u->host, u->port ? ":" : "", u->port ? u->port : "",
			 BOOTNET_NAME, BOOTNET_VERSION);
	f->request_len = n < (int)sizeof(f->request) ? (size_t)n : 0;
}

static void close_connection(struct http_fetch *f)
{
	if (!f->pcb)
		return;
	tcp_arg(f->pcb, NULL);
	tcp_recv(f->pcb, NULL);
	tcp_err(f->pcb, NULL);
	if (tcp_close(f->pcb) != ERR_OK)
		tcp_abort(f->pcb);
	f->pcb = NULL;
}

/* Runs the exchange; 0 when a complete response is in, or -1 with err set. */
static int exchange(struct http_fetch *f, const char *host, char *err, size_t err_size)
{
	uint64_t start = platform_now_ms();
	f->last_activity = start;
	while (f->parse_rc == HTTP_PARSE_MORE && !f->reset && !f->closed) {
		net_poll();
		/* Read after polling: the callbacks stamp last_activity with a
		 * later time than one read before would be. */
		uint64_t now = platform_now_ms();
		if (!f->connected && now - start > CONNECT_TIMEOUT_MS) {
			snprintf(err, err_size, "no answer from %s within %d s (connection timed out)",
				 host, CONNECT_TIMEOUT_MS / 1000);
			return -1;
		}
		if (f->connected && now - f->last_activity > IDLE_TIMEOUT_MS) {
			snprintf(err, err_size, "server %s stopped sending for %d s (after %llu bytes)",
				 host, IDLE_TIMEOUT_MS / 1000, (unsigned long long)f->offset);
			return -1;
		}
	}
	if (f->out_of_memory) {
		snprintf(err, err_size, "out of memory for the file");
		return -1;
	}
	if (f->parse_rc == HTTP_PARSE_MORE && f->closed)
		f->parse_rc = http_response_eof(&f->resp);
	if (f->parse_rc == HTTP_PARSE_MORE && f->reset) {
		snprintf(err, err_size, "%s %s", host,
			 !f->connected ? "refused the connection (is a web server running there?)"
				       : "reset the connection");
		return -1;
	}
	if (f->parse_rc < 0) {
		snprintf(err, err_size, "bad response from %s: %s", host, http_strerror(f->parse_rc));
		return -1;
	}
	return 0;
}

int http_fetch(const struct uri *u, struct image *img, struct progress *progress, char *err,
	       size_t err_size, char *redirect, size_t redirect_size)
{
	struct http_fetch *f = calloc(1, sizeof(*f));
	ip_addr_t server;
	uint32_t addr;
	int rc = -1;

	if (!f) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	if (!download_parse_ipv4(u->host, &addr)) {
		snprintf(err, err_size, "server \"%s\" is not an IPv4 address (names need DNS, "
			 "not in this build yet)", u->host);
		goto out;
	}
	ip_addr_set_ip4_u32(&server, addr);
	f->img = img;
	f->progress = progress;
	http_response_init(&f->resp, false);
	build_request(f, u);
	f->pcb = tcp_new();
	if (!f->request_len || !f->pcb) {
		snprintf(err, err_size, "out of memory");
		goto out;
	}
	tcp_arg(f->pcb, f);
	tcp_recv(f->pcb, on_receive);
	tcp_err(f->pcb, on_error);
	if (tcp_connect(f->pcb, &server, (u16_t)uri_port(u, 80), on_connected) != ERR_OK) {
		snprintf(err, err_size, "cannot connect to %s (no route?)", u->host);
		goto out;
	}
	if (exchange(f, u->host, err, err_size) != 0)
		goto out;

	int status = f->resp.status;
	if (status >= 300 && status <= 399 && status != 304 && f->resp.has_location) {
		snprintf(redirect, redirect_size, "%s", f->resp.location);
		rc = 0;
	} else if (status >= 200 && status <= 299) {
		rc = 0;
	} else {
		snprintf(err, err_size, "server %s answered \"%s\"", u->host, f->resp.status_line);
	}
out:
	close_connection(f);
	free(f);
	return rc;
}
