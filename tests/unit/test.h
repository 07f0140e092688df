/* A very small unit-test framework: TEST(name) { CHECK(...); }.
 * Tests register themselves; test_main.c runs them all and prints
 * "unit: N passed, N failed". */
#ifndef TEST_H
#define TEST_H

#include <stdbool.h>
#include <string.h>

typedef void test_fn(void);
void test_register(const char *name, test_fn *fn);
bool test_check(bool ok, const char *expr, const char *file, int line);
bool test_check_str(const char *got, const char *want, const char *expr, const char *file,
		    int line);

#define TEST(name)                                                        \
	static void name(void);                                           \
	__attribute__((constructor)) static void register_##name(void)    \
	{                                                                 \
		test_register(#name, name);                               \
	}                                                                 \
	static void name(void)

#define CHECK(cond) test_check((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) test_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_CONTAINS(text, part) \
	test_check(strstr((text), (part)) != NULL, #text " contains \"" part "\"", __FILE__, __LINE__)

#endif
