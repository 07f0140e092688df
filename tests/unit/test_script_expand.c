/* ${...} expansion: plain, typed, nested, missing, unterminated, limits. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/script_expand.h"
#include "../../firmware/settings.h"
#include "test.h"

static char *got;
static const char *error;

static const char *expand(const char *text)
{
	free(got);
	error = NULL;
	got = script_expand(text, &error);
	return got ? got : "(null)";
}

TEST(expand_plain_and_missing)
{
	settings_reset();
	settings_set("name", "world");
	CHECK_STR(expand("hello ${name}!"), "hello world!");
	CHECK_STR(expand("[${nothing}]"), "[]");
	CHECK_STR(expand("no settings here $ { } }"), "no settings here $ { } }");
	CHECK_STR(expand("$${name}"), "$world");
}

TEST(expand_typed_and_scoped)
{
	uint8_t ip[4] = { 10, 0, 0, 5 };
	settings_reset();
	settings_store_named("net0.dhcp", "ip", ip, 4);
	settings_store("net0.dhcp", 66, "tftp.example", 12);
	CHECK_STR(expand("${net0/ip}"), "10.0.0.5");
	CHECK_STR(expand("${ip:hex}"), "0a:00:00:05");
	CHECK_STR(expand("${66:string}/${66}"), "tftp.example/tftp.example");
	CHECK_STR(expand("${net0.dhcp/ip:uint32}"), "0xa000005");
}

TEST(expand_nested_inside_out)
{
	settings_reset();
	settings_set("which", "b");
	settings_set("b", "bee");
	settings_set("level", "which");
	CHECK_STR(expand("${${which}}"), "bee");
	CHECK_STR(expand("${${${level}}}"), "bee");
	CHECK_STR(expand("x${${which}}y${which}"), "xbeeyb");
}

TEST(expand_values_are_not_expanded_again)
{
	settings_reset();
	settings_set("loop", "${loop}");
	CHECK_STR(expand("${loop}"), "${loop}");
}

TEST(expand_unterminated_stays_as_written)
{
	settings_reset();
	settings_set("b", "B");
	CHECK_STR(expand("${abc"), "${abc");
	CHECK_STR(expand("${a${b}"), "${aB");
	CHECK_STR(expand("tail ${"), "tail ${");
}

TEST(expand_bad_names_expand_to_nothing)
{
	settings_reset();
	CHECK_STR(expand("[${net0/ip:nosuchtype}]"), "[]");
	CHECK_STR(expand("[${}]"), "[]");
	CHECK_STR(expand("[${a b}]"), "[]");
}

TEST(expand_deep_nesting_is_an_error_not_a_crash)
{
	char *text = malloc(3 * 10000 + 10000 + 1);
	size_t n = 0;
	for (int i = 0; i < 10000; i++) {
		memcpy(text + n, "${", 2);
		n += 2;
	}
	for (int i = 0; i < 10000; i++)
		text[n++] = '}';
	text[n] = '\0';
	CHECK_STR(expand(text), "(null)");
	CHECK(error && strstr(error, "nested"));
	free(text);
	/* Within the limit it works. */
	settings_reset();
	settings_set("a", "a");
	CHECK_STR(expand("${${${${a}}}}"), "a");
}

TEST(expand_result_length_is_bounded)
{
	char *big = malloc(SETTINGS_MAX_VALUE + 1);
	char *text = malloc(64 * 8 + 1);
	memset(big, 'x', SETTINGS_MAX_VALUE);
	big[SETTINGS_MAX_VALUE] = '\0';
	settings_reset();
	CHECK(settings_set("big", big) == 0);
	text[0] = '\0';
	for (int i = 0; i < 64; i++)
		strcat(text, "${big}");
	CHECK_STR(expand(text), "(null)");
	CHECK(error && strstr(error, "too long"));
	free(big);
	free(text);
	free(got);
	got = NULL;
}
