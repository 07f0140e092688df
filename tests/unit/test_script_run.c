/* The interpreter: flow, status, labels, goto, exit, errors and their
 * messages, quoting as commands see it. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/script.h"
#include "../../firmware/settings.h"
#include "platform_host.h"
#include "test.h"
#include "test_script.h"

int script_run_text_for_test(const char *text)
{
	return script_run_text(text, strlen(text), "t.ipxe", NULL);
}

int test_run_script(const char *text)
{
	host_console_reset();
	host_keys_reset();
	settings_reset();
	return script_run_text(text, strlen(text), "t.ipxe", NULL);
}

TEST(run_echo_and_comments)
{
	CHECK(test_run_script("#!ipxe\n# a comment\necho hello   world # trailing\n") == 0);
	CHECK_STR(host_console_text(), "hello world\n");
}

TEST(run_crlf_and_no_final_newline)
{
	CHECK(test_run_script("#!ipxe\r\necho one\r\necho two") == 0);
	CHECK_STR(host_console_text(), "one\ntwo\n");
}

TEST(run_or_and_then)
{
	CHECK(test_run_script("#!ipxe\n"
			      "false || echo A\n"
			      "true || echo B\n"
			      "true && echo C\n"
			      "false && echo D ||\n"
			      "false ; echo E\n") == 0);
	CHECK_STR(host_console_text(), "A\nC\nE\n");
}

TEST(run_failure_stops_the_script_and_says_where)
{
	CHECK(test_run_script("#!ipxe\necho before\niseq a b\necho after\n") != 0);
	CHECK_CONTAINS(host_console_text(), "before\n");
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 3: \"iseq\" failed");
	CHECK(strstr(host_console_text(), "after") == NULL);
}

TEST(run_and_chain_failure_without_or_stops)
{
	/* iPXE: "dhcp && goto ok" fails the script when dhcp fails. */
	CHECK(test_run_script("#!ipxe\nfalse && echo no\necho after\n") != 0);
	CHECK(strstr(host_console_text(), "after") == NULL);
}

TEST(run_unknown_command_names_it_and_the_line)
{
	CHECK(test_run_script("#!ipxe\n\nfrobnicate now\n") != 0);
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 3: unknown command \"frobnicate\"");
}

TEST(run_goto_forward_and_backward)
{
	CHECK(test_run_script("#!ipxe\n"
			      "set n 0\n"
			      ":loop\n"
			      "inc n\n"
			      "iseq ${n} 3 && goto done ||\n"
			      "goto loop\n"
			      "echo never\n"
			      ":done\n"
			      "echo n=${n}\n") == 0);
	CHECK_STR(host_console_text(), "n=3\n");
}

TEST(run_label_line_may_hold_a_command)
{
	CHECK(test_run_script("#!ipxe\ngoto x\n:x echo on the label line\n") == 0);
	CHECK_STR(host_console_text(), "on the label line\n");
}

TEST(run_goto_missing_label_fails_clearly)
{
	CHECK(test_run_script("#!ipxe\ngoto nowhere\necho after\n") != 0);
	CHECK_CONTAINS(host_console_text(), "no label \":nowhere\"");
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 2");
	CHECK(test_run_script("#!ipxe\ngoto nowhere || echo handled\n") == 0);
	CHECK_CONTAINS(host_console_text(), "handled\n");
}

TEST(run_goto_computed_label)
{
	CHECK(test_run_script("#!ipxe\nset t b\ngoto host_${t}\n:host_a\necho A\n:host_b\necho B\n") == 0);
	CHECK_STR(host_console_text(), "B\n");
}

TEST(run_exit_status)
{
	CHECK(test_run_script("#!ipxe\necho a\nexit\necho b\n") == 0);
	CHECK_STR(host_console_text(), "a\n");
	CHECK(test_run_script("#!ipxe\nexit 3\necho b\n") == 3);
	CHECK_STR(host_console_text(), "");
	CHECK(test_run_script("#!ipxe\ntrue && exit 4 ; echo no\n") == 4);
	CHECK(test_run_script("#!ipxe\nexit banana\n") != 0);
	CHECK_CONTAINS(host_console_text(), "not a status");
}

TEST(run_infinite_goto_loop_stops_on_ctrl_c)
{
	host_console_reset();
	settings_reset();
	host_keys_reset();
	host_keys_push('x'); /* typed ahead: kept, not an interrupt */
	host_keys_push(3);
	CHECK(script_run_text("#!ipxe\n:a\ngoto a\n", 17, "loop.ipxe", NULL) != 0);
	CHECK_CONTAINS(host_console_text(), "interrupted (Ctrl-C)");
}

TEST(run_line_continuation)
{
	CHECK(test_run_script("#!ipxe\necho one \\\n  two \\\nthree\necho four\n") == 0);
	CHECK_STR(host_console_text(), "one two three\nfour\n");
	/* Lines after a continued one keep their numbers. */
	CHECK(test_run_script("#!ipxe\necho a \\\nb\nnosuch\n") != 0);
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 4: unknown command");
}

TEST(run_quoted_words_and_as_written)
{
	CHECK(test_run_script("#!ipxe\nargs \"a  b\" c\n") == 0);
	CHECK_STR(host_console_text(), "2 [a  b] [c]\n");
	CHECK(test_run_script("#!ipxe\nset v 1.2\n"
			      "written quiet   console=\"ttyS0 ${v}\" x=\"\"\n") == 0);
	CHECK_STR(test_written, "quiet console=\"ttyS0 1.2\" x=\"\"");
}

TEST(run_expanded_value_stays_one_word)
{
	CHECK(test_run_script("#!ipxe\nset v a b  c\nargs ${v} ${empty}\n") == 0);
	CHECK_STR(host_console_text(), "2 [a b c] []\n"); /* set joins its words */
}

TEST(run_unterminated_quote_fails_with_line)
{
	CHECK(test_run_script("#!ipxe\necho \"oops\n") != 0);
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 2: a double quote");
}

TEST(run_huge_line_fails_cleanly)
{
	size_t n = SCRIPT_MAX_LINE + 100;
	char *text = malloc(n + 16);
	strcpy(text, "#!ipxe\necho ");
	memset(text + 12, 'x', n);
	strcpy(text + 12 + n, "\n");
	CHECK(test_run_script(text) != 0);
	CHECK_CONTAINS(host_console_text(), "t.ipxe line 2: longer than");
	free(text);
}

TEST(run_exec_line_outside_scripts)
{
	host_console_reset();
	CHECK(script_exec_line("goto x") != 0);
	CHECK_CONTAINS(host_console_text(), "only scripts have labels");
	CHECK(script_exec_line("") == 0);
	CHECK_STR(script_where(), "shell");
}

TEST(run_probe)
{
	struct image img = { 0 };
	img.data = (uint8_t *)"#!ipxe\necho";
	img.len = 11;
	CHECK(script_probe(&img));
	img.data = (uint8_t *)"#!gpxe\n";
	img.len = 7;
	CHECK(script_probe(&img));
	img.data = (uint8_t *)"#!ipxeX";
	CHECK(!script_probe(&img));
	img.data = (uint8_t *)"MZ";
	img.len = 2;
	CHECK(!script_probe(&img));
}

TEST(run_nested_depth_is_limited)
{
	/* script_run_text from a script cannot recurse past the limit; here
	 * the depth counter must be back at zero after every run. */
	for (int i = 0; i < SCRIPT_MAX_DEPTH + 2; i++)
		CHECK(test_run_script("#!ipxe\necho x\n") == 0);
}
