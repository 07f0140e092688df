/* Setting types: formatting as iPXE prints them, parsing back. */
#include <string.h>
#include "../../firmware/settings.h"
#include "test.h"

static char text[256];

static const char *fmt(const struct setting_type *t, const void *data, size_t len)
{
	if (t->format(data, len, text, sizeof(text)) < 0)
		return "(invalid)";
	return text;
}

static uint8_t raw[64];

static int parse(const struct setting_type *t, const char *s)
{
	memset(raw, 0xee, sizeof(raw));
	return t->parse(s, raw, sizeof(raw));
}

TEST(types_string_and_uristring)
{
	CHECK_STR(fmt(&settings_type_string, "abc\0def", 7), "abc");
	CHECK_STR(fmt(&settings_type_uristring, "PowerEdge R210/x?y", 18), "PowerEdge%20R210%2Fx%3Fy");
	CHECK(parse(&settings_type_uristring, "a%20b%2f") == 4);
	CHECK(memcmp(raw, "a b/", 4) == 0);
}

TEST(types_ipv4)
{
	uint8_t ip[8] = { 192, 168, 0, 1, 8, 8, 8, 8 };
	CHECK_STR(fmt(&settings_type_ipv4, ip, 4), "192.168.0.1");
	CHECK_STR(fmt(&settings_type_ipv4, ip, 8), "192.168.0.1"); /* a list: the first */
	CHECK_STR(fmt(&settings_type_ipv4, ip, 3), "(invalid)");
	CHECK(parse(&settings_type_ipv4, "10.0.0.100") == 4);
	CHECK(raw[0] == 10 && raw[3] == 100);
	CHECK(parse(&settings_type_ipv4, "10.0.0") < 0);
	CHECK(parse(&settings_type_ipv4, "10.0.0.256") < 0);
	CHECK(parse(&settings_type_ipv4, "10.0.0.1x") < 0);
}

TEST(types_integers)
{
	uint8_t ip[4] = { 10, 0, 0, 100 };
	uint8_t neg[1] = { 0xff };
	uint8_t two[2] = { 0x01, 0x00 };
	CHECK_STR(fmt(&settings_type_uint32, ip, 4), "0xa000064");
	CHECK_STR(fmt(&settings_type_int8, neg, 1), "-1");
	CHECK_STR(fmt(&settings_type_uint8, neg, 1), "0xff");
	CHECK_STR(fmt(&settings_type_int16, two, 2), "256");
	CHECK_STR(fmt(&settings_type_uint16, two, 0), "(invalid)");
	CHECK(parse(&settings_type_int32, "-2") == 4);
	CHECK(raw[0] == 0xff && raw[3] == 0xfe);
	CHECK(parse(&settings_type_uint16, "0x1234") == 2);
	CHECK(raw[0] == 0x12 && raw[1] == 0x34);
	CHECK(parse(&settings_type_uint8, "12x") < 0);
	CHECK(parse(&settings_type_uint8, "") < 0);
}

TEST(types_hex_family)
{
	uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x77, 0x00, 0x01 };
	CHECK_STR(fmt(&settings_type_hex, mac, 6), "52:54:00:77:00:01");
	CHECK_STR(fmt(&settings_type_hexhyp, mac, 6), "52-54-00-77-00-01");
	CHECK_STR(fmt(&settings_type_hexraw, mac, 6), "525400770001");
	CHECK_STR(fmt(&settings_type_hex, mac, 0), "");
	CHECK(parse(&settings_type_hex, "0a:B:ff") == 3);
	CHECK(raw[0] == 0x0a && raw[1] == 0x0b && raw[2] == 0xff);
	CHECK(parse(&settings_type_hexhyp, "01-02") == 2);
	CHECK(parse(&settings_type_hexraw, "a1b2c3") == 3);
	CHECK(raw[2] == 0xc3);
	CHECK(parse(&settings_type_hexraw, "a1b") < 0);
	CHECK(parse(&settings_type_hex, "01::02") < 0);
	CHECK(parse(&settings_type_hex, "01:") < 0);
	CHECK(parse(&settings_type_hex, "zz") < 0);
}

TEST(types_uuid)
{
	uint8_t u[16] = { 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
			  0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };
	CHECK_STR(fmt(&settings_type_uuid, u, 16), "12345678-9abc-def0-0123-456789abcdef");
	CHECK_STR(fmt(&settings_type_uuid, u, 15), "(invalid)");
	CHECK(parse(&settings_type_uuid, "12345678-9abc-def0-0123-456789abcdef") == 16);
	CHECK(memcmp(raw, u, 16) == 0);
	CHECK(parse(&settings_type_uuid, "12345678-9abc-def0-0123-456789abcde") < 0);
}

TEST(types_base64)
{
	CHECK_STR(fmt(&settings_type_base64, "Man", 3), "TWFu");
	CHECK_STR(fmt(&settings_type_base64, "Ma", 2), "TWE=");
	CHECK_STR(fmt(&settings_type_base64, "M", 1), "TQ==");
	CHECK(parse(&settings_type_base64, "TWE=") == 2);
	CHECK(memcmp(raw, "Ma", 2) == 0);
	CHECK(parse(&settings_type_base64, "T!E=") < 0);
}

TEST(types_busdevfn)
{
	uint8_t bdf[2] = { 0x00, 0x18 };       /* 00:03.0 */
	uint8_t seg[4] = { 0x00, 0x01, 0x02, 0x0a }; /* 0001:02:01.2 */
	CHECK_STR(fmt(&settings_type_busdevfn, bdf, 2), "00:03.0");
	CHECK_STR(fmt(&settings_type_busdevfn, seg, 4), "0001:02:01.2");
	CHECK(parse(&settings_type_busdevfn, "00:03.0") == 2);
	CHECK(raw[0] == 0 && raw[1] == 0x18);
	CHECK(parse(&settings_type_busdevfn, "0001:02:01.2") == 4);
	CHECK(parse(&settings_type_busdevfn, "00:33.0") < 0);
}

TEST(types_formatting_cuts_to_the_buffer)
{
	uint8_t mac[6] = { 1, 2, 3, 4, 5, 6 };
	char small[6];
	CHECK(settings_type_hex.format(mac, 6, small, sizeof(small)) == 17);
	CHECK_STR(small, "01:02");
	CHECK(settings_type_hex.format(mac, 6, NULL, 0) == 17);
	CHECK(settings_type_find("hexhyp") == &settings_type_hexhyp);
	CHECK(settings_type_find("nope") == NULL);
}
