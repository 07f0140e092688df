/* 64-bit division for the rom64 core (bios/rom64.mk): small stand-ins for
 * libgcc's __udivdi3, __umoddi3, __divdi3, __moddi3 and __udivmoddi4
 * (2.4 KB of fast code), which a 32-bit CPU needs for every
 * 64-bit '/' and '%'. One shift-and-subtract loop: slower, but the core
 * divides 64-bit numbers rarely (clock, sizes, progress). Linked before
 * libgcc, and compiled without LTO, so the link finds these first.
 *
 * Only shifts, compares and subtracts on uint64_t here: a 64-bit '/' or
 * '%' in this file would compile into a call to itself. Dividing by zero
 * gives all ones and leaves the dividend as remainder (libgcc traps). */
#include <stdint.h>
#include "libc_name.h"

uint64_t LIBC(udivmod64)(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t LIBC(udivmod64)(uint64_t n, uint64_t d, uint64_t *rem)
{
	uint64_t r = 0;
	if (!(n >> 32) && !(d >> 32) && d) {
		/* 32 by 32 bits: the CPU's own divide. */
		uint32_t n32 = (uint32_t)n, d32 = (uint32_t)d;
		if (rem)
			*rem = n32 % d32;
		return n32 / d32;
	}
	/* n shifts left into r, the quotient's bits in behind it. */
	for (int i = 0; i < 64; i++) {
		uint32_t carry = (uint32_t)(r >> 63);
		r = r << 1 | n >> 63;
		n <<= 1;
		if (carry || r >= d) {
			r -= d;
			n |= 1;
		}
	}
	if (rem)
		*rem = r;
	return n;
}

#ifndef LIBC_HOST_TEST
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t a, int64_t b);
int64_t __moddi3(int64_t a, int64_t b);

/* gcc calls this one for a '/' and a '%' of the same numbers. */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
	return udivmod64(n, d, rem);
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	return udivmod64(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	udivmod64(n, d, &r);
	return r;
}

/* C truncates toward zero: the quotient is negative when the signs
 * differ, the remainder has the dividend's sign. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

int64_t __divdi3(int64_t a, int64_t b)
{
	uint64_t q = udivmod64(magnitude(a), magnitude(b), 0);
	return (int64_t)((a < 0) != (b < 0) ? -q : q);
}

int64_t __moddi3(int64_t a, int64_t b)
{
	uint64_t r;
	udivmod64(magnitude(a), magnitude(b), &r);
	return (int64_t)(a < 0 ? -r : r);
}
#endif
