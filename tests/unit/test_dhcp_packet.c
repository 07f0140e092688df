/* DHCP packets: what bootnet sends (PXE options exactly as servers match
 * them) and how it reads replies, including hostile ones. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "../../net/dhcp_packet.h"
#include "test.h"

static const uint8_t features[] = { 0x13, 0x15 };
static const struct dhcp_client client = {
	.mac = { 0x52, 0x54, 0x00, 0x77, 0x00, 0x01 },
	.xid = 0x11223344,
	.arch = DHCP_ARCH_EFI_X86_64,
	.has_uuid = true,
	.uuid = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
	.features = features,
	.feature_count = 2,
};

/* Finds option code in a built packet's options area (no overloading). */
static const uint8_t *find_option(const uint8_t *pkt, size_t len, uint8_t code, uint8_t *olen)
{
	for (size_t i = 240; i < len && pkt[i] != 255;) {
		if (pkt[i] == 0) {
			i++;
			continue;
		}
		if (pkt[i] == code) {
			*olen = pkt[i + 1];
			return pkt + i + 2;
		}
		i += 2 + pkt[i + 1];
	}
	return NULL;
}

TEST(dhcp_discover_carries_pxe_and_ipxe_options)
{
	uint8_t pkt[DHCP_MAX_PACKET], len8;
	size_t len = dhcp_build(pkt, sizeof(pkt), &client, DHCPDISCOVER, 0, 0);
	const uint8_t *v;

	CHECK(len >= DHCP_MIN_PACKET);
	CHECK(pkt[0] == 1 && pkt[1] == 1 && pkt[2] == 6);
	CHECK(memcmp(pkt + 28, client.mac, 6) == 0);
	CHECK(pkt[10] == 0x80); /* broadcast flag */
	CHECK((v = find_option(pkt, len, 53, &len8)) && len8 == 1 && v[0] == DHCPDISCOVER);
	CHECK((v = find_option(pkt, len, 60, &len8)) && len8 == 32 &&
	      memcmp(v, "PXEClient:Arch:00007:UNDI:003016", 32) == 0);
	CHECK((v = find_option(pkt, len, 93, &len8)) && len8 == 2 && v[0] == 0 && v[1] == 7);
	CHECK((v = find_option(pkt, len, 94, &len8)) && len8 == 3 && v[0] == 1 && v[1] == 3 && v[2] == 16);
	CHECK((v = find_option(pkt, len, 97, &len8)) && len8 == 17 && v[0] == 0 && v[1] == 1 && v[16] == 16);
	CHECK((v = find_option(pkt, len, 77, &len8)) && len8 == 4 && memcmp(v, "iPXE", 4) == 0);
	CHECK((v = find_option(pkt, len, 175, &len8)) && len8 == 6 && v[0] == 0x13 && v[3] == 0x15);
	CHECK(find_option(pkt, len, 50, &len8) == NULL);
	CHECK(find_option(pkt, len, 55, &len8) != NULL);
}

/* Option 175 says what the build has, with iPXE's codes, per platform. */
TEST(dhcp_option_175_features_per_platform)
{
	static const uint8_t want_efi[] = { 0x11, 0x13, 0x14, 0x15, 0x17, 0x18, 0x24, 0x27 };
	static const uint8_t want_bios[] = { 0x11, 0x13, 0x14, 0x15, 0x17, 0x18, 0x19, 0x21, 0x27 };
	uint8_t pkt[DHCP_MAX_PACKET], len8;
	struct dhcp_client c = client;
	const uint8_t *v;
	size_t len;

	c.feature_count = dhcp_ipxe_features(true, &c.features);
	CHECK(c.feature_count == sizeof(want_efi) &&
	      memcmp(c.features, want_efi, sizeof(want_efi)) == 0);
	len = dhcp_build(pkt, sizeof(pkt), &c, DHCPDISCOVER, 0, 0);
	CHECK((v = find_option(pkt, len, 175, &len8)) && len8 == 3 * sizeof(want_efi));
	for (size_t i = 0; v && i < sizeof(want_efi); i++) /* code, length 1, value 1 */
		CHECK(v[3 * i] == want_efi[i] && v[3 * i + 1] == 1 && v[3 * i + 2] == 1);

	/* BIOS: no EFI; multiboot and PXE (and iSCSI: INT 13h SAN disks). */
	c.feature_count = dhcp_ipxe_features(false, &c.features);
	CHECK(c.feature_count == sizeof(want_bios) &&
	      memcmp(c.features, want_bios, sizeof(want_bios)) == 0);
	len = dhcp_build(pkt, sizeof(pkt), &c, DHCPDISCOVER, 0, 0);
	CHECK((v = find_option(pkt, len, 175, &len8)) && len8 == 3 * sizeof(want_bios));
	CHECK(v && v[0] == 0x11 && v[3 * 8] == 0x27);
}

