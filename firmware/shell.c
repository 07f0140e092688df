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

/* Redraws prompt and line, blanking what a longer line left behind. */
static void render(const char *prompt, const struct line_edit *e, size_t *drawn, bool secret)
{
	console_printf("\r%s", prompt);
	put_text(e->buf, e->len, secret);
	for (size_t i = e->len; i < *drawn; i++)
		console_puts(" ");
	console_printf("\r%s", prompt);
	put_text(e->buf, e->cursor, secret);
	*drawn = e->len;
}

char *shell_readline(const char *prompt, const char *initial, bool secret)
{
	struct line_edit *e = malloc(sizeof(*e));
	size_t drawn = 0;
	char *line = NULL;
	if (!e)
		return NULL;
	shell_edit_start(e, initial, secret ? NULL : &history);
	render(prompt, e, &drawn, secret);
	for (;;) {
		enum shell_edit_result r = shell_edit_key(e, shell_key_wait(0));
		if (r == SHELL_EDIT_DONE) {
			line = strdup(e->buf);
			break;
		}
		if (r == SHELL_EDIT_CANCEL)
			break;
		render(prompt, e, &drawn, secret);
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
