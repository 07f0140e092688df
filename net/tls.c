/* TLS sessions (see tls.h): one mbedTLS client configuration for every
 * session (TLS 1.2, the suites in mbedtls_config.h, the built-in CAs, a
 * CTR-DRBG seeded by the entropy mixer), one SSL context per connection
 * with its own hostname and verification callback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/entropy.h"
#include "../firmware/platform.h"
#include "lwip/tcp.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/error.h"
#include "mbedtls/ssl.h"
#include "inet.h"
#include "tls.h"
#include "tls_trust.h"
#include "tls_verify_text.h"

_Static_assert(TLS_BADCERT_EXPIRED == MBEDTLS_X509_BADCERT_EXPIRED &&
	       TLS_BADCERT_CN_MISMATCH == MBEDTLS_X509_BADCERT_CN_MISMATCH &&
	       TLS_BADCERT_NOT_TRUSTED == MBEDTLS_X509_BADCERT_NOT_TRUSTED &&
	       TLS_BADCERT_FUTURE == MBEDTLS_X509_BADCERT_FUTURE &&
	       TLS_BADCERT_BAD_KEY == MBEDTLS_X509_BADCERT_BAD_KEY,
	       "tls_verify_text.h follows mbedtls/x509.h");

/* 2025-01-01: no clock that is set can say earlier than this code was
 * written; one that does was reset (1970, 2000 are what they fall back to). */
#define CLOCK_FLOOR 1735689600ull

struct tls {
	mbedtls_ssl_context ssl;
	struct tcp_pcb *pcb;
	struct pbuf *rx;           /* received, not yet read by mbedTLS */
	bool fin;                  /* the server closed its side */
	bool closed;
	char host[256];
	bool host_is_ip;
	uint32_t ip;
	uint64_t now;              /* the clock when the handshake began */
	struct tls_cert_facts facts;
	char error[400];
};

static mbedtls_ssl_config config;
static mbedtls_ctr_drbg_context drbg;
static unsigned trusted;
static bool configured;

static int entropy_source_fn(void *ctx, unsigned char *out, size_t len)
{
	(void)ctx;
	entropy_fill(out, len);
	return 0;
}

static bool configure(char *err, size_t err_size)
{
	static const char personal[] = "bootnet https";
	mbedtls_x509_crt *cas = tls_trust_chain(&trusted);
	int rc;

	if (configured)
		return true;
	if (!cas) {
		snprintf(err, err_size, "no trusted CA certificates are built in (%s held none "
			 "bootnet can read)", tls_trust_source());
		return false;
	}
	mbedtls_ctr_drbg_init(&drbg);
	mbedtls_ssl_config_init(&config);
	rc = mbedtls_ctr_drbg_seed(&drbg, entropy_source_fn, NULL,
				   (const unsigned char *)personal, sizeof(personal) - 1);
	if (rc == 0)
		rc = mbedtls_ssl_config_defaults(&config, MBEDTLS_SSL_IS_CLIENT,
						 MBEDTLS_SSL_TRANSPORT_STREAM,
						 MBEDTLS_SSL_PRESET_DEFAULT);
	if (rc != 0) {
		char why[100];
		mbedtls_strerror(rc, why, sizeof(why));
		snprintf(err, err_size, "cannot set up TLS: %s", why);
		return false;
	}
	mbedtls_ssl_conf_min_version(&config, MBEDTLS_SSL_MAJOR_VERSION_3,
				     MBEDTLS_SSL_MINOR_VERSION_3); /* TLS 1.2 */
	mbedtls_ssl_conf_authmode(&config, MBEDTLS_SSL_VERIFY_REQUIRED);
	mbedtls_ssl_conf_ca_chain(&config, cas, NULL);
	mbedtls_ssl_conf_rng(&config, mbedtls_ctr_drbg_random, &drbg);
	configured = true;
	return true;
}

/* Records go straight to TCP; WANT_WRITE when its send buffer is full
 * (the next sent callback moves things on). */
static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
	struct tls *t = ctx;
	if (!t->pcb)
		return MBEDTLS_ERR_SSL_CONN_EOF; /* the connection is gone */
	size_t room = tcp_sndbuf(t->pcb);
	if (len > room)
		len = room;
	if (len > 0xffff)
		len = 0xffff;
	if (len == 0)
		return MBEDTLS_ERR_SSL_WANT_WRITE;
	if (tcp_write(t->pcb, buf, (u16_t)len, TCP_WRITE_FLAG_COPY) != ERR_OK)
		return MBEDTLS_ERR_SSL_WANT_WRITE;
	tcp_output(t->pcb);
	return (int)len;
}

