/* Host names to IPv4 addresses: the resolver that downloads and
 * `nslookup` use. Servers come from the `dns` setting (DHCP option 6, or
 * `set dns`), the search domains for names without a dot from the DHCP
 * search list (option 119) or else `domain` (option 15). */
#ifndef NET_DNS_H
#define NET_DNS_H

#include <stddef.h>
#include <stdint.h>

/* Resolves name (or takes a dotted quad as it is) to *addr, in network
 * byte order. 0, or -1 with a sentence in err naming the name and the
 * servers asked ("cannot resolve boot.lab.test: no answer from 10.77.0.1
 * after 3 tries"). */
int dns_resolve(const char *name, uint32_t *addr, char *err, size_t err_size);

#endif
