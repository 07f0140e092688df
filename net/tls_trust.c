/* The built-in trust anchors (see tls_trust.h). Parsed in place (no copy
 * of the DER), once; a certificate mbedTLS cannot read in this build (a
 * curve or key type left out of mbedtls_config.h) is skipped. */
#include "tls_trust.h"
#include "trust_anchors.h"

static mbedtls_x509_crt chain;
static unsigned parsed;
static int done;

mbedtls_x509_crt *tls_trust_chain(unsigned *count)
{
	if (!done) {
		const unsigned char *der = trust_anchor_der;
		done = 1;
		mbedtls_x509_crt_init(&chain);
		for (unsigned i = 0; i < TRUST_ANCHOR_COUNT; i++) {
			if (mbedtls_x509_crt_parse_der_nocopy(&chain, der, trust_anchor_len[i]) == 0)
				parsed++;
			der += trust_anchor_len[i];
		}
	}
	*count = parsed;
	return parsed ? &chain : NULL;
}

const char *tls_trust_source(void)
{
	return TRUST_ANCHOR_SOURCE;
}

unsigned tls_trust_built_in(void)
{
	return TRUST_ANCHOR_COUNT;
}
