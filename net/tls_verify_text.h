/* What went wrong with a server's certificate, in words: the flags
 * mbedTLS's chain verification leaves (values as in mbedtls/x509.h,
 * checked there by tls.c) and the facts gathered from the chain become one
 * sentence ("issued by 'CN=Lab CA', which is not among bootnet's 140
 * trusted CAs"). Also the dates check bootnet does itself against the
 * platform's clock, and TLS alert names. No mbedTLS here: host-tested. */
#ifndef NET_TLS_VERIFY_TEXT_H
#define NET_TLS_VERIFY_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "../firmware/civil_time.h"

#define TLS_BADCERT_EXPIRED      0x01
#define TLS_BADCERT_REVOKED      0x02
#define TLS_BADCERT_CN_MISMATCH  0x04
#define TLS_BADCERT_NOT_TRUSTED  0x08
#define TLS_BADCERT_MISSING      0x40
#define TLS_BADCERT_OTHER        0x0100
#define TLS_BADCERT_FUTURE       0x0200
#define TLS_BADCERT_KEY_USAGE    0x0800
#define TLS_BADCERT_EXT_KEY_USAGE 0x1000
#define TLS_BADCERT_BAD_MD       0x4000
#define TLS_BADCERT_BAD_PK       0x8000
#define TLS_BADCERT_BAD_KEY      0x010000

/* What the verification saw of the chain the server sent. */
struct tls_cert_facts {
	char subject[160];       /* the server's own certificate ("CN=boot.lab.test") */
	char names[200];         /* the names it is for: "a.example, *.b.example" */
	char top_issuer[160];    /* the issuer at the top of the chain as built */
	int self_signed;         /* the server's certificate signed itself */
	/* The first certificate found out of date: its role and dates. */
	char dated_role[24];     /* "certificate", "intermediate CA" */
	struct civil_time not_before, not_after;
};

/* The platform's clock (Unix seconds) against a certificate's validity:
 * TLS_BADCERT_EXPIRED, TLS_BADCERT_FUTURE or 0. */
uint32_t tls_dates_check(uint64_t now, const struct civil_time *not_before,
			 const struct civil_time *not_after);

/* One sentence for flags (non-zero) about host's certificate; trusted is
 * how many CAs bootnet trusts. */
void tls_verify_text(uint32_t flags, const struct tls_cert_facts *facts, const char *host,
		     unsigned trusted, char *out, size_t size);

/* The name of a TLS alert ("handshake_failure"), as RFC 5246 spells it. */
const char *tls_alert_name(unsigned alert);

#endif