TEST(dhcp_request_names_address_and_server)
{
	uint8_t pkt[DHCP_MAX_PACKET], len8;
	size_t len = dhcp_build(pkt, sizeof(pkt), &client, DHCPREQUEST, inet_addr("10.77.0.150"),
				inet_addr("10.77.0.1"));
	const uint8_t *v;
	CHECK((v = find_option(pkt, len, 53, &len8)) && v[0] == DHCPREQUEST);
	CHECK((v = find_option(pkt, len, 50, &len8)) && len8 == 4 && v[0] == 10 && v[3] == 150);
	CHECK((v = find_option(pkt, len, 54, &len8)) && len8 == 4 && v[3] == 1);
}

TEST(dhcp_build_refuses_small_buffer)
{
	uint8_t pkt[200];
	CHECK(dhcp_build(pkt, sizeof(pkt), &client, DHCPDISCOVER, 0, 0) == 0);
}

/* A reply under construction: header, cookie, then options appended. */
struct reply {
	uint8_t b[2048];
	size_t len;
};

static void reply_start(struct reply *r, uint8_t type, const char *yiaddr, const char *siaddr)
{
	uint32_t a;
	memset(r, 0, sizeof(*r));
	r->b[0] = 2, r->b[1] = 1, r->b[2] = 6;
	memcpy(r->b + 4, &client.xid, 4);
	a = inet_addr(yiaddr);
	memcpy(r->b + 16, &a, 4);
	a = inet_addr(siaddr);
	memcpy(r->b + 20, &a, 4);
	memcpy(r->b + 28, client.mac, 6);
	memcpy(r->b + 236, "\x63\x82\x53\x63", 4);
	r->len = 240;
	if (type) {
		r->b[r->len++] = 53, r->b[r->len++] = 1, r->b[r->len++] = type;
	}
}

static void reply_option(struct reply *r, uint8_t code, const void *data, uint8_t len)
{
	r->b[r->len++] = code;
	r->b[r->len++] = len;
	memcpy(r->b + r->len, data, len);
	r->len += len;
}

static void reply_end(struct reply *r)
{
	r->b[r->len++] = 255;
}

TEST(dhcp_parses_offer_with_boot_file)
{
	struct reply p;
	struct dhcp_reply r;
	char file[128];
	reply_start(&p, DHCPOFFER, "10.77.0.150", "10.77.0.1");
	memcpy(p.b + 108, "pxe/bootnet.efi", 15);
	reply_option(&p, 1, "\xff\xff\xff\x00", 4);
	reply_option(&p, 3, "\x0a\x4d\x00\x01", 4);
	reply_option(&p, 60, "PXEClient", 9);
	reply_end(&p);

	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	CHECK(r.type == DHCPOFFER);
	CHECK(r.yiaddr == inet_addr("10.77.0.150"));
	CHECK(dhcp_next_server(&r) == inet_addr("10.77.0.1"));
	CHECK_STR(dhcp_boot_file(&r, file, sizeof(file)), "pxe/bootnet.efi");
	CHECK(dhcp_option_u32(&r, 1) == inet_addr("255.255.255.0"));
	CHECK(dhcp_option_u32(&r, 3) == inet_addr("10.77.0.1"));
	CHECK(dhcp_is_pxe(&r) && !dhcp_is_proxy(&r));
}

