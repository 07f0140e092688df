/* HTTPS in the rom64 build (firmware/rom64.h): no TLS, no mbedTLS, no CA
 * bundle. tls_new refuses every https:// URI in words; since it never
 * makes a session, the rest of tls.h is never reached. */
#include <stdio.h>
#include "../firmware/rom64.h"
#include "tls.h"

struct tls *tls_new(struct tcp_pcb *pcb, const char *host, char *err, size_t err_size)
{
	(void)pcb, (void)host;
	snprintf(err, err_size, "%s", ROM64_LACKS("HTTPS"));
	return NULL;
}

bool tls_supported(char *why, size_t why_size)
{
	snprintf(why, why_size, "%s", ROM64_LACKS("HTTPS"));
	return false;
}

/* Never called: there is no session to call them with. */
void tls_free(struct tls *t) { (void)t; }
void tls_connection_lost(struct tls *t) { (void)t; }
void tls_input(struct tls *t, struct pbuf *p) { (void)t, (void)p; }
int tls_handshake(struct tls *t) { (void)t; return -1; }
int tls_read(struct tls *t, uint8_t *buf, size_t size) { (void)t, (void)buf, (void)size; return -1; }
int tls_write(struct tls *t, const void *data, size_t len) { (void)t, (void)data, (void)len; return -1; }
bool tls_closed(const struct tls *t) { (void)t; return true; }
const char *tls_error(const struct tls *t) { (void)t; return ROM64_LACKS("HTTPS"); }
