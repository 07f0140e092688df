/* Runs every registered unit test; a test fails if any CHECK in it fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

struct test {
	const char *name;
	test_fn *fn;
};

static struct test tests[512];
static int test_count;
static int current_failures;

void test_register(const char *name, test_fn *fn)
{
	if (test_count == (int)(sizeof(tests) / sizeof(tests[0]))) {
		fprintf(stderr, "too many tests\n");
		exit(2);
	}
	tests[test_count++] = (struct test){ name, fn };
}

bool test_check(bool ok, const char *expr, const char *file, int line)
{
	if (!ok) {
		printf("    %s:%d: failed: %s\n", file, line, expr);
		current_failures++;
	}
	return ok;
}

bool test_check_str(const char *got, const char *want, const char *expr, const char *file,
		    int line)
{
	bool ok = got && strcmp(got, want) == 0;
	if (!ok)
		printf("    %s:%d: %s\n        got:  \"%s\"\n        want: \"%s\"\n", file, line,
		       expr, got ? got : "(null)", want);
	current_failures += !ok;
	return ok;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	const char *only = argc > 1 ? argv[1] : NULL;

	for (int i = 0; i < test_count; i++) {
		if (only && !strstr(tests[i].name, only))
			continue;
		current_failures = 0;
		tests[i].fn();
		if (current_failures) {
			printf("FAIL %s\n", tests[i].name);
			failed++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
