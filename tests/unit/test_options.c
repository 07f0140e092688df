/* Command options as iPXE scripts write them: long and short forms, values
 * joined or separate, flags, "--", and the errors a mistyped option gets. */
#include <stdlib.h>
#include "../../firmware/options.h"
#include "platform_host.h"
#include "test.h"

static const struct option_spec specs[] = {
	{ "name", 'n', true },
	{ "autofree", 'a', false },
	{ "timeout", 't', true },
};
#define NSPECS 3

static int parse(char **argv, int argc, const char **values)
{
	host_console_reset();
	return options_parse(argc, argv, specs, NSPECS, values);
}

TEST(options_long_and_short_forms)
{
	const char *v[NSPECS];
	char *argv[] = { "imgfetch", "--name", "k", "-a", "--timeout=500", "http://x/k", "a=b" };
	CHECK(parse(argv, 7, v) == 5);
	CHECK_STR(v[0], "k");
	CHECK_STR(v[1], "");
	CHECK_STR(v[2], "500");
	char *argv2[] = { "imgfetch", "-nk", "-t", "9", "file" };
	CHECK(parse(argv2, 5, v) == 4);
	CHECK_STR(v[0], "k");
	CHECK(v[1] == NULL);
	CHECK_STR(v[2], "9");
}

TEST(options_stop_at_first_argument_and_double_dash)
{
	const char *v[NSPECS];
	char *argv[] = { "kernel", "vmlinuz", "--name", "x" };
	CHECK(parse(argv, 4, v) == 1);
	CHECK(v[0] == NULL);
	char *argv2[] = { "kernel", "--", "--odd-file-name" };
	CHECK(parse(argv2, 3, v) == 2);
	char *argv3[] = { "echo", "-" };
	CHECK(parse(argv3, 2, v) == 1);
}

TEST(options_errors_name_the_command)
{
	const char *v[NSPECS];
	char *argv[] = { "imgfetch", "--bogus", "x" };
	CHECK(parse(argv, 3, v) == -1);
	CHECK_CONTAINS(host_console_text(), "imgfetch: unknown option \"--bogus\"");
	char *argv2[] = { "imgfetch", "--name" };
	CHECK(parse(argv2, 2, v) == -1);
	CHECK_CONTAINS(host_console_text(), "option \"--name\" needs a value");
	char *argv3[] = { "imgfetch", "--autofree=yes", "x" };
	CHECK(parse(argv3, 3, v) == -1);
	CHECK_CONTAINS(host_console_text(), "takes no value");
	char *argv4[] = { "imgfetch", "-q" };
	CHECK(parse(argv4, 2, v) == -1);
	CHECK_CONTAINS(host_console_text(), "unknown option \"-q\"");
}

TEST(options_join_puts_single_spaces_between_words)
{
	char *argv[] = { "set", "x", "a", "b c", "" };
	char *t = options_join(5, argv, 2);
	CHECK_STR(t, "a b c ");
	free(t);
	t = options_join(2, argv, 2);
	CHECK_STR(t, "");
	free(t);
}
