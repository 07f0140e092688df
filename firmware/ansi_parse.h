/* ANSI (ECMA-48) escape sequences picked out of a text stream, for
 * consoles that cannot show them (EFI ConOut prints ESC as '?'). The
 * parser eats one byte at a time and keeps its state between calls, so a
 * sequence split across two writes is still recognised. It knows what
 * bootnet itself emits: cursor position, clear screen, clear to end of
 * line, reverse video and cursor visibility; other sequences are eaten
 * and reported as nothing. */
#ifndef ANSI_PARSE_H
#define ANSI_PARSE_H

#include <stdbool.h>

#define ANSI_MAX_PARAMS 8

enum ansi_kind {
	ANSI_NONE,         /* inside a sequence, or one not understood: nothing to do */
	ANSI_TEXT,         /* the byte is ordinary text: print it */
	ANSI_CURSOR,       /* ESC[r;cH: move to row, col (0-based here) */
	ANSI_CLEAR,        /* ESC[2J: clear the screen */
	ANSI_CLEAR_EOL,    /* ESC[K: clear from the cursor to the end of its line */
	ANSI_ATTR,         /* ESC[...m: reverse tells the new video mode */
	ANSI_CURSOR_SHOW,  /* ESC[?25h */
	ANSI_CURSOR_HIDE,  /* ESC[?25l */
};

struct ansi_event {
	enum ansi_kind kind;
	unsigned row, col; /* ANSI_CURSOR */
	bool reverse;      /* ANSI_ATTR */
};

struct ansi_parser {
	int state;
	bool private_marker;   /* '?' opened the parameters */
	bool bad;              /* bytes that make the sequence one we do not act on */
	unsigned count;        /* parameters seen so far */
	unsigned params[ANSI_MAX_PARAMS];
	bool reverse;          /* the video mode so far: SGR 7 until SGR 0 or 27 */
};

/* A parser in its initial state (normal video, outside any sequence). */
void ansi_init(struct ansi_parser *p);

/* Feeds byte c; fills *ev and returns its kind. */
enum ansi_kind ansi_feed(struct ansi_parser *p, unsigned char c, struct ansi_event *ev);

#endif
