/* Unpredictable bytes for TLS (mbedTLS's entropy source) and for the
 * network stack's seeds (TCP sequence numbers, DHCP xids, DNS ids). */
#ifndef ENTROPY_H
#define ENTROPY_H

#include <stddef.h>

/* Fills out with len bytes: SHA-256 over the platform's random hardware
 * (when it has any), timing jitter and everything drawn before. */
void entropy_fill(void *out, size_t len);
/* Where the hardware part came from ("RDRAND", "the EFI RNG protocol"), or
 * "timer jitter only"; valid after the first entropy_fill. */
const char *entropy_source(void);

#endif
