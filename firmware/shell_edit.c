/* The line editor (see shell_edit.h). */
#include <stdlib.h>
#include <string.h>
#include "shell_edit.h"
#include "shell_keys.h"

static void load(struct line_edit *e, const char *text)
{
	size_t n = strlen(text);
	if (n >= SHELL_LINE_MAX)
		n = SHELL_LINE_MAX - 1;
	memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = e->cursor = n;
}

void shell_edit_start(struct line_edit *e, const char *initial, struct shell_history *history)
{
	e->history = history;
	e->browsing = 0;
	e->draft[0] = '\0';
	load(e, initial);
}

static void insert(struct line_edit *e, char c)
{
	if (e->len + 1 >= SHELL_LINE_MAX)
		return;
	memmove(e->buf + e->cursor + 1, e->buf + e->cursor, e->len - e->cursor + 1);
	e->buf[e->cursor++] = c;
	e->len++;
}

static void delete_at(struct line_edit *e, size_t at)
{
	if (at >= e->len)
		return;
	memmove(e->buf + at, e->buf + at + 1, e->len - at);
	e->len--;
}

/* Moves through history: back > 0 older, < 0 newer. */
static void browse(struct line_edit *e, int back)
{
	int to = e->browsing + back;
	if (!e->history || to < 0 || to > e->history->count)
		return;
	if (e->browsing == 0)
		memcpy(e->draft, e->buf, e->len + 1);
	e->browsing = to;
	load(e, to == 0 ? e->draft : e->history->lines[e->history->count - to]);
}

enum shell_edit_result shell_edit_key(struct line_edit *e, int key)
{
	switch (key) {
	case KEY_ENTER:
		return SHELL_EDIT_DONE;
	case KEY_CTRL_C:
	case KEY_ESC:
		return SHELL_EDIT_CANCEL;
	case KEY_LEFT:
		if (e->cursor)
			e->cursor--;
		break;
	case KEY_RIGHT:
		if (e->cursor < e->len)
			e->cursor++;
		break;
	case KEY_HOME:
	case KEY_CTRL_A:
		e->cursor = 0;
		break;
	case KEY_END:
	case KEY_CTRL_E:
		e->cursor = e->len;
		break;
	case KEY_BACKSPACE:
		if (e->cursor)
			delete_at(e, --e->cursor);
		break;
	case KEY_DELETE:
		delete_at(e, e->cursor);
		break;
	case KEY_CTRL_K:
		e->buf[e->cursor] = '\0';
		e->len = e->cursor;
		break;
	case KEY_CTRL_U:
		memmove(e->buf, e->buf + e->cursor, e->len - e->cursor + 1);
		e->len -= e->cursor;
		e->cursor = 0;
		break;
	case KEY_UP:
		browse(e, 1);
		break;
	case KEY_DOWN:
		browse(e, -1);
		break;
	default:
		if (key >= 0x20 && key < 0x7f)
			insert(e, (char)key);
		break;
	}
	return SHELL_EDIT_MORE;
}

void shell_history_add(struct shell_history *h, const char *line)
{
	char *copy;
	if (!*line || (h->count && strcmp(h->lines[h->count - 1], line) == 0))
		return;
	copy = strdup(line);
	if (!copy)
		return;
	if (h->count == SHELL_HISTORY_MAX) {
		free(h->lines[0]);
		memmove(h->lines, h->lines + 1, sizeof(h->lines[0]) * (SHELL_HISTORY_MAX - 1));
		h->count--;
	}
	h->lines[h->count++] = copy;
}
