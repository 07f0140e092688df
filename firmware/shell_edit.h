/* The line editor as a state machine: keys in, buffer and cursor out.
 * No console here, so tests drive it key by key. */
#ifndef SHELL_EDIT_H
#define SHELL_EDIT_H

#include <stddef.h>

#define SHELL_LINE_MAX 1024
#define SHELL_HISTORY_MAX 16

struct shell_history {
	char *lines[SHELL_HISTORY_MAX]; /* oldest first (heap) */
	int count;
};

struct line_edit {
	char buf[SHELL_LINE_MAX];
	size_t len, cursor;
	struct shell_history *history; /* may be NULL */
	int browsing;                  /* history lines back from the newest; 0: the draft */
	char draft[SHELL_LINE_MAX];    /* the line being typed, kept while browsing */
};

enum shell_edit_result { SHELL_EDIT_MORE, SHELL_EDIT_DONE, SHELL_EDIT_CANCEL };

void shell_edit_start(struct line_edit *e, const char *initial, struct shell_history *history);
/* Applies one key (shell_keys.h codes). */
enum shell_edit_result shell_edit_key(struct line_edit *e, int key);
/* Remembers line (not empty ones, not a repeat of the last). */
void shell_history_add(struct shell_history *h, const char *line);

#endif
