/* SHA-256 digests for people, through mbed TLS's implementation. */
#include <stdio.h>
#include "mbedtls/sha256.h"
#include "sha256_text.h"

void sha256_text(const uint8_t *data, size_t len, char hex[65])
{
	unsigned char digest[32];
	mbedtls_sha256_ret(data, len, digest, 0);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}
