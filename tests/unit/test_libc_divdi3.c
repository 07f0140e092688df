/* rom64's 64-bit divide (firmware/libc/divdi3_rom64.c) against the
 * compiler's own '/' and '%'. */
#include <stdint.h>
#include "test.h"

uint64_t libc_udivmod64(uint64_t n, uint64_t d, uint64_t *rem);

/* The signed entry points' rule, as divdi3_rom64.c applies it (they are
 * not compiled for the host, where they would be libgcc's names). */
static int64_t sdiv(int64_t a, int64_t b, int64_t *rem)
{
	uint64_t ua = a < 0 ? -(uint64_t)a : (uint64_t)a;
	uint64_t ub = b < 0 ? -(uint64_t)b : (uint64_t)b;
	uint64_t r, q = libc_udivmod64(ua, ub, &r);
	*rem = (int64_t)(a < 0 ? -r : r);
	return (int64_t)((a < 0) != (b < 0) ? -q : q);
}

static int check_pair(uint64_t n, uint64_t d)
{
	uint64_t r = 12345, q = libc_udivmod64(n, d, &r);
	if (q != n / d || r != n % d || libc_udivmod64(n, d, 0) != n / d)
		return 0;
	int64_t sn = (int64_t)n, sd = (int64_t)d, sr;
	if (sd == 0 || (sn == INT64_MIN && sd == -1))
		return 1;
	return sdiv(sn, sd, &sr) == sn / sd && sr == sn % sd;
}

TEST(udivmod64_matches_compiler_on_edges)
{
	static const uint64_t v[] = { 1, 2, 3, 7, 10, 1000, 0x7fffffff, 0x80000000, 0xfffffffe,
				      0xffffffff, 0x100000000ull, 0x100000001ull, 0x123456789abcdefull,
				      0x7fffffffffffffffull, 0x8000000000000000ull,
				      0x8000000000000001ull, 0xfffffffffffffffeull, 0xffffffffffffffffull,
				      (uint64_t)-2, (uint64_t)-1000, (uint64_t)-0x80000000ll };
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CHECK(check_pair(0, v[i]));
		for (size_t j = 0; j < sizeof(v) / sizeof(v[0]); j++)
			CHECK(check_pair(v[i], v[j]));
	}
}

TEST(udivmod64_matches_compiler_on_many_values)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	for (int i = 0; i < 50000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		uint64_t n = x;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* Divisors of every width, from one bit up to 64. */
		uint64_t d = x >> (i % 64);
		if (!d)
			d = 1;
		CHECK(check_pair(n, d));
		CHECK(check_pair(n >> (i % 61), d));
	}
}
