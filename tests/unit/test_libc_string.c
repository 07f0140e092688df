/* String, memory and number functions of our libc against the host's. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "libc_host.h"
#include "test.h"

/* string.c's strdup allocates through malloc, named libc_malloc here. */
void *libc_malloc(size_t size);
void *libc_malloc(size_t size)
{
	return malloc(size);
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

TEST(string_compare_functions_match_host)
{
	static const char *const words[] = { "", "a", "ab", "abc", "abd", "B", "\xff", "b" };
	for (size_t i = 0; i < 8; i++)
		for (size_t j = 0; j < 8; j++) {
			CHECK(sign(libc_strcmp(words[i], words[j])) == sign(strcmp(words[i], words[j])));
			CHECK(sign(libc_strncmp(words[i], words[j], 2)) ==
			      sign(strncmp(words[i], words[j], 2)));
			CHECK(sign(libc_strcasecmp(words[i], words[j])) ==
			      sign(strcasecmp(words[i], words[j])));
		}
	CHECK(libc_memcmp("ab\0c", "ab\0d", 4) < 0);
	CHECK(libc_memcmp("x", "y", 0) == 0);
}

TEST(string_search_functions)
{
	const char *s = "pxelinux.cfg/default";
	CHECK(libc_strchr(s, '/') == s + 12);
	CHECK(libc_strchr(s, '\0') == s + 20);
	CHECK(libc_strchr(s, 'z') == NULL);
	CHECK(libc_strrchr(s, 'e') == s + 14);
	CHECK(libc_strstr(s, "cfg") == s + 9);
	CHECK(libc_strstr(s, "") == s);
	CHECK(libc_strstr(s, "cfgx") == NULL);
	CHECK(libc_strlen(s) == 20);
	CHECK(libc_strcspn(s, "./") == strcspn(s, "./"));
	CHECK(libc_strcspn(s, "") == 20 && libc_strcspn("", "x") == 0);
}

TEST(memmove_handles_overlap_both_ways)
{
	char a[] = "0123456789";
	libc_memmove(a + 2, a, 5);
	CHECK_STR(a, "0101234789");
	char b[] = "0123456789";
	libc_memmove(b, b + 2, 5);
	CHECK_STR(b, "2345656789");
}

TEST(copy_functions_terminate_and_pad)
{
	char buf[8];
	CHECK(libc_strlcpy(buf, "abcdefghij", sizeof(buf)) == 10);
	CHECK_STR(buf, "abcdefg");
	libc_memset(buf, 'X', sizeof(buf));
	libc_strncpy(buf, "ab", sizeof(buf));
	CHECK(buf[2] == 0 && buf[7] == 0);
	char *d = libc_strndup("abcdef", 3);
	CHECK_STR(d, "abc");
	free(d);
	d = libc_strdup("");
	CHECK_STR(d, "");
	free(d);
}

TEST(strtoul_bases_and_ends)
{
	char *end;
	CHECK(libc_strtoul("  42xyz", &end, 10) == 42 && *end == 'x');
	CHECK(libc_strtoul("0x1F", &end, 0) == 31 && *end == 0);
	CHECK(libc_strtoul("0x1F", &end, 16) == 31);
	CHECK(libc_strtoul("017", &end, 0) == 15);
	CHECK(libc_strtoul("0x", &end, 16) == 0 && *end == 'x'); /* "0" parsed, "x" left */
	CHECK(libc_strtoul("zz", &end, 10) == 0 && *end == 'z');
	CHECK(libc_strtol("-17", &end, 10) == -17);
	CHECK(libc_strtoull("99999999999999999999999", &end, 10) == ULLONG_MAX);
	CHECK(libc_strtoul("ff", NULL, 16) == 255);
}

static int compare_ints(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

TEST(qsort_sorts)
{
	int v[] = { 5, -1, 3, 3, 9, 0 };
	libc_qsort(v, 6, sizeof(int), compare_ints);
	CHECK(v[0] == -1 && v[1] == 0 && v[2] == 3 && v[3] == 3 && v[4] == 5 && v[5] == 9);
}
