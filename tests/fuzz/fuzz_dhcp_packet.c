/* Fuzz target: any datagram handed to the DHCP reply parser. */
#include <stdint.h>
#include <string.h>
#include "../../net/dhcp_packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dhcp_reply r;
	struct dhcp_client c = { .mac = { 1, 2, 3, 4, 5, 6 }, .xid = 0x01020304 };
	uint8_t pkt[2048];
	char file[300];

	if (size > sizeof(pkt))
		size = sizeof(pkt);
	memcpy(pkt, data, size);
	/* Make most inputs pass the identity checks so the options get parsed. */
	if (size >= 240) {
		pkt[0] = 2;
		memcpy(pkt + 4, &c.xid, 4);
		memcpy(pkt + 28, c.mac, 6);
		memcpy(pkt + 236, "\x63\x82\x53\x63", 4);
	}
	if (dhcp_parse(pkt, size, &c, &r) == 0) {
		dhcp_boot_file(&r, file, sizeof(file));
		dhcp_next_server(&r);
		dhcp_is_proxy(&r);
		struct pxe_menu_item item;
		if (dhcp_pxe_menu_first(&r, &item) && strlen(item.description) >= sizeof(item.description))
			__builtin_trap();
		for (int code = 0; code < 256; code++) {
			size_t len;
			const uint8_t *v = dhcp_option(&r, (uint8_t)code, &len);
			if (v && len && v[len - 1] == 0xfe)
				file[0] ^= 1; /* touch the last byte: ASan checks the bounds */
		}
		dhcp_best_offer(&r, 1);
	}
	return 0;
}
