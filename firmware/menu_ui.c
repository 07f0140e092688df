/* Drawing a menu and choosing from it, with ANSI escape sequences (cursor
 * position, reverse video), which serial terminals understand and the
 * platform console translates. Only the rows that change are redrawn, so
 * a slow serial line keeps up. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "menu.h"
#include "platform.h"
#include "shell_keys.h"

#define SCREEN_WIDTH 80
#define FIRST_ROW 3      /* rows 1-2: title and a blank line */
#define VISIBLE_ROWS 18  /* items shown at once; more scroll */
#define POLL_US 10000

struct view {
	struct menu *menu;
	struct menu_item **items;
	int count, selected, top;
};

static void draw_item(const struct view *v, int index, long countdown)
{
	const struct menu_item *item = v->items[index];
	int width = SCREEN_WIDTH - 2, used;
	char suffix[16] = "";
	bool selected = index == v->selected;
	if (selected && countdown >= 0)
		used = snprintf(suffix, sizeof(suffix), " (%ld)", countdown);
	else
		used = 0;
	console_printf("\x1b[%d;1H%s %-*.*s%s\x1b[0m", FIRST_ROW + index - v->top,
		       selected ? "\x1b[7m" : "", width - used, width - used, item->text, suffix);
}

static void draw_all(const struct view *v, long countdown)
{
	size_t title_len = strlen(v->menu->title);
	int pad = title_len < SCREEN_WIDTH ? (int)(SCREEN_WIDTH - title_len) / 2 : 0;
	console_printf("\x1b[2J\x1b[1;1H%*s%.*s\n", pad, "", SCREEN_WIDTH, v->menu->title);
	for (int i = v->top; i < v->count && i < v->top + VISIBLE_ROWS; i++)
		draw_item(v, i, countdown);
	/* Park the cursor under the menu. */
	console_printf("\x1b[%d;1H", FIRST_ROW + VISIBLE_ROWS + 1);
}

static bool choosable(const struct view *v, int i)
{
	return i >= 0 && i < v->count && v->items[i]->label;
}

/* The choosable item nearest to want, looking in direction step first. */
static int nearest(const struct view *v, int want, int step)
{
	if (want < 0)
		want = 0;
	if (want >= v->count)
		want = v->count - 1;
	for (int i = want; i >= 0 && i < v->count; i += step)
		if (choosable(v, i))
			return i;
	for (int i = want; i >= 0 && i < v->count; i -= step)
		if (choosable(v, i))
			return i;
	return -1;
}

/* Moves the selection; redraws what changed. */
static void select_item(struct view *v, int to, long countdown)
{
	int old = v->selected, old_top = v->top;
	if (to < 0 || to == old)
		return;
	v->selected = to;
	if (to < v->top)
		v->top = to;
	if (to >= v->top + VISIBLE_ROWS)
		v->top = to - VISIBLE_ROWS + 1;
	if (v->top != old_top) {
		draw_all(v, countdown);
		return;
	}
	draw_item(v, old, countdown);
	draw_item(v, to, countdown);
	console_printf("\x1b[%d;1H", FIRST_ROW + VISIBLE_ROWS + 1);
}

static int shortcut(const struct view *v, int key)
{
	for (int i = 0; i < v->count; i++) {
		int k = v->items[i]->key;
		if (v->items[i]->label && k &&
		    (k == key || (k < 0x80 && key < 0x80 && tolower(k) == tolower(key))))
			return i;
	}
	return -1;
}

/* The key loop: the chosen index, or -1 when cancelled. */
static int run(struct view *v, unsigned long timeout_ms)
{
	uint64_t start = platform_now_ms();
	long shown = timeout_ms ? (long)((timeout_ms + 999) / 1000) : -1;
	draw_all(v, shown);
	for (;;) {
		int key = shell_key_get();
		if (key < 0) {
			if (timeout_ms) {
				uint64_t waited = platform_now_ms() - start;
				long left;
				if (waited >= timeout_ms)
					return v->selected;
				left = (long)((timeout_ms - waited + 999) / 1000);
				if (left != shown) {
					shown = left;
					draw_item(v, v->selected, shown);
				}
			}
			platform_delay_us(POLL_US);
			continue;
		}
		if (timeout_ms) {
			/* Any key stops the countdown: the user is here now. */
			timeout_ms = 0;
			shown = -1;
			draw_item(v, v->selected, shown);
		}
		switch (key) {
		case KEY_ENTER:
			return v->selected;
		case KEY_ESC:
		case KEY_CTRL_C:
			return -1;
		case KEY_UP:
			select_item(v, nearest(v, v->selected - 1, -1), shown);
			break;
		case KEY_DOWN:
			select_item(v, nearest(v, v->selected + 1, 1), shown);
			break;
		case KEY_PAGE_UP:
			select_item(v, nearest(v, v->selected - VISIBLE_ROWS, -1), shown);
			break;
		case KEY_PAGE_DOWN:
			select_item(v, nearest(v, v->selected + VISIBLE_ROWS, 1), shown);
			break;
		case KEY_HOME:
			select_item(v, nearest(v, 0, 1), shown);
			break;
		case KEY_END:
			select_item(v, nearest(v, v->count - 1, -1), shown);
			break;
		default: {
			int i = shortcut(v, key);
			if (i >= 0) {
				select_item(v, i, shown);
				return i;
			}
		}
		}
	}
}

struct menu_item *menu_choose(struct menu *m, struct menu_item *start, unsigned long timeout_ms)
{
	struct view v = { m, NULL, 0, 0, 0 };
	struct menu_item *chosen = NULL;
	int index;
	for (struct menu_item *item = m->items; item; item = item->next)
		v.count++;
	if (!v.count)
		return NULL;
	v.items = calloc((size_t)v.count, sizeof(*v.items));
	if (!v.items)
		return NULL;
	v.count = 0;
	for (struct menu_item *item = m->items; item; item = item->next) {
		if (item == start && item->label)
			v.selected = v.count;
		v.items[v.count++] = item;
	}
	if (!start || !start->label)
		v.selected = nearest(&v, 0, 1);
	if (v.selected >= 0) {
		if (v.selected >= VISIBLE_ROWS)
			v.top = v.selected - VISIBLE_ROWS + 1;
		index = run(&v, timeout_ms);
		if (index >= 0)
			chosen = v.items[index];
		/* Leave a clean screen for what runs next. */
		console_puts("\x1b[0m\x1b[2J\x1b[1;1H");
	}
	free(v.items);
	return chosen;
}
