/* IPv4 addresses as text: the dotted quads in URIs, DHCP options and
 * messages. Addresses are in network byte order, as on the wire. */
#ifndef NET_INET_H
#define NET_INET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INET_TEXT_MAX 16 /* "255.255.255.255" and its NUL */

/* Parses a dotted quad (exactly four decimal parts, each 0..255). */
bool inet_parse(const char *text, uint32_t *addr);
/* Writes "a.b.c.d" into buf; returns buf. */
const char *inet_text(uint32_t addr, char *buf, size_t size);

#endif
