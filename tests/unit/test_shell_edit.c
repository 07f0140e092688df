/* The line editor key by key, the shell prompt, Ctrl-B at start-up. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "../../firmware/shell.h"
#include "../../firmware/shell_edit.h"
#include "../../firmware/shell_keys.h"
#include "../../firmware/script.h"
#include "platform_host.h"
#include "test.h"

static struct line_edit e;

static void type(const char *text)
{
	for (; *text; text++)
		shell_edit_key(&e, (unsigned char)*text);
}

TEST(edit_insert_move_delete)
{
	shell_edit_start(&e, "", NULL);
	type("helo");
	shell_edit_key(&e, KEY_LEFT);
	type("l");
	CHECK_STR(e.buf, "hello");
	CHECK(e.cursor == 4);
	shell_edit_key(&e, KEY_CTRL_A);
	shell_edit_key(&e, KEY_DELETE);
	CHECK_STR(e.buf, "ello");
	shell_edit_key(&e, KEY_CTRL_E);
	shell_edit_key(&e, KEY_BACKSPACE);
	CHECK_STR(e.buf, "ell");
	shell_edit_key(&e, KEY_HOME);
	shell_edit_key(&e, KEY_BACKSPACE); /* nothing before the cursor */
	CHECK_STR(e.buf, "ell");
	shell_edit_key(&e, KEY_RIGHT);
	shell_edit_key(&e, KEY_CTRL_K);
	CHECK_STR(e.buf, "e");
	CHECK(shell_edit_key(&e, KEY_ENTER) == SHELL_EDIT_DONE);
	CHECK(shell_edit_key(&e, KEY_ESC) == SHELL_EDIT_CANCEL);
}

TEST(edit_line_is_bounded)
{
	shell_edit_start(&e, "", NULL);
	for (int i = 0; i < 3 * SHELL_LINE_MAX; i++)
		shell_edit_key(&e, 'x');
	CHECK(e.len == SHELL_LINE_MAX - 1);
	CHECK(strlen(e.buf) == SHELL_LINE_MAX - 1);
}

TEST(edit_history_up_down_keeps_the_draft)
{
	struct shell_history h = { { 0 }, 0 };
	shell_history_add(&h, "first");
	shell_history_add(&h, "second");
	shell_history_add(&h, "second"); /* repeats are kept once */
	shell_history_add(&h, "");
	CHECK(h.count == 2);
	shell_edit_start(&e, "", &h);
	type("dra");
	shell_edit_key(&e, KEY_UP);
	CHECK_STR(e.buf, "second");
	shell_edit_key(&e, KEY_UP);
	CHECK_STR(e.buf, "first");
	shell_edit_key(&e, KEY_UP); /* no older */
	CHECK_STR(e.buf, "first");
	shell_edit_key(&e, KEY_DOWN);
	shell_edit_key(&e, KEY_DOWN);
	CHECK_STR(e.buf, "dra");
	for (int i = 0; i < 40; i++) {
		char line[16];
		snprintf(line, sizeof(line), "l%d", i);
		shell_history_add(&h, line);
	}
	CHECK(h.count == SHELL_HISTORY_MAX);
	CHECK_STR(h.lines[SHELL_HISTORY_MAX - 1], "l39");
	for (int i = 0; i < h.count; i++)
		free(h.lines[i]);
}

TEST(shell_runs_lines_until_exit)
{
	host_console_reset();
	host_keys_reset();
	host_keys_type("echo hi there\rbogus\r\x1b[A\x15" "exit\r"); /* up, Ctrl-U */
	shell_run();
	CHECK_CONTAINS(host_console_text(), "bootnet> ");
	CHECK_CONTAINS(host_console_text(), "hi there\n");
	CHECK_CONTAINS(host_console_text(), "shell: unknown command \"bogus\"");
}

TEST(shell_readline_secret_and_cancel)
{
	char *line;
	host_console_reset();
	host_keys_reset();
	host_keys_type("pw\r");
	line = shell_readline("Password: ", "", true);
	CHECK_STR(line, "pw");
	CHECK(strstr(host_console_text(), "pw") == NULL);
	free(line);
	host_keys_type("abc\x03");
	CHECK(shell_readline("> ", "", false) == NULL);
}

TEST(ctrl_b_at_start_up)
{
	host_console_reset();
	host_keys_reset();
	CHECK(!shell_requested_within(500));
	CHECK_CONTAINS(host_console_text(), "Press Ctrl-B for the bootnet command line...");
	host_keys_type("x\x02");
	CHECK(shell_requested_within(500));
}

TEST(keys_parse_and_escape_sequences)
{
	CHECK(shell_key_parse("a") == 'a');
	CHECK(shell_key_parse("0x02") == 2);
	CHECK(shell_key_parse("") == -1);
	CHECK(shell_key_parse("zz") == -1);
	host_keys_reset();
	host_keys_type("\x1b[3~\x1b[5~\x1bOA\x7f\r");
	host_keys_push(0x104); /* EFI scan code: left */
	CHECK(shell_key_get() == KEY_DELETE);
	CHECK(shell_key_get() == KEY_PAGE_UP);
	CHECK(shell_key_get() == KEY_UP);
	CHECK(shell_key_get() == KEY_BACKSPACE);
	CHECK(shell_key_get() == KEY_ENTER);
	CHECK(shell_key_get() == KEY_LEFT);
	CHECK(shell_key_get() == -1);
}
