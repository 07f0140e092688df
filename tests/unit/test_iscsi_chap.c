/* CHAP for iSCSI: MD5 against RFC 1321's vectors, responses against values
 * computed independently (Python's hashlib), binary values in hex and
 * base64, and checking a target's answer for mutual CHAP. */
#include <stdint.h>
#include <string.h>
#include "mbedtls/md5.h"
#include "../../net/iscsi_chap.h"
#include "test.h"

static void hex(const uint8_t *bin, size_t len, char *out)
{
	chap_encode_hex(bin, len, out);
}

TEST(chap_md5_rfc1321_vectors)
{
	static const struct { const char *in, *md5; } v[] = {
		{ "", "0xd41d8cd98f00b204e9800998ecf8427e" },
		{ "abc", "0x900150983cd24fb0d6963f7d28e17f72" },
		{ "message digest", "0xf96b697d7cb7938d525a2f31aaf161d0" },
		{ "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
		  "0x57edf4a22be3c955ac49da2e2107b67a" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		uint8_t d[16];
		char text[40];
		mbedtls_md5_ret((const unsigned char *)v[i].in, strlen(v[i].in), d);
		hex(d, 16, text);
		CHECK_STR(text, v[i].md5);
	}
}

TEST(chap_response_values)
{
	uint8_t challenge[16], out[16];
	size_t len;
	char text[40];
	CHECK(chap_decode("0x00112233445566778899aabbccddeeff", challenge, sizeof(challenge), &len));
	CHECK(len == 16 && challenge[0] == 0x00 && challenge[15] == 0xff);
	chap_md5_response(1, "secretsecret", challenge, len, out);
	hex(out, 16, text);
	CHECK_STR(text, "0x3d3d7f13199a65926f355637d73daf5c");
	/* The same challenge in base64 decodes to the same bytes. */
	uint8_t b64[16];
	CHECK(chap_decode("0bABEiM0RVZneImaq7zN3u/w==", b64, sizeof(b64), &len));
	CHECK(len == 16 && memcmp(b64, challenge, 16) == 0);
	/* Uppercase hex, an odd digit count. */
	CHECK(chap_decode("0XABC", b64, sizeof(b64), &len));
	CHECK(len == 2 && b64[0] == 0x0a && b64[1] == 0xbc);
}

TEST(chap_decode_refuses_bad_values)
{
	uint8_t out[4];
	size_t len;
	CHECK(!chap_decode("1234", out, sizeof(out), &len));        /* no 0x/0b */
	CHECK(!chap_decode("0x", out, sizeof(out), &len));          /* empty */
	CHECK(!chap_decode("0x12zz", out, sizeof(out), &len));      /* not hex */
	CHECK(!chap_decode("0x0102030405", out, sizeof(out), &len)); /* too long */
	CHECK(!chap_decode("0b!!!!", out, sizeof(out), &len));
	CHECK(!chap_decode("0bAAAAAAAAAAAA", out, sizeof(out), &len));
}

TEST(chap_mutual_check)
{
	uint8_t challenge[16];
	for (int i = 0; i < 16; i++)
		challenge[i] = (uint8_t)(i + 1);
	/* MD5(0xab || "targetsecret1" || 01..10), from hashlib. */
	CHECK(chap_check_response("0x8d97feecf711cf06cd3ddd8f58c9e63a", 0xab, "targetsecret1",
				  challenge, 16));
	CHECK(!chap_check_response("0x8d97feecf711cf06cd3ddd8f58c9e63b", 0xab, "targetsecret1",
				   challenge, 16));
	CHECK(!chap_check_response("0x8d97feecf711cf06cd3ddd8f58c9e63a", 0xac, "targetsecret1",
				   challenge, 16));
	CHECK(!chap_check_response("0x8d97feecf711cf06cd3ddd8f58c9e63a", 0xab, "wrong",
				   challenge, 16));
	CHECK(!chap_check_response("0x8d97", 0xab, "targetsecret1", challenge, 16));
}
