/* Fuzz target: any datagram handed to the DNS reply parser, as a reply to
 * a query for boot.lab.test (id and question patched in for most inputs,
 * so the answers get parsed); and the same bytes as a DHCP search list. */
#include <stdint.h>
#include <string.h>
#include "../../net/dns_packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t pkt[1500];
	char domain[DNS_NAME_TEXT_MAX + 1];
	struct dns_answer a;

	/* The same bytes as a DHCP search list (option 119). */
	for (unsigned i = 0; i < 4 && dns_search_domain(data, size, i, domain) == 0; i++)
		if (!dns_name_valid(domain))
			__builtin_trap();
	size_t qlen = dns_build_query(0x1234, "boot.lab.test", pkt, sizeof(pkt));

	/* Odd first byte: the input as it came; even: after our question. */
	if (size && (data[0] & 1)) {
		if (size > sizeof(pkt))
			size = sizeof(pkt);
		memcpy(pkt, data, size);
	} else {
		if (size > sizeof(pkt) - qlen)
			size = sizeof(pkt) - qlen;
		memcpy(pkt + qlen, data, size);
		pkt[2] |= 0x80; /* a reply */
		if (size >= 2)
			memcpy(pkt + 6, data, 2); /* the answer count */
		size += qlen;
	}
	int rc = dns_parse_reply(pkt, size, 0x1234, "boot.lab.test", &a);
	if (rc == DNS_ADDRESS || rc == DNS_ASK_CNAME) {
		if (strlen(a.cname) > DNS_NAME_TEXT_MAX || !dns_name_valid(a.cname))
			__builtin_trap();
	} else if (!dns_strerror(rc)[0]) {
		__builtin_trap();
	}
	return 0;
}
