/* HTTP connections over lwIP's raw TCP API, plain or with TLS (tls.c):
 * opened on demand, and one kept open after a response that allows it,
 * for the next request to the same server (a kernel, then its initrd).
 * lwIP calls back from net_poll(); the connection only records what
 * happened and hands bytes (decrypted, for HTTPS) to its sink. */
#ifndef NET_HTTP_CONN_H
#define NET_HTTP_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where received bytes go; returns how many it used (fewer means the rest
 * belongs to nothing we asked for, and the connection is not reused). */
typedef size_t http_sink_fn(void *ctx, const uint8_t *data, size_t len);

struct tls;

struct http_conn {
	struct tcp_pcb *pcb;
	struct tls *tls;           /* NULL for plain HTTP */
	char tls_host[256];        /* the name TLS checked, "" for plain HTTP */
	uint32_t addr;             /* network byte order */
	uint16_t port;
	bool tcp_up;               /* TCP connected */
	bool connected;            /* ready for requests (TLS: handshake done) */
	bool closed, reset, reused;
	bool spoiled;              /* unexpected bytes: never reuse */
	bool failed;               /* TLS failed: error says why */
	char error[400];
	uint8_t *pending;          /* TLS: request bytes not yet taken by the session */
	size_t pending_len, pending_sent;
	uint64_t last_activity_ms;
	http_sink_fn *sink;
	void *sink_ctx;
};

/* The kept connection to addr:port (with TLS for tls_host, or plain when
 * it is NULL) if there is one still open, else a new connection being
 * opened. NULL with a sentence in err when it cannot be started. */
struct http_conn *http_conn_get(uint32_t addr, uint16_t port, const char *tls_host, char *err,
				size_t err_size);
/* Queues and sends bytes; false when the connection cannot take them. */
bool http_conn_send(struct http_conn *c, const void *data, size_t len);
/* Done with c: kept for the next request when keep is true and it is
 * still healthy, else closed. */
void http_conn_release(struct http_conn *c, bool keep);

#endif
