/* Number parsing and small helpers from stdlib.h. */
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include "libc_name.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 99;
}

/* Parses like strtoull; saturates at ULLONG_MAX on overflow. */
unsigned long long LIBC(strtoull)(const char *s, char **end, int base)
{
	const char *p = s;
	unsigned long long value = 0;
	int negative = 0, overflow = 0, any = 0;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		negative = (*p++ == '-');
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = (p[0] == '0') ? 8 : 10;
	}
	for (; digit_value(*p) < base; p++, any = 1) {
		unsigned d = (unsigned)digit_value(*p);
		if (value > (ULLONG_MAX - d) / (unsigned)base)
			overflow = 1;
		value = value * (unsigned)base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (overflow)
		return ULLONG_MAX;
	return negative ? -value : value;
}

unsigned long LIBC(strtoul)(const char *s, char **end, int base)
{
	unsigned long long v = LIBC(strtoull)(s, end, base);
	return v > ULONG_MAX ? ULONG_MAX : (unsigned long)v;
}

long LIBC(strtol)(const char *s, char **end, int base)
{
	return (long)LIBC(strtoull)(s, end, base);
}

int LIBC(atoi)(const char *s)
{
	return (int)LIBC(strtol)(s, NULL, 10);
}

int LIBC(abs)(int v)
{
	return v < 0 ? -v : v;
}

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Insertion sort: the firmware sorts short lists (devices, menu items). */
void LIBC(qsort)(void *base, size_t count, size_t size,
		 int (*compare)(const void *, const void *))
{
	unsigned char *b = base;
	for (size_t i = 1; i < count; i++)
		for (size_t j = i; j > 0 && compare(b + (j - 1) * size, b + j * size) > 0; j--)
			swap_bytes(b + (j - 1) * size, b + j * size, size);
}
