/* Setting types: how a setting's bytes read as text and back, printed as
 * iPXE prints them (ipv4 dotted, uint as 0x-hex, hex as aa:bb:cc...). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "settings.h"
#include "hex_digit.h"

/* Appends formatted text at buf + used, counting what did not fit. */
#define PUT(...)                                                                  \
	(used += (size_t)snprintf(used < size ? buf + used : NULL,               \
				  used < size ? size - used : 0, __VA_ARGS__))

static int finish(char *buf, size_t size, size_t used)
{
	if (size)
		buf[used < size ? used : size - 1] = '\0';
	return (int)used;
}

/* --- string, uristring --- */

static int format_string(const uint8_t *data, size_t len, char *buf, size_t size)
{
	size_t n = strnlen((const char *)data, len);
	if (size) {
		size_t k = n < size ? n : size - 1;
		memcpy(buf, data, k);
		buf[k] = '\0';
	}
	return (int)n;
}

static int parse_string(const char *text, uint8_t *buf, size_t size)
{
	size_t n = strlen(text);
	if (n > size)
		return -1;
	memcpy(buf, text, n);
	return (int)n;
}

static int unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int format_uristring(const uint8_t *data, size_t len, char *buf, size_t size)
{
	size_t n = strnlen((const char *)data, len), used = 0;
	for (size_t i = 0; i < n; i++) {
		if (unreserved(data[i]))
			PUT("%c", data[i]);
		else
			PUT("%%%02X", data[i]);
	}
	return finish(buf, size, used);
}

static int parse_uristring(const char *text, uint8_t *buf, size_t size)
{
	size_t n = 0;
	for (const char *p = text; *p; p++) {
		int c = (unsigned char)*p;
		if (c == '%' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
			c = hex_digit(p[1]) * 16 + hex_digit(p[2]);
			p += 2;
		}
		if (n == size)
			return -1;
		buf[n++] = (uint8_t)c;
	}
	return (int)n;
}

/* --- ipv4 --- */

static int format_ipv4(const uint8_t *data, size_t len, char *buf, size_t size)
{
	/* A list (option 6 with two servers) shows its first address. */
	if (len < 4)
		return -1;
	return snprintf(buf, size, "%u.%u.%u.%u", data[0], data[1], data[2], data[3]);
}

static int parse_ipv4(const char *text, uint8_t *buf, size_t size)
{
	const char *p = text;
	if (size < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long v;
		if (!isdigit((unsigned char)*p))
			return -1;
		v = strtoul(p, &end, 10);
		if (v > 255 || end - p > 3 || *end != (i < 3 ? '.' : '\0'))
			return -1;
		buf[i] = (uint8_t)v;
		p = end + 1;
	}
	return 4;
}

/* --- integers: big-endian, any length up to 8 bytes --- */

static int numeric_value(const uint8_t *data, size_t len, int is_signed, unsigned long long *v)
{
	if (len == 0 || len > 8)
		return -1;
	*v = (is_signed && (data[0] & 0x80)) ? ~0ULL : 0;
	for (size_t i = 0; i < len; i++)
		*v = (*v << 8) | data[i];
	return 0;
}

static int format_int(const uint8_t *data, size_t len, char *buf, size_t size)
{
	unsigned long long v;
	if (numeric_value(data, len, 1, &v) < 0)
		return -1;
	return snprintf(buf, size, "%lld", (long long)v);
}

static int format_uint(const uint8_t *data, size_t len, char *buf, size_t size)
{
	unsigned long long v;
	if (numeric_value(data, len, 0, &v) < 0)
		return -1;
	return snprintf(buf, size, "%#llx", v);
}

static int parse_number(const char *text, uint8_t *buf, size_t size, size_t width, int is_signed)
{
	char *end;
	unsigned long long v;
	if (size < width || !*text)
		return -1;
	if (is_signed)
		v = (unsigned long long)strtol(text, &end, 0);
	else
		v = strtoull(text, &end, 0);
	if (*end)
		return -1;
	for (size_t i = 0; i < width; i++)
		buf[i] = (uint8_t)(v >> (8 * (width - 1 - i)));
	return (int)width;
}

