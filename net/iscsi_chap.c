/* CHAP for iSCSI logins (see iscsi_chap.h), over mbed TLS's MD5. */
#include <string.h>
#include "mbedtls/md5.h"
#include "iscsi_chap.h"
#include "../firmware/hex_digit.h"

void chap_md5_response(uint8_t id, const char *secret, const uint8_t *challenge,
		       size_t challenge_len, uint8_t out[CHAP_MD5_LEN])
{
	mbedtls_md5_context md5;
	mbedtls_md5_init(&md5);
	mbedtls_md5_starts_ret(&md5);
	mbedtls_md5_update_ret(&md5, &id, 1);
	mbedtls_md5_update_ret(&md5, (const unsigned char *)secret, strlen(secret));
	mbedtls_md5_update_ret(&md5, challenge, challenge_len);
	mbedtls_md5_finish_ret(&md5, out);
	mbedtls_md5_free(&md5);
}

static int base64_digit(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static bool decode_hex(const char *s, uint8_t *out, size_t max, size_t *len)
{
	size_t n = strlen(s), i = 0;
	/* An odd count of digits: the first stands for one byte alone. */
	if (n % 2) {
		int d = hex_digit(s[0]);
		if (d < 0 || max < 1)
			return false;
		out[i++] = (uint8_t)d;
		s++;
		n--;
	}
	for (; n; s += 2, n -= 2) {
		int hi = hex_digit(s[0]), lo = hex_digit(s[1]);
		if (hi < 0 || lo < 0 || i >= max)
			return false;
		out[i++] = (uint8_t)(hi << 4 | lo);
	}
	*len = i;
	return i > 0;
}

static bool decode_base64(const char *s, uint8_t *out, size_t max, size_t *len)
{
	uint32_t acc = 0;
	unsigned bits = 0;
	size_t i = 0;
	for (; *s && *s != '='; s++) {
		int d = base64_digit(*s);
		if (d < 0)
			return false;
		acc = acc << 6 | (uint32_t)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (i >= max)
				return false;
			out[i++] = (uint8_t)(acc >> bits);
		}
	}
	while (*s == '=')
		s++;
	*len = i;
	return !*s && i > 0;
}

bool chap_decode(const char *text, uint8_t *out, size_t max, size_t *len)
{
	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		return decode_hex(text + 2, out, max, len);
	if (text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
		return decode_base64(text + 2, out, max, len);
	return false;
}

void chap_encode_hex(const uint8_t *bin, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	*out++ = '0';
	*out++ = 'x';
	for (size_t i = 0; i < len; i++) {
		*out++ = digits[bin[i] >> 4];
		*out++ = digits[bin[i] & 15];
	}
	*out = '\0';
}

bool chap_check_response(const char *response_text, uint8_t id, const char *secret,
			 const uint8_t *challenge, size_t challenge_len)
{
	uint8_t got[CHAP_MD5_LEN + 1], want[CHAP_MD5_LEN];
	size_t len;
	unsigned diff = 0;
	if (!chap_decode(response_text, got, sizeof(got), &len) || len != CHAP_MD5_LEN)
		return false;
	chap_md5_response(id, secret, challenge, challenge_len, want);
	for (size_t i = 0; i < CHAP_MD5_LEN; i++)
		diff |= (unsigned)(got[i] ^ want[i]);
	return diff == 0;
}