TEST(dhcp_option_67_and_66_override_header_fields)
{
	struct reply p;
	struct dhcp_reply r;
	char file[128];
	reply_start(&p, DHCPACK, "10.0.0.5", "0.0.0.0");
	memcpy(p.b + 108, "old.pxe", 7);
	reply_option(&p, 67, "boot/menu.ipxe\0", 15);
	reply_option(&p, 66, "10.0.0.9", 8);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	CHECK_STR(dhcp_boot_file(&r, file, sizeof(file)), "boot/menu.ipxe");
	CHECK(dhcp_next_server(&r) == inet_addr("10.0.0.9"));
}

TEST(dhcp_option_66_name_is_not_an_address)
{
	struct reply p;
	struct dhcp_reply r;
	reply_start(&p, DHCPACK, "10.0.0.5", "0.0.0.0");
	reply_option(&p, 66, "boot.lab.test", 13);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	CHECK(dhcp_next_server(&r) == 0);
}

TEST(dhcp_proxy_offer_is_recognised)
{
	struct reply p;
	struct dhcp_reply r;
	reply_start(&p, DHCPOFFER, "0.0.0.0", "10.77.0.2");
	reply_option(&p, 60, "PXEClient", 9);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	CHECK(dhcp_is_proxy(&r));
}

TEST(dhcp_overloaded_file_and_sname_hold_options)
{
	struct reply p;
	struct dhcp_reply r;
	char file[128];
	reply_start(&p, DHCPACK, "10.0.0.5", "10.0.0.1");
	reply_option(&p, 52, "\x03", 1);
	reply_end(&p);
	/* file field: option 67; sname field: option 12 (hostname). */
	memcpy(p.b + 108, "\x43\x08" "boot.efi" "\xff", 11);
	memcpy(p.b + 44, "\x0c\x04" "mini" "\xff", 7);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	CHECK_STR(dhcp_boot_file(&r, file, sizeof(file)), "boot.efi");
	size_t len;
	const uint8_t *host = dhcp_option(&r, 12, &len);
	CHECK(host && len == 4 && memcmp(host, "mini", 4) == 0);
	CHECK_STR(r.sname, ""); /* overloaded: not a server name */
}

TEST(dhcp_split_long_option_is_joined_in_order)
{
	struct reply p;
	struct dhcp_reply r;
	char text[300];
	size_t len;
	memset(text, 'a', 255);
	reply_start(&p, DHCPACK, "10.0.0.5", "10.0.0.1");
	reply_option(&p, 17, text, 255);
	reply_option(&p, 17, "bcd", 3);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == 0);
	const uint8_t *v = dhcp_option(&r, 17, &len);
	CHECK(v && len == 258 && v[0] == 'a' && v[254] == 'a' && memcmp(v + 255, "bcd", 3) == 0);
}

TEST(dhcp_rejects_malformed_and_foreign_packets)
{
	struct reply p;
	struct dhcp_reply r;
	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	reply_end(&p);
	CHECK(dhcp_parse(p.b, 239, &client, &r) == DHCP_ERR_SHORT);

	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	p.b[p.len++] = 3, p.b[p.len++] = 200; /* router option longer than the packet */
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_BAD_OPTION);

	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	p.b[p.len++] = 3; /* code with no length byte */
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_BAD_OPTION);

	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	reply_end(&p);
	p.b[236] = 0;
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_NO_COOKIE);

	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	reply_end(&p);
	p.b[4] ^= 1;
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_NOT_OURS);
	p.b[4] ^= 1;
	p.b[0] = 1;
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_NOT_REPLY);
	CHECK_STR(dhcp_strerror(DHCP_ERR_BAD_OPTION), "an option runs past the end of the packet");
}

TEST(dhcp_too_much_option_data_is_refused_not_overrun)
{
	struct reply p;
	struct dhcp_reply r;
	char fill[255];
	memset(fill, 'x', sizeof(fill));
	reply_start(&p, DHCPACK, "10.0.0.5", "10.0.0.1");
	for (int code = 100; code < 105; code++)
		reply_option(&p, (uint8_t)code, fill, 250);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &r) == DHCP_ERR_TOO_BIG);
}

