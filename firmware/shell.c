/* The shell and its prompt (see shell.h). Lines are redrawn with carriage
 * returns and spaces only, which every console (EFI text, serial) shows
 * the same way. */
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "platform.h"
#include "script.h"
#include "shell.h"
#include "shell_edit.h"
#include "shell_keys.h"

static struct shell_history history;

static void put_text(const char *text, size_t len, bool secret)
{
	char stars[64];
	if (!secret) {
		platform_console_write(text, len);
		return;
	}
	memset(stars, '*', sizeof(stars));
	for (size_t done = 0; done < len; done += sizeof(stars))
		platform_console_write(stars, len - done < sizeof(stars) ? len - done : sizeof(stars));
}

/* What the terminal shows of the line being edited. */
struct shown {
	size_t len;    /* characters drawn after the prompt */
	size_t cursor; /* where the cursor stands among them */
};

static void cursor_left(size_t n)
{
	static const char back[] = "\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b";
	for (; n > 16; n -= 16)
		platform_console_write(back, 16);
	platform_console_write(back, n);
}

/* Redraws the line after the prompt, blanking what a longer line left
 * behind. Backspaces, not a carriage return, bring the cursor back, so
 * text before the prompt on the same line stays (`echo -n Name: && read`). */
static void render(const struct line_edit *e, struct shown *s, bool secret)
{
	size_t end = e->len;
	cursor_left(s->cursor);
	put_text(e->buf, e->len, secret);
	for (; end < s->len; end++)
		console_puts(" ");
	cursor_left(end - e->cursor);
	s->len = e->len;
	s->cursor = e->cursor;
}

char *shell_readline(const char *prompt, const char *initial, bool secret)
{
	struct line_edit *e = malloc(sizeof(*e));
	struct shown shown = { 0, 0 };
	char *line = NULL;
	if (!e)
		return NULL;
	shell_edit_start(e, initial, secret ? NULL : &history);
	console_puts(prompt);
	render(e, &shown, secret);
	for (;;) {
		enum shell_edit_result r = shell_edit_key(e, shell_key_wait(0));
		if (r == SHELL_EDIT_DONE) {
			line = strdup(e->buf);
			break;
		}
		if (r == SHELL_EDIT_CANCEL)
			break;
		render(e, &shown, secret);
	}
	console_puts("\n");
	free(e);
	return line;
}

void shell_run(void)
{
	console_puts("bootnet command line: `help` lists the commands, `exit` leaves.\n");
	for (;;) {
		char *line = shell_readline("bootnet> ", "", false);
		if (!line)
			continue; /* Ctrl-C: a fresh prompt */
		shell_history_add(&history, line);
		script_exec_line(line);
		free(line);
		if (script_take_exit())
			break;
	}
}

bool shell_requested_within(unsigned ms)
{
	uint64_t start = platform_now_ms();
	bool requested = false;
	console_puts("Press Ctrl-B for the bootnet command line...");
	while (platform_now_ms() - start < ms) {
		int key = shell_key_get();
		if (key == KEY_CTRL_B) {
			requested = true;
			break;
		}
		platform_delay_us(10000);
	}
	/* Blank the line: what follows starts clean. */
	console_puts("\r                                             \r");
	if (requested)
		console_puts("\n");
	return requested;
}
