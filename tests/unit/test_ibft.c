/* The iBFT builder (firmware/ibft.c): every field of a known configuration
 * at the offset the specification gives it, the strings in the heap, CHAP
 * absent, one-way and mutual, the checksum, and a buffer too small. */
#include <arpa/inet.h>
#include "../../firmware/byteorder.h"
#include "../../firmware/ibft.h"
#include "test.h"

static struct ibft_config known(void)
{
	struct ibft_config c = {
		.initiator_iqn = "iqn.2010-04.org.ipxe:lab",
		.ip = htonl(0x0a4d0032), .gateway = htonl(0x0a4d0001),
		.dns = { htonl(0x0a4d0002), 0 }, .dhcp_server = htonl(0x0a4d0003),
		.prefix_len = 24, .origin = IBFT_ORIGIN_DHCP,
		.mac = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
		.pci_bdf = 0x0018,          /* 00:03.0 */
		.hostname = "client",
		.target_ip = htonl(0x0a4d0001), .target_port = 3260,
		.lun = { 0, 2, 0, 0, 0, 0, 0, 0 },
		.target_name = "iqn.2026-11.test.lab:disk",
	};
	return c;
}

static bool sums_to_zero(const uint8_t *p, size_t len)
{
	uint8_t s = 0;
	for (size_t i = 0; i < len; i++)
		s = (uint8_t)(s + p[i]);
	return s == 0;
}

/* The string a {length, offset} field at p points to, or "" for none. */
static const char *string_at(const uint8_t *table, size_t table_len, const uint8_t *p)
{
	static char out[256];
	uint16_t len = get_le16(p), off = get_le16(p + 2);
	out[0] = '\0';
	if (!len || off + len >= table_len || len >= sizeof(out))
		return out;
	memcpy(out, table + off, len);
	out[len] = '\0';
	if (table[off + len] != '\0')
		return "(not NUL-terminated)";
	return out;
}