TEST(dhcp_best_offer_prefers_pxe_with_boot_file)
{
	struct reply p;
	struct dhcp_reply *offers = calloc(3, sizeof(*offers));
	reply_start(&p, DHCPOFFER, "10.0.0.5", "10.0.0.1");
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &offers[0]) == 0);
	reply_start(&p, DHCPOFFER, "0.0.0.0", "10.0.0.2");
	reply_option(&p, 60, "PXEClient", 9);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &offers[1]) == 0);
	reply_start(&p, DHCPOFFER, "10.0.0.6", "10.0.0.3");
	reply_option(&p, 67, "x.efi", 5);
	reply_end(&p);
	CHECK(dhcp_parse(p.b, p.len, &client, &offers[2]) == 0);
	CHECK(dhcp_best_offer(offers, 3) == 2);
	CHECK(dhcp_best_offer(offers, 2) == 0);
	CHECK(dhcp_best_offer(offers + 1, 1) == -1); /* a proxy offer gives no address */
	free(offers);
}

TEST(dhcp_boot_server_request_is_unicast_with_boot_item)
{
	struct dhcp_client c = client;
	uint8_t pkt[DHCP_MAX_PACKET], len8;
	const uint8_t *v;
	c.ciaddr = inet_addr("10.77.0.150");
	c.has_boot_item = true;
	c.boot_item = 0x8001;
	size_t len = dhcp_build(pkt, sizeof(pkt), &c, DHCPREQUEST, 0, 0);
	CHECK(len >= DHCP_MIN_PACKET);
	CHECK(pkt[10] == 0);                           /* no broadcast flag */
	CHECK(pkt[12] == 10 && pkt[15] == 150);        /* ciaddr */
	CHECK((v = find_option(pkt, len, 43, &len8)) && len8 == 7);
	CHECK(v && v[0] == 71 && v[1] == 4 && v[2] == 0x80 && v[3] == 0x01 && v[4] == 0 &&
	      v[5] == 0 && v[6] == 255);
}

TEST(dhcp_reads_the_first_pxe_menu_item)
{
	struct reply r;
	struct dhcp_reply parsed;
	struct pxe_menu_item item;
	/* Discovery control, then a menu of two items, then the end. */
	static const uint8_t vendor[] = { 6, 1, 8, 9, 22, 0x80, 0x01, 7, 'b', 'o', 'o', 't', 'n',
					  'e', 't', 0x00, 0x05, 10, 'l', 'o', 'c', 'a', 'l', ' ',
					  'd', 'i', 's', 'k', 255 };
	reply_start(&r, DHCPOFFER, "0.0.0.0", "10.77.0.2");
	reply_option(&r, 60, "PXEClient", 9);
	reply_option(&r, 43, vendor, sizeof(vendor));
	reply_end(&r);
	CHECK(dhcp_parse(r.b, r.len, &client, &parsed) == 0);
	CHECK(dhcp_is_proxy(&parsed));
	CHECK(dhcp_pxe_menu_first(&parsed, &item));
	CHECK(item.type == 0x8001);
	CHECK_STR(item.description, "bootnet");
}

TEST(dhcp_rejects_truncated_pxe_menus)
{
	struct reply r;
	struct dhcp_reply parsed;
	struct pxe_menu_item item;
	static const uint8_t cut[] = { 9, 30, 0x80, 0x01, 7, 'b' };  /* says 30, has 4 */
	static const uint8_t tiny[] = { 9, 2, 0x80, 0x01 };          /* too short for an item */
	reply_start(&r, DHCPOFFER, "0.0.0.0", "10.77.0.2");
	reply_option(&r, 60, "PXEClient", 9);
	reply_option(&r, 43, cut, sizeof(cut));
	reply_end(&r);
	CHECK(dhcp_parse(r.b, r.len, &client, &parsed) == 0);
	CHECK(!dhcp_pxe_menu_first(&parsed, &item));
	reply_start(&r, DHCPOFFER, "0.0.0.0", "10.77.0.2");
	reply_option(&r, 60, "PXEClient", 9);
	reply_option(&r, 43, tiny, sizeof(tiny));
	reply_end(&r);
	CHECK(dhcp_parse(r.b, r.len, &client, &parsed) == 0);
	CHECK(!dhcp_pxe_menu_first(&parsed, &item));
}
