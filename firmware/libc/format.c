/* vsnprintf and friends: the C99 conversions the firmware and the
 * libraries it compiles (lwIP, mbedTLS) use, without floating point.
 * Host unit tests check every case against the host C library. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "libc_name.h"

size_t LIBC(strnlen)(const char *s, size_t max);

/* Output cursor: counts every character, stores those that fit. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int count)
{
	while (count-- > 0)
		put(o, c);
}

enum {
	FLAG_LEFT = 1, FLAG_ZERO = 2, FLAG_PLUS = 4, FLAG_SPACE = 8, FLAG_ALT = 16,
};

struct spec {
	int flags;
	int width;
	int precision; /* -1: none given */
};

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	size_t len;
	if (!s)
		s = "(null)";
	len = LIBC(strnlen)(s, sp->precision >= 0 ? (size_t)sp->precision : SIZE_MAX);
	if (!(sp->flags & FLAG_LEFT))
		pad(o, ' ', sp->width - (int)len);
	for (size_t i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->flags & FLAG_LEFT)
		pad(o, ' ', sp->width - (int)len);
}

/* One integer conversion: digits, then precision zeros, sign/prefix, width. */
static void put_number(struct out *o, uintmax_t value, int negative, unsigned base,
		       int upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24]; /* 2^64 in octal is 22 digits */
	int n = 0;
	char sign = 0;
	const char *prefix = "";
	int zeros, total;

	while (value) {
		tmp[n++] = digits[value % base];
		value /= base;
	}
	if (sp->precision < 0 && n == 0)
		tmp[n++] = '0';
	if (negative)
		sign = '-';
	else if (sp->flags & FLAG_PLUS)
		sign = '+';
	else if (sp->flags & FLAG_SPACE)
		sign = ' ';
	if (sp->flags & FLAG_ALT) {
		if (base == 16 && n && !(n == 1 && tmp[0] == '0'))
			prefix = upper ? "0X" : "0x";
		else if (base == 8 && (n == 0 || tmp[n - 1] != '0') && sp->precision <= n)
			prefix = "0";
	}
	zeros = sp->precision > n ? sp->precision - n : 0;
	total = n + zeros + (sign ? 1 : 0) + (int)LIBC(strnlen)(prefix, 2);
	if (sp->precision < 0 && (sp->flags & FLAG_ZERO) && !(sp->flags & FLAG_LEFT)) {
		zeros += sp->width > total ? sp->width - total : 0;
		total = sp->width > total ? sp->width : total;
	}
	if (!(sp->flags & FLAG_LEFT))
		pad(o, ' ', sp->width - total);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->flags & FLAG_LEFT)
		pad(o, ' ', sp->width - total);
}

static int parse_int(const char **fmt)
{
	int v = 0;
	while (**fmt >= '0' && **fmt <= '9') {
		if (v < 100000)
			v = v * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return v;
}

int LIBC(vsnprintf)(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	while (*fmt) {
		struct spec sp = { 0, 0, -1 };
		int length = 0; /* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j' */
		uintmax_t u;
		intmax_t s;
		char c = *fmt++;

		if (c != '%') {
			put(&o, c);
			continue;
		}
		for (;; fmt++) {
			if (*fmt == '-') sp.flags |= FLAG_LEFT;
			else if (*fmt == '0') sp.flags |= FLAG_ZERO;
			else if (*fmt == '+') sp.flags |= FLAG_PLUS;
			else if (*fmt == ' ') sp.flags |= FLAG_SPACE;
			else if (*fmt == '#') sp.flags |= FLAG_ALT;
			else break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0) {
				sp.flags |= FLAG_LEFT;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			sp.width = parse_int(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				sp.precision = va_arg(args, int);
				if (sp.precision < 0)
					sp.precision = -1;
				fmt++;
			} else {
				sp.precision = parse_int(&fmt);
			}
		}
		switch (*fmt) {
		case 'h': length = (fmt[1] == 'h') ? 'H' : 'h'; break;
		case 'l': length = (fmt[1] == 'l') ? 'L' : 'l'; break;
		case 'z': case 't': case 'j': length = *fmt; break;
		}
		if (length)
			fmt += (length == 'H' || length == 'L') ? 2 : 1;

		c = *fmt ? *fmt++ : '\0';
		switch (c) {
		case 'd':
		case 'i':
			switch (length) {
			case 'l': s = va_arg(args, long); break;
			case 'L': s = va_arg(args, long long); break;
			case 'z': case 't': s = va_arg(args, ptrdiff_t); break;
			case 'j': s = va_arg(args, intmax_t); break;
			case 'H': s = (signed char)va_arg(args, int); break;
			case 'h': s = (short)va_arg(args, int); break;
			default: s = va_arg(args, int); break;
			}
			u = s < 0 ? -(uintmax_t)s : (uintmax_t)s;
			put_number(&o, u, s < 0, 10, 0, &sp);
			break;
		case 'u': case 'x': case 'X': case 'o':
			switch (length) {
			case 'l': u = va_arg(args, unsigned long); break;
			case 'L': u = va_arg(args, unsigned long long); break;
			case 'z': case 't': u = va_arg(args, size_t); break;
			case 'j': u = va_arg(args, uintmax_t); break;
			case 'H': u = (unsigned char)va_arg(args, unsigned int); break;
			case 'h': u = (unsigned short)va_arg(args, unsigned int); break;
			default: u = va_arg(args, unsigned int); break;
			}
			sp.flags &= ~(FLAG_PLUS | FLAG_SPACE);
			put_number(&o, u, 0, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X', &sp);
			break;
		case 'p':
			sp.flags |= FLAG_ALT;
			put_number(&o, (uintptr_t)va_arg(args, void *), 0, 16, 0, &sp);
			break;
		case 'c': {
			char ch[2] = { (char)va_arg(args, int), '\0' };
			sp.precision = 1;
			if (!ch[0]) { /* a NUL character still counts as output */
				if (!(sp.flags & FLAG_LEFT))
					pad(&o, ' ', sp.width - 1);
				put(&o, '\0');
				if (sp.flags & FLAG_LEFT)
					pad(&o, ' ', sp.width - 1);
			} else {
				put_string(&o, ch, &sp);
			}
			break;
		}
		case 's':
			put_string(&o, va_arg(args, const char *), &sp);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--; /* lone '%' at the end: print nothing more */
			break;
		default: /* unknown conversion: show it rather than guess */
			put(&o, '%');
			put(&o, c);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int LIBC(snprintf)(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;
	va_start(args, fmt);
	n = LIBC(vsnprintf)(buf, size, fmt, args);
	va_end(args);
	return n;
}

int LIBC(sprintf)(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;
	va_start(args, fmt);
	n = LIBC(vsnprintf)(buf, SIZE_MAX / 2, fmt, args);
	va_end(args);
	return n;
}
