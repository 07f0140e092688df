/* IPv4 addresses as text (see inet.h). */
#include <stdio.h>
#include <string.h>
#include "inet.h"

bool inet_parse(const char *s, uint32_t *out)
{
	uint8_t b[4];
	for (int i = 0; i < 4; i++) {
		unsigned v = 0, digits = 0;
		while (*s >= '0' && *s <= '9' && digits < 4)
			v = v * 10 + (unsigned)(*s++ - '0'), digits++;
		if (!digits || v > 255 || (i < 3 && *s++ != '.'))
			return false;
		b[i] = (uint8_t)v;
	}
	if (*s)
		return false;
	memcpy(out, b, 4);
	return true;
}

const char *inet_text(uint32_t addr, char *buf, size_t size)
{
	const uint8_t *b = (const uint8_t *)&addr;
	snprintf(buf, size, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}