#define INT_PARSER(fn, width, is_signed) \
	static int fn(const char *t, uint8_t *b, size_t s) { return parse_number(t, b, s, width, is_signed); }
INT_PARSER(parse_int8, 1, 1)
INT_PARSER(parse_int16, 2, 1)
INT_PARSER(parse_int32, 4, 1)
INT_PARSER(parse_uint8, 1, 0)
INT_PARSER(parse_uint16, 2, 0)
INT_PARSER(parse_uint32, 4, 0)

/* --- hex, hexhyp, hexraw --- */

static int format_hex_with(const uint8_t *data, size_t len, char *buf, size_t size,
			   const char *between)
{
	size_t used = 0;
	for (size_t i = 0; i < len; i++)
		PUT("%s%02x", i ? between : "", data[i]);
	return finish(buf, size, used);
}

static int parse_hex_with(const char *text, uint8_t *buf, size_t size, char between)
{
	size_t n = 0;
	const char *p = text;
	if (!*p)
		return 0;
	for (;;) {
		int hi = hex_digit((unsigned char)p[0]), lo;
		if (hi < 0 || n == size)
			return -1;
		lo = hex_digit((unsigned char)p[1]);
		if (lo >= 0) {
			buf[n++] = (uint8_t)(hi * 16 + lo);
			p += 2;
		} else if (between) {
			buf[n++] = (uint8_t)hi; /* "1:2:3" is allowed */
			p += 1;
		} else {
			return -1;
		}
		if (!*p)
			return (int)n;
		if (between) {
			if (*p != between || !p[1])
				return -1;
			p++;
		}
	}
}

static int format_hex(const uint8_t *d, size_t l, char *b, size_t s) { return format_hex_with(d, l, b, s, ":"); }
static int format_hexhyp(const uint8_t *d, size_t l, char *b, size_t s) { return format_hex_with(d, l, b, s, "-"); }
static int format_hexraw(const uint8_t *d, size_t l, char *b, size_t s) { return format_hex_with(d, l, b, s, ""); }
static int parse_hex(const char *t, uint8_t *b, size_t s) { return parse_hex_with(t, b, s, ':'); }
static int parse_hexhyp(const char *t, uint8_t *b, size_t s) { return parse_hex_with(t, b, s, '-'); }
static int parse_hexraw(const char *t, uint8_t *b, size_t s) { return parse_hex_with(t, b, s, 0); }

/* --- uuid --- */

static int format_uuid(const uint8_t *d, size_t len, char *buf, size_t size)
{
	size_t used = 0;
	if (len != 16)
		return -1;
	for (int i = 0; i < 16; i++)
		PUT("%s%02x", (i == 4 || i == 6 || i == 8 || i == 10) ? "-" : "", d[i]);
	return finish(buf, size, used);
}

static int parse_uuid(const char *text, uint8_t *buf, size_t size)
{
	const char *p = text;
	if (size < 16 || strlen(text) != 36)
		return -1;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10) {
			if (*p++ != '-')
				return -1;
		}
		int hi = hex_digit((unsigned char)p[0]), lo = hex_digit((unsigned char)p[1]);
		if (hi < 0 || lo < 0)
			return -1;
		buf[i] = (uint8_t)(hi * 16 + lo);
		p += 2;
	}
	return 16;
}

/* --- base64 --- */

static const char base64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int format_base64(const uint8_t *d, size_t len, char *buf, size_t size)
{
	size_t used = 0;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)d[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)d[i + 1] << 8;
		if (i + 2 < len)
			v |= d[i + 2];
		PUT("%c%c%c%c", base64_alphabet[(v >> 18) & 63], base64_alphabet[(v >> 12) & 63],
		    i + 1 < len ? base64_alphabet[(v >> 6) & 63] : '=',
		    i + 2 < len ? base64_alphabet[v & 63] : '=');
	}
	return finish(buf, size, used);
}

static int parse_base64(const char *text, uint8_t *buf, size_t size)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t n = 0;
	const char *p;
	for (p = text; *p && *p != '='; p++) {
		const char *at = strchr(base64_alphabet, *p);
		if (!at)
			return -1;
		acc = (acc << 6) | (uint32_t)(at - base64_alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n == size)
				return -1;
			buf[n++] = (uint8_t)(acc >> bits);
		}
	}
	while (*p == '=')
		p++;
	return *p ? -1 : (int)n;
}

