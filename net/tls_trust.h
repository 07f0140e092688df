/* The CAs HTTPS trusts: built in at build time (`make TRUST=ca.pem`,
 * default Debian's ca-certificates bundle; see tools/trust-anchors). */
#ifndef NET_TLS_TRUST_H
#define NET_TLS_TRUST_H

#include "mbedtls/x509_crt.h"

/* The parsed chain (parsed on first use, kept), or NULL when none parses;
 * *count is how many certificates it holds. */
mbedtls_x509_crt *tls_trust_chain(unsigned *count);
/* The bundle's file name and how many certificates it holds (before
 * parsing), for messages and the start-up banner. */
const char *tls_trust_source(void);
unsigned tls_trust_built_in(void);

#endif