static int bio_recv(void *ctx, unsigned char *buf, size_t len)
{
	struct tls *t = ctx;
	if (!t->rx)
		return t->fin ? 0 : MBEDTLS_ERR_SSL_WANT_READ;
	if (!t->pcb)
		return 0;
	u16_t n = (u16_t)(len < t->rx->tot_len ? len : t->rx->tot_len);
	pbuf_copy_partial(t->rx, buf, n, 0);
	t->rx = pbuf_free_header(t->rx, n);
	tcp_recved(t->pcb, n);
	return n;
}

static void names_of(const mbedtls_x509_crt *crt, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (const mbedtls_x509_sequence *s = &crt->subject_alt_names; s && s->buf.p; s = s->next) {
		unsigned type = s->buf.tag & MBEDTLS_ASN1_TAG_VALUE_MASK;
		char ip[INET_TEXT_MAX];
		if (n >= size)
			break;
		if (type == 2) /* dNSName */
			n += (size_t)snprintf(out + n, size - n, "%s%.*s", n ? ", " : "",
					      (int)s->buf.len, (const char *)s->buf.p);
		else if (type == 7 && s->buf.len == 4) { /* iPAddress */
			uint32_t addr;
			memcpy(&addr, s->buf.p, 4);
			n += (size_t)snprintf(out + n, size - n, "%s%s", n ? ", " : "",
					      inet_text(addr, ip, sizeof(ip)));
		}
	}
}

static bool has_ip(const mbedtls_x509_crt *crt, uint32_t ip)
{
	for (const mbedtls_x509_sequence *s = &crt->subject_alt_names; s && s->buf.p; s = s->next)
		if ((s->buf.tag & MBEDTLS_ASN1_TAG_VALUE_MASK) == 7 && s->buf.len == 4 &&
		    memcmp(s->buf.p, &ip, 4) == 0)
			return true;
	return false;
}

static struct civil_time civil(const mbedtls_x509_time *x)
{
	return (struct civil_time){ x->year, (unsigned)x->mon, (unsigned)x->day,
				    (unsigned)x->hour, (unsigned)x->min, (unsigned)x->sec };
}

/* Called by mbedTLS for each certificate of the chain, top first. mbedTLS
 * is built without a clock (MBEDTLS_HAVE_TIME_DATE is off), so the dates
 * are checked here, against the platform's; the facts for the message are
 * gathered on the way. */
static int verify_one(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
	struct tls *t = ctx;
	struct civil_time from = civil(&crt->valid_from), to = civil(&crt->valid_to);
	uint32_t dates = tls_dates_check(t->now, &from, &to);
	bool self_signed = crt->issuer_raw.len == crt->subject_raw.len &&
			   memcmp(crt->issuer_raw.p, crt->subject_raw.p, crt->subject_raw.len) == 0;

	if (!t->facts.top_issuer[0])
		mbedtls_x509_dn_gets(t->facts.top_issuer, sizeof(t->facts.top_issuer), &crt->issuer);
	*flags = (*flags & ~(uint32_t)(TLS_BADCERT_EXPIRED | TLS_BADCERT_FUTURE)) | dates;
	if (dates) {
		/* The last one reported wins: the server's own before its CAs'. */
		snprintf(t->facts.dated_role, sizeof(t->facts.dated_role), "%s",
			 depth == 0 ? "certificate" : self_signed ? "root CA" : "intermediate CA");
		t->facts.not_before = from;
		t->facts.not_after = to;
	}
	if (depth == 0) {
		mbedtls_x509_dn_gets(t->facts.subject, sizeof(t->facts.subject), &crt->subject);
		names_of(crt, t->facts.names, sizeof(t->facts.names));
		t->facts.self_signed = self_signed;
		/* mbedTLS matches only DNS names; an address must be among the
		 * certificate's IP addresses. */
		if (t->host_is_ip && !has_ip(crt, t->ip))
			*flags |= TLS_BADCERT_CN_MISMATCH;
	}
	return 0;
}

bool tls_supported(char *why, size_t why_size)
{
	(void)why, (void)why_size;
	return true;
}

struct tls *tls_new(struct tcp_pcb *pcb, const char *host, char *err, size_t err_size)
{
	struct tls *t;
	int rc;

