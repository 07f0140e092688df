/* TLS client sessions (mbedTLS) over lwIP raw TCP connections, for HTTPS.
 * The connection owner (http_conn.c) hands received segments in and calls
 * the handshake, read and write steps from its lwIP callbacks; records go
 * out through tcp_write. The server's certificate chain is checked
 * against the built-in CAs, its dates against the platform's clock and its
 * name against the host asked for; every failure is one clear sentence. */
#ifndef NET_TLS_H
#define NET_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tcp_pcb;
struct pbuf;
struct tls;

/* Whether this build has TLS at all: true, or false with why (the rom64
 * build's net/tls_absent.c), before anything is looked up or connected. */
bool tls_supported(char *why, size_t why_size);
/* A session with host (a name, sent as SNI and checked against the
 * certificate, or a dotted quad, checked against its IP addresses) over
 * pcb, which the caller keeps owning. NULL with a sentence in err. */
struct tls *tls_new(struct tcp_pcb *pcb, const char *host, char *err, size_t err_size);
/* Says goodbye (close_notify) when it can and frees the session. */
void tls_free(struct tls *t);
/* lwIP freed the connection (reset, or aborted): nothing more goes out. */
void tls_connection_lost(struct tls *t);
/* Queues a received segment (taken over); NULL: the server closed. */
void tls_input(struct tls *t, struct pbuf *p);
/* Moves the handshake on: 1 done, 0 waiting for the network, -1 failed. */
int tls_handshake(struct tls *t);
/* Decrypted bytes into buf: their count, 0 when none are ready, -1 when the
 * session ended (tls_closed) or failed (tls_error). */
int tls_read(struct tls *t, uint8_t *buf, size_t size);
/* Encrypts and queues data (after the handshake): how many bytes were
 * taken (maybe fewer than len), 0 when TCP can take no more for now (call
 * again with the same data once it has sent some), -1 on failure. */
int tls_write(struct tls *t, const void *data, size_t len);
/* The server ended the session cleanly (close_notify or TCP close). */
bool tls_closed(const struct tls *t);
/* Why the session failed, "" while it has not. */
const char *tls_error(const struct tls *t);

#endif
