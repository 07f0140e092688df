/* What the banner says the network stack was built with: lwIP, mbedTLS
 * and the CAs HTTPS trusts. */
#include <stdio.h>
#include "lwip/init.h"
#include "mbedtls/version.h"
#include "net.h"
#include "tls_trust.h"

const char *net_libraries_version(void)
{
	static char text[160];
	char tls[18];
	mbedtls_version_get_string(tls);
	snprintf(text, sizeof(text), "lwIP %s, mbed TLS %s (HTTPS trusts the %u CAs of %s)",
		 LWIP_VERSION_STRING, tls, tls_trust_built_in(), tls_trust_source());
	return text;
}
