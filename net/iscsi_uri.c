/* iSCSI root paths (see iscsi_uri.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "iscsi_uri.h"
#include "../firmware/hex_digit.h"

/* A field between colons into out; false when it does not fit. */
static bool copy_field(const char *start, const char *end, char *out, size_t size)
{
	size_t len = (size_t)(end - start);
	if (len >= size)
		return false;
	memcpy(out, start, len);
	out[len] = '\0';
	return true;
}

/* A decimal number no larger than max; "" gives dflt. */
static bool parse_number(const char *text, unsigned long long max, unsigned long long dflt,
			 unsigned long long *out)
{
	char *end;
	if (!*text) {
		*out = dflt;
		return true;
	}
	if (*text < '0' || *text > '9')
		return false;
	*out = strtoull(text, &end, 10);
	return !*end && *out <= max;
}

/* RFC 4173's LUN, read as iPXE reads it: up to four groups of one to four
 * hex digits joined by '-', each a big-endian 16-bit word of the 8-byte
 * SCSI LUN; groups not given are zero, "" is LUN 0. */
static bool parse_lun(const char *text, uint8_t lun[8])
{
	memset(lun, 0, 8);
	if (!*text)
		return true;
	for (int group = 0; group < 4; group++) {
		unsigned value = 0, digits = 0;
		for (; hex_digit(*text) >= 0; text++) {
			if (++digits > 4)
				return false;
			value = value * 16 + (unsigned)hex_digit(*text);
		}
		if (!digits)
			return false;
		lun[2 * group] = (uint8_t)(value >> 8);
		lun[2 * group + 1] = (uint8_t)value;
		if (!*text)
			return true;
		if (*text++ != '-')
			return false;
	}
	return false; /* a fifth group */
}

bool iscsi_uri_parse(const char *text, struct iscsi_uri *out, char *why, size_t why_size)
{
	const char *field[5], *p;
	char server[256], protocol[16], port[16], lun[32];
	unsigned long long value;

	memset(out, 0, sizeof(*out));
	if (strncmp(text, "iscsi:", 6) != 0) {
		snprintf(why, why_size, "not an iscsi: URI");
		return false;
	}
	/* server, protocol, port and LUN end at the first four colons; the
	 * rest is the target name. A server in [brackets] may hold colons. */
	p = text + 6;
	field[0] = p;
	if (*p == '[') {
		p = strchr(p, ']');
		if (!p) {
			snprintf(why, why_size, "a '[' without its ']' in the server");
			return false;
		}
	}
	for (int i = 1; i < 5; i++) {
		p = strchr(p, ':');
		if (!p) {
			snprintf(why, why_size, "expected iscsi:<server>:[<protocol>]:[<port>]:[<LUN>]:"
				 "<targetname>");
			return false;
		}
		field[i] = ++p;
	}
	if (!copy_field(field[0], field[1] - 1, server, sizeof(server)) ||
	    !copy_field(field[1], field[2] - 1, protocol, sizeof(protocol)) ||
	    !copy_field(field[2], field[3] - 1, port, sizeof(port)) ||
	    !copy_field(field[3], field[4] - 1, lun, sizeof(lun)) ||
	    !copy_field(field[4], field[4] + strlen(field[4]), out->target, sizeof(out->target))) {
		snprintf(why, why_size, "a field is too long");
		return false;
	}
	if (server[0] == '[') { /* drop the brackets */
		size_t n = strlen(server);
		if (server[n - 1] != ']') {
			snprintf(why, why_size, "text after the server's ']'");
			return false;
		}
		memmove(server, server + 1, n - 2);
		server[n - 2] = '\0';
	}
	if (!server[0]) {
		snprintf(why, why_size, "no server");
		return false;
	}
	memcpy(out->server, server, sizeof(server));
	if (!parse_number(protocol, 255, 6, &value) || value != 6) {
		snprintf(why, why_size, "protocol \"%s\" is not 6 (TCP), the only one iSCSI uses",
			 protocol);
		return false;
	}
	if (!parse_number(port, 65535, ISCSI_DEFAULT_PORT, &value) || value == 0) {
		snprintf(why, why_size, "\"%s\" is not a port number", port);
		return false;
	}
	out->port = (uint16_t)value;
	if (!parse_lun(lun, out->lun)) {
		snprintf(why, why_size, "\"%s\" is not a LUN (hexadecimal, up to four 16-bit "
			 "groups joined by '-': \"0\", \"1f\", \"0-1\")", lun);
		return false;
	}
	if (!out->target[0]) {
		snprintf(why, why_size, "no target name");
		return false;
	}
	return true;
}