	if (!configure(err, err_size))
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	t->now = platform_unix_time();
	if (t->now < CLOCK_FLOOR) {
		struct civil_time said;
		civil_from_unix(t->now, &said);
		snprintf(err, err_size, "the machine's clock is not set (it says %04d-%02u-%02u); "
			 "cannot check the certificate's dates (set the clock in the firmware "
			 "setup)", said.year, said.month, said.day);
		free(t);
		return NULL;
	}
	t->pcb = pcb;
	snprintf(t->host, sizeof(t->host), "%s", host);
	t->host_is_ip = inet_parse(host, &t->ip);
	mbedtls_ssl_init(&t->ssl);
	rc = mbedtls_ssl_setup(&t->ssl, &config);
	/* SNI and the name check for names; an address is checked by verify_one. */
	if (rc == 0 && !t->host_is_ip)
		rc = mbedtls_ssl_set_hostname(&t->ssl, host);
	if (rc != 0) {
		char why[100];
		mbedtls_strerror(rc, why, sizeof(why));
		snprintf(err, err_size, "cannot start TLS: %s", why);
		tls_free(t);
		return NULL;
	}
	mbedtls_ssl_set_verify(&t->ssl, verify_one, t);
	mbedtls_ssl_set_bio(&t->ssl, t, bio_send, bio_recv, NULL);
	return t;
}

void tls_free(struct tls *t)
{
	if (!t)
		return;
	if (t->pcb && t->ssl.state == MBEDTLS_SSL_HANDSHAKE_OVER && !t->closed)
		mbedtls_ssl_close_notify(&t->ssl);
	mbedtls_ssl_free(&t->ssl);
	if (t->rx)
		pbuf_free(t->rx);
	free(t);
}

void tls_connection_lost(struct tls *t)
{
	t->pcb = NULL;
	t->fin = true;
}

void tls_input(struct tls *t, struct pbuf *p)
{
	if (!p)
		t->fin = true;
	else if (t->rx)
		pbuf_cat(t->rx, p);
	else
		t->rx = p;
}

/* The sentence for a failed handshake or record. */
static void describe(struct tls *t, int rc)
{
	char why[120];
	if (rc == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
		char text[360];
		tls_verify_text(mbedtls_ssl_get_verify_result(&t->ssl), &t->facts, t->host,
				trusted, text, sizeof(text));
		snprintf(t->error, sizeof(t->error), "%s cannot be trusted: %s", t->host, text);
	} else if (rc == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE) {
		snprintf(t->error, sizeof(t->error), "%s ended the TLS handshake with the alert "
			 "\"%s\"", t->host, tls_alert_name(t->ssl.in_msg[1]));
	} else if (rc == 0 || rc == MBEDTLS_ERR_SSL_CONN_EOF) {
		snprintf(t->error, sizeof(t->error), "%s closed the connection during the TLS "
			 "handshake (does it speak HTTPS on that port?)", t->host);
	} else {
		/* Bytes that are not TLS at all: most likely plain HTTP. */
		bool not_tls = rc == MBEDTLS_ERR_SSL_INVALID_RECORD ||
			       rc == MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION;
		mbedtls_strerror(rc, why, sizeof(why));
		snprintf(t->error, sizeof(t->error), "TLS with %s failed: %s%s", t->host, why,
			 not_tls ? " (does it speak HTTPS on that port?)" : "");
	}
}

int tls_handshake(struct tls *t)
{
	if (t->error[0])
		return -1;
	if (t->ssl.state == MBEDTLS_SSL_HANDSHAKE_OVER)
		return 1;
	int rc = mbedtls_ssl_handshake(&t->ssl);
	if (rc == 0)
		return 1;
	if (rc == MBEDTLS_ERR_SSL_WANT_READ || rc == MBEDTLS_ERR_SSL_WANT_WRITE)
		return t->fin ? (describe(t, MBEDTLS_ERR_SSL_CONN_EOF), -1) : 0;
	describe(t, rc);
	return -1;
}

int tls_read(struct tls *t, uint8_t *buf, size_t size)
{
	if (t->error[0] || t->closed)
		return -1;
	int rc = mbedtls_ssl_read(&t->ssl, buf, size);
	if (rc > 0)
		return rc;
	if (rc == MBEDTLS_ERR_SSL_WANT_READ || rc == MBEDTLS_ERR_SSL_WANT_WRITE)
		return t->fin && !t->rx ? (t->closed = true, -1) : 0;
	if (rc == 0 || rc == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || rc == MBEDTLS_ERR_SSL_CONN_EOF) {
		t->closed = true; /* without close_notify: HTTP's framing tells a cut body */
		return -1;
	}
	describe(t, rc);
	return -1;
}

int tls_write(struct tls *t, const void *data, size_t len)
{
	if (t->error[0])
		return -1;
	int rc = mbedtls_ssl_write(&t->ssl, data, len);
	if (rc == MBEDTLS_ERR_SSL_WANT_WRITE)
		return 0;
	if (rc < 0) {
		describe(t, rc);
		return -1;
	}
	return rc;
}

bool tls_closed(const struct tls *t)
{
	return t->closed;
}

const char *tls_error(const struct tls *t)
{
	return t->error;
}