/* --- busdevfn: a PCI location, 16 bits (bus:dev.fn) or 32 with segment --- */

static int format_busdevfn(const uint8_t *d, size_t len, char *buf, size_t size)
{
	unsigned v;
	if (len == 2) {
		v = (unsigned)d[0] << 8 | d[1];
		return snprintf(buf, size, "%02x:%02x.%x", v >> 8, (v >> 3) & 0x1f, v & 7);
	}
	if (len == 4) {
		v = (unsigned)d[2] << 8 | d[3];
		return snprintf(buf, size, "%04x:%02x:%02x.%x", (unsigned)d[0] << 8 | d[1], v >> 8,
				(v >> 3) & 0x1f, v & 7);
	}
	return -1;
}

static int parse_busdevfn(const char *text, uint8_t *buf, size_t size)
{
	unsigned long part[4];
	int count = 0;
	const char *p = text;
	char *end;
	/* "[ssss:]bb:dd.f" */
	while (count < 4) {
		if (!isxdigit((unsigned char)*p))
			return -1;
		part[count++] = strtoul(p, &end, 16);
		if (*end == '\0')
			break;
		if (*end != ':' && *end != '.')
			return -1;
		p = end + 1;
	}
	if (*end || count < 3 || part[count - 1] > 7 || part[count - 2] > 31 ||
	    part[count - 3] > 255 || (count == 4 && part[0] > 0xffff) || size < (size_t)(count == 4 ? 4 : 2))
		return -1;
	unsigned v = (unsigned)(part[count - 3] << 8 | part[count - 2] << 3 | part[count - 1]);
	if (count == 4) {
		buf[0] = (uint8_t)(part[0] >> 8);
		buf[1] = (uint8_t)part[0];
		buf[2] = (uint8_t)(v >> 8);
		buf[3] = (uint8_t)v;
		return 4;
	}
	buf[0] = (uint8_t)(v >> 8);
	buf[1] = (uint8_t)v;
	return 2;
}

const struct setting_type settings_type_string = { "string", format_string, parse_string };
const struct setting_type settings_type_uristring = { "uristring", format_uristring, parse_uristring };
const struct setting_type settings_type_ipv4 = { "ipv4", format_ipv4, parse_ipv4 };
const struct setting_type settings_type_int8 = { "int8", format_int, parse_int8 };
const struct setting_type settings_type_int16 = { "int16", format_int, parse_int16 };
const struct setting_type settings_type_int32 = { "int32", format_int, parse_int32 };
const struct setting_type settings_type_uint8 = { "uint8", format_uint, parse_uint8 };
const struct setting_type settings_type_uint16 = { "uint16", format_uint, parse_uint16 };
const struct setting_type settings_type_uint32 = { "uint32", format_uint, parse_uint32 };
const struct setting_type settings_type_hex = { "hex", format_hex, parse_hex };
const struct setting_type settings_type_hexhyp = { "hexhyp", format_hexhyp, parse_hexhyp };
const struct setting_type settings_type_hexraw = { "hexraw", format_hexraw, parse_hexraw };
const struct setting_type settings_type_uuid = { "uuid", format_uuid, parse_uuid };
const struct setting_type settings_type_base64 = { "base64", format_base64, parse_base64 };
const struct setting_type settings_type_busdevfn = { "busdevfn", format_busdevfn, parse_busdevfn };

static const struct setting_type *const all_types[] = {
	&settings_type_string, &settings_type_uristring, &settings_type_ipv4,
	&settings_type_int8, &settings_type_int16, &settings_type_int32,
	&settings_type_uint8, &settings_type_uint16, &settings_type_uint32,
	&settings_type_hex, &settings_type_hexhyp, &settings_type_hexraw,
	&settings_type_uuid, &settings_type_base64, &settings_type_busdevfn,
};

const struct setting_type *settings_type_find(const char *name)
{
	for (size_t i = 0; i < sizeof(all_types) / sizeof(all_types[0]); i++)
		if (strcmp(all_types[i]->name, name) == 0)
			return all_types[i];
	return NULL;
}