static bool is_mapped_ipv4(const uint8_t *p, uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	return memcmp(p, prefix, 12) == 0 && p[12] == a && p[13] == b && p[14] == c && p[15] == d;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

TEST(ibft_header_and_control)
{
	uint8_t t[1024];
	struct ibft_config c = known();
	size_t len = ibft_build(&c, t, sizeof(t));
	CHECK(len > 0 && len % 16 == 0);
	CHECK(memcmp(t, "iBFT", 4) == 0);
	CHECK(get_le32(t + 4) == len);
	CHECK(t[8] == 1);
	CHECK(sums_to_zero(t, len));
	CHECK(memcmp(t + 10, "BOOTNT", 6) == 0);
	CHECK(all_zero(t + 36, 12));                    /* reserved */
	const uint8_t *ctl = t + 48;
	CHECK(ctl[0] == IBFT_ID_CONTROL && ctl[1] == 1 && get_le16(ctl + 2) == IBFT_CONTROL_LEN);
	CHECK(ctl[4] == 0 && ctl[5] == 0);
	CHECK(get_le16(ctl + 6) == 0);                  /* no extensions */
	uint16_t ini = get_le16(ctl + 8), nic = get_le16(ctl + 10), tgt = get_le16(ctl + 12);
	CHECK(ini >= 48 + IBFT_CONTROL_LEN && ini % 8 == 0);
	CHECK(nic >= ini + IBFT_INITIATOR_LEN && nic % 8 == 0);
	CHECK(tgt >= nic + IBFT_NIC_LEN && tgt % 8 == 0);
	CHECK((size_t)tgt + IBFT_TARGET_LEN <= len);
	CHECK(get_le16(ctl + 14) == 0 && get_le16(ctl + 16) == 0);  /* no second NIC/target */
	/* A corrupted byte breaks the sum. */
	t[100] ^= 1;
	CHECK(!sums_to_zero(t, len));
}

TEST(ibft_initiator_nic_target_fields)
{
	uint8_t t[1024];
	struct ibft_config c = known();
	size_t len = ibft_build(&c, t, sizeof(t));
	CHECK(len > 0);
	const uint8_t *ini = t + get_le16(t + 48 + 8);
	CHECK(ini[0] == IBFT_ID_INITIATOR && ini[1] == 1 && get_le16(ini + 2) == IBFT_INITIATOR_LEN);
	CHECK(ini[4] == 0 && ini[5] == (IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED));
	CHECK(all_zero(ini + 6, 64));                   /* iSNS, SLP, RADIUS: none */
	CHECK_STR(string_at(t, len, ini + 70), "iqn.2010-04.org.ipxe:lab");

	const uint8_t *nic = t + get_le16(t + 48 + 10);
	CHECK(nic[0] == IBFT_ID_NIC && nic[1] == 1 && get_le16(nic + 2) == IBFT_NIC_LEN);
	CHECK(nic[5] == (IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED));
	CHECK(is_mapped_ipv4(nic + 6, 10, 77, 0, 50));
	CHECK(nic[22] == 24 && nic[23] == IBFT_ORIGIN_DHCP);
	CHECK(is_mapped_ipv4(nic + 24, 10, 77, 0, 1));
	CHECK(is_mapped_ipv4(nic + 40, 10, 77, 0, 2));
	CHECK(all_zero(nic + 56, 16));                  /* no second DNS server */
	CHECK(is_mapped_ipv4(nic + 72, 10, 77, 0, 3));
	CHECK(get_le16(nic + 88) == 0);                 /* no VLAN */
	CHECK(memcmp(nic + 90, "\x52\x54\x00\x12\x34\x56", 6) == 0);
	CHECK(get_le16(nic + 96) == 0x0018);
	CHECK_STR(string_at(t, len, nic + 98), "client");

	const uint8_t *tgt = t + get_le16(t + 48 + 12);
	CHECK(tgt[0] == IBFT_ID_TARGET && tgt[1] == 1 && get_le16(tgt + 2) == IBFT_TARGET_LEN);
	CHECK(tgt[5] == (IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED));
	CHECK(is_mapped_ipv4(tgt + 6, 10, 77, 0, 1));
	CHECK(get_le16(tgt + 22) == 3260);
	CHECK(memcmp(tgt + 24, "\0\2\0\0\0\0\0\0", 8) == 0);
	CHECK(tgt[32] == IBFT_CHAP_NONE && tgt[33] == 0);
	CHECK_STR(string_at(t, len, tgt + 34), "iqn.2026-11.test.lab:disk");
	CHECK(all_zero(tgt + 38, 16));                  /* no CHAP strings */
}

/* Offsets of the {length, offset} string fields and the CHAP type, from
 * the specification's structure layouts (6-byte structure header). */
#define CTL_INITIATOR (48 + 8)
#define CTL_NIC (48 + 10)
#define CTL_TARGET (48 + 12)
#define INI_NAME 70
#define NIC_HOSTNAME 98
#define TGT_CHAP_TYPE 32
#define TGT_NAME 34
#define TGT_CHAP_NAME 38
#define TGT_CHAP_SECRET 42
#define TGT_RCHAP_NAME 46
#define TGT_RCHAP_SECRET 50

TEST(ibft_strings_live_in_the_heap)
{
	uint8_t t[1024];
	struct ibft_config c = known();
	size_t len = ibft_build(&c, t, sizeof(t));
	const uint8_t *ini = t + get_le16(t + CTL_INITIATOR), *nic = t + get_le16(t + CTL_NIC);
	const uint8_t *tgt = t + get_le16(t + CTL_TARGET);
	uint16_t heap = (uint16_t)(get_le16(t + CTL_TARGET) + IBFT_TARGET_LEN);
	/* Each string after every structure, inside the table, not overlapping. */
	uint16_t a = get_le16(ini + INI_NAME + 2), b = get_le16(nic + NIC_HOSTNAME + 2);
	uint16_t d = get_le16(tgt + TGT_NAME + 2);
	CHECK(a >= heap && b >= heap && d >= heap);
	CHECK(a + get_le16(ini + INI_NAME) < b && b + 6 < d);
	CHECK(d + get_le16(tgt + TGT_NAME) < len);
	/* Absent hostname: no offset, no length. */
	c.hostname = "";
	len = ibft_build(&c, t, sizeof(t));
	CHECK(len > 0 && get_le16(nic + NIC_HOSTNAME) == 0 && get_le16(nic + NIC_HOSTNAME + 2) == 0);
	CHECK(sums_to_zero(t, len));
}

TEST(ibft_chap_one_way_and_mutual)
{
	uint8_t t[1024];
	struct ibft_config c = known();
	const uint8_t *tgt;
	c.chap_name = "alice";
	c.chap_secret = "alicesecret12";
	size_t len = ibft_build(&c, t, sizeof(t));
	tgt = t + get_le16(t + CTL_TARGET);
	CHECK(len > 0 && sums_to_zero(t, len));
	CHECK(tgt[TGT_CHAP_TYPE] == IBFT_CHAP_ONE_WAY);
	CHECK_STR(string_at(t, len, tgt + TGT_CHAP_NAME), "alice");
	CHECK_STR(string_at(t, len, tgt + TGT_CHAP_SECRET), "alicesecret12");
	CHECK(all_zero(tgt + TGT_RCHAP_NAME, 8));

	c.reverse_chap_name = "target";
	c.reverse_chap_secret = "targetsecret1";
	len = ibft_build(&c, t, sizeof(t));
	tgt = t + get_le16(t + CTL_TARGET);
	CHECK(len > 0 && sums_to_zero(t, len));
	CHECK(tgt[TGT_CHAP_TYPE] == IBFT_CHAP_MUTUAL);
	CHECK_STR(string_at(t, len, tgt + TGT_CHAP_NAME), "alice");
	CHECK_STR(string_at(t, len, tgt + TGT_RCHAP_NAME), "target");
	CHECK_STR(string_at(t, len, tgt + TGT_RCHAP_SECRET), "targetsecret1");
	CHECK_STR(string_at(t, len, tgt + TGT_NAME), "iqn.2026-11.test.lab:disk");

	/* A reverse name without a forward one is not mutual CHAP. */
	c.chap_name = "";
	len = ibft_build(&c, t, sizeof(t));
	tgt = t + get_le16(t + CTL_TARGET);
	CHECK(tgt[TGT_CHAP_TYPE] == IBFT_CHAP_NONE && all_zero(tgt + TGT_CHAP_NAME, 16));
}

TEST(ibft_too_small_a_buffer)
{
	uint8_t t[1024];
	struct ibft_config c = known();
	size_t need = ibft_build(&c, t, sizeof(t));
	CHECK(need > 0);
	CHECK(ibft_build(&c, t, 100) == 0);                 /* not even the structures */
	CHECK(ibft_build(&c, t, need - 20) == 0);          /* the strings do not fit */
	char longname[300];
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	c.target_name = longname;
	CHECK(ibft_build(&c, t, 400) == 0);
	CHECK(ibft_build(&c, t, sizeof(t)) > 0);
}
