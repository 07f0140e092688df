/* One hex digit's value: 0-15, or -1 when c is not a hex digit. For the
 * parsers of hex text (settings, iSCSI LUNs and CHAP values). */
#ifndef HEX_DIGIT_H
#define HEX_DIGIT_H

static inline int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
