/* The DNS resolver in the rom64 build (firmware/rom64.h), left out for
 * room: a dotted quad is taken as it is, a host name is refused in words
 * naming the build ("boot.lab.test: this bootnet ... has no DNS: use an
 * IP address, or bin/bootnet-full.rom ..."). */
#include <stdio.h>
#include "../firmware/rom64.h"
#include "dns.h"
#include "inet.h"

int dns_resolve(const char *name, uint32_t *addr, char *err, size_t err_size)
{
	if (inet_parse(name, addr))
		return 0;
	snprintf(err, err_size, "%s: " ROM64_BUILD " has no DNS: use an IP address, or "
		 "bin/bootnet-full.rom, bootnet.kpxe, bootnet.pxe, bootnet.usb or an .efi build, "
		 "which have it", name);
	return -1;
}
