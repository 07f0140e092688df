/* ANSI escape sequences out of a text stream (see ansi_parse.h). The
 * grammar is ECMA-48's: ESC [ parameters intermediates final, or ESC
 * intermediates final for the short escape sequences. */
#include <string.h>
#include "ansi_parse.h"

#define ESC 0x1b
#define PARAM_LIMIT 9999 /* larger numbers saturate: no overflow, no huge cursor moves */

enum { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI };

void ansi_init(struct ansi_parser *p)
{
	memset(p, 0, sizeof(*p));
	p->state = GROUND;
}

/* Parameter i, or def when absent or 0 (ECMA-48: 0 means the default). */
static unsigned param(const struct ansi_parser *p, unsigned i, unsigned def)
{
	return i < p->count && p->params[i] ? p->params[i] : def;
}

/* SGR: only reverse video matters to us; colours and the rest are ignored. */
static enum ansi_kind select_graphic_rendition(struct ansi_parser *p, struct ansi_event *ev)
{
	if (!p->count)
		p->reverse = false;
	for (unsigned i = 0; i < p->count; i++) {
		if (p->params[i] == 0 || p->params[i] == 27)
			p->reverse = false;
		else if (p->params[i] == 7)
			p->reverse = true;
	}
	ev->reverse = p->reverse;
	return ev->kind = ANSI_ATTR;
}

/* A complete control sequence ending in final. */
static enum ansi_kind dispatch(struct ansi_parser *p, unsigned char final, struct ansi_event *ev)
{
	if (p->bad)
		return ANSI_NONE;
	if (p->private_marker) {
		if (p->count == 1 && p->params[0] == 25 && (final == 'h' || final == 'l'))
			return ev->kind = final == 'h' ? ANSI_CURSOR_SHOW : ANSI_CURSOR_HIDE;
		return ANSI_NONE;
	}
	switch (final) {
	case 'H':
	case 'f':
		ev->row = param(p, 0, 1) - 1;
		ev->col = param(p, 1, 1) - 1;
		return ev->kind = ANSI_CURSOR;
	case 'J':
		return param(p, 0, 0) == 2 ? (ev->kind = ANSI_CLEAR) : ANSI_NONE;
	case 'K':
		return param(p, 0, 0) == 0 ? (ev->kind = ANSI_CLEAR_EOL) : ANSI_NONE;
	case 'm':
		return select_graphic_rendition(p, ev);
	}
	return ANSI_NONE;
}

/* One byte of the parameters, intermediates or final of ESC [ ... */
static enum ansi_kind csi_byte(struct ansi_parser *p, unsigned char c, struct ansi_event *ev)
{
	if (c >= '0' && c <= '9') {
		if (!p->count)
			p->count = 1;
		unsigned *v = &p->params[p->count - 1];
		*v = *v * 10 + (c - '0');
		if (*v > PARAM_LIMIT)
			*v = PARAM_LIMIT;
	} else if (c == ';') {
		if (!p->count)
			p->count = 1; /* ";5H": the first parameter is empty */
		if (p->count == ANSI_MAX_PARAMS)
			p->bad = true; /* more parameters than anything we act on */
		else
			p->count++;
	} else if (c == '?' && !p->count && !p->private_marker) {
		p->private_marker = true;
	} else if (c >= 0x20 && c <= 0x3f) {
		p->bad = true; /* ':', '<', '=', '>', a late '?', intermediates */
	} else {
		p->state = GROUND; /* 0x40-0x7e: the final byte */
		return dispatch(p, c, ev);
	}
	return ANSI_NONE;
}

enum ansi_kind ansi_feed(struct ansi_parser *p, unsigned char c, struct ansi_event *ev)
{
	ev->kind = ANSI_NONE;
	if (c == ESC) {
		/* Starts a sequence, abandoning any unfinished one. */
		p->state = ESCAPE;
		return ANSI_NONE;
	}
	if (p->state == GROUND)
		return ev->kind = ANSI_TEXT;
	if (c < 0x20 || c >= 0x7f) {
		/* A control character or non-ASCII byte cannot be part of a
		 * sequence: the sequence was cut short, the byte is text. */
		p->state = GROUND;
		return ev->kind = ANSI_TEXT;
	}
	switch (p->state) {
	case ESCAPE:
		if (c == '[') {
			p->state = CSI;
			p->private_marker = p->bad = false;
			p->count = 0;
			memset(p->params, 0, sizeof(p->params));
		} else if (c <= 0x2f) {
			p->state = ESCAPE_INTERMEDIATE; /* ESC ( B and the like */
		} else {
			p->state = GROUND; /* ESC c, ESC 7...: two bytes, dropped */
		}
		return ANSI_NONE;
	case ESCAPE_INTERMEDIATE:
		if (c > 0x2f)
			p->state = GROUND;
		return ANSI_NONE;
	default:
		return csi_byte(p, c, ev);
	}
}
