/* Network stack start-up: lwIP (raw API, no OS) and the TLS library. */
#include <stdbool.h>
#include <stdio.h>
#include "lwip/init.h"
#include "mbedtls/version.h"
#include "net.h"

void net_init(void)
{
	static bool started;
	if (!started) {
		lwip_init();
		started = true;
	}
}

const char *net_libraries_version(void)
{
	static char text[64];
	char tls[18];
	mbedtls_version_get_string(tls);
	snprintf(text, sizeof(text), "lwIP %s, mbed TLS %s", LWIP_VERSION_STRING, tls);
	return text;
}
