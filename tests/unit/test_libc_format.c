/* Our vsnprintf against the host C library's, conversion by conversion,
 * including truncation into small buffers. */
/* Odd formats (empty, "0" with precision) are tested on purpose. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "libc_host.h"
#include "test.h"

/* Both printfs, into buffers of several sizes: same text, same count. */
#define SAME(...)                                                                    \
	do {                                                                         \
		static const size_t sizes[] = { 200, 1, 2, 5, 13 };                  \
		for (size_t i_ = 0; i_ < sizeof(sizes) / sizeof(sizes[0]); i_++) {   \
			char ours[200], theirs[200];                                 \
			memset(ours, 'X', sizeof(ours));                             \
			memset(theirs, 'X', sizeof(theirs));                         \
			int n1 = libc_snprintf(ours, sizes[i_], __VA_ARGS__);        \
			int n2 = snprintf(theirs, sizes[i_], __VA_ARGS__);           \
			CHECK(n1 == n2);                                             \
			CHECK(memcmp(ours, theirs, sizes[i_]) == 0);                 \
			if (i_ == 0)                                                 \
				CHECK_STR(ours, theirs);                             \
		}                                                                    \
	} while (0)

TEST(format_plain_text_and_percent)
{
	SAME("hello");
	SAME("");
	SAME("100%%");
	SAME("%s and %s", "this", "that");
}

TEST(format_signed_integers)
{
	SAME("%d", 0);
	SAME("%d", -1);
	SAME("%d", INT32_MAX);
	SAME("%d", INT32_MIN);
	SAME("%i|%5d|%-5d|%05d|%+d|% d", 42, 42, 42, -42, 42, 42);
	SAME("%ld %lld", -1234567890123L, (long long)INT64_MIN);
	SAME("%hd %hhd", (short)-300, (signed char)-100);
	SAME("%zd %td %jd", (ssize_t)-5, (ptrdiff_t)7, (intmax_t)-9);
	SAME("%.3d|%8.3d|%-8.3d|%.0d|%08.3d", 7, -7, 7, 0, 7);
}

TEST(format_unsigned_hex_octal)
{
	SAME("%u %u", 0u, UINT32_MAX);
	SAME("%x %X %#x %#X %#o %o", 0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu, 8u, 8u);
	SAME("%#x %#o", 0u, 0u);
	SAME("%02x:%02x:%02x", 0x5, 0xab, 0x0);
	SAME("%llx %llu", (unsigned long long)UINT64_MAX, (unsigned long long)UINT64_MAX);
	SAME("%lo", (unsigned long)UINT64_MAX);
	SAME("%zu %zx", (size_t)SIZE_MAX, (size_t)0x1234);
	SAME("%hhx %hx", 0x1ff, 0x1ffff);
	SAME("%08X|%-8x|%8.4x|%#10x", 0xabcu, 0xabcu, 0xabcu, 0xabcu);
}

TEST(format_strings_and_chars)
{
	SAME("[%10s][%-10s][%.2s][%10.2s]", "abc", "abc", "abc", "abc");
	SAME("[%c][%3c][%-3c]", 'a', 'b', 'c');
	SAME("[%*d][%-*d][%.*s]", 6, 42, 6, 42, 3, "abcdef");
	SAME("[%*d]", -6, 42);
	SAME("%s", "a long string that will certainly not fit into small buffers");
}

TEST(format_pointers)
{
	SAME("%p", (void *)0x1234);
	SAME("%p", (void *)UINTPTR_MAX);
}

TEST(format_returns_full_length_when_truncated)
{
	char buf[4];
	CHECK(libc_snprintf(buf, sizeof(buf), "%s", "abcdef") == 6);
	CHECK_STR(buf, "abc");
	CHECK(libc_snprintf(NULL, 0, "%d", 12345) == 5);
}
