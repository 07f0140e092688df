/* Command lines for executed images (see image_cmdline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "image_cmdline.h"

char *image_cmdline_text(const struct image *img, bool with_name)
{
	const char *args = img->cmdline ? img->cmdline : "";
	size_t len = strlen(img->name) + 1 + strlen(args) + 1;
	char *text = malloc(len);
	if (!text)
		return NULL;
	if (with_name)
		snprintf(text, len, "%s%s%s", img->name, *args ? " " : "", args);
	else
		snprintf(text, len, "%s", args);
	return text;
}

/* Decodes one UTF-8 character at *p, advancing *p; U+FFFD when malformed,
 * overlong, a surrogate, or beyond U+FFFF (UCS-2 cannot hold it). */
static uint16_t next_char(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned extra, c;
	uint32_t min;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0) {
		extra = 1, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		extra = 2, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		extra = 3, c = s[0] & 0x07, min = 0x10000;
	} else {
		*p = s + 1;
		return 0xfffd;
	}
	for (unsigned i = 1; i <= extra; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*p = s + i; /* resume at the byte that broke the sequence */
			return 0xfffd;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	*p = s + 1 + extra;
	if (c < min || c > 0xffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	return (uint16_t)c;
}

size_t utf8_to_ucs2(const char *text, uint16_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = 0;
	while (*p) {
		uint16_t c = next_char(&p);
		if (n + 1 < max)
			out[n] = c;
		n++;
	}
	if (max)
		out[n < max ? n : max - 1] = 0;
	return n;
}
