/* Menus as iPXE scripts build them: `menu` makes one (named, or the
 * default unnamed one), `item` adds entries, `choose` shows it and
 * stores the label picked. */
#ifndef MENU_H
#define MENU_H

#include <stdbool.h>

struct menu_item {
	char *label;     /* what `choose` stores; NULL for a gap */
	char *text;      /* what is shown */
	int key;         /* shortcut key, 0 for none */
	bool is_default;
	struct menu_item *next;
};

struct menu {
	char *name;      /* "" for the default menu */
	char *title;
	struct menu_item *items;
	struct menu *next;
};

/* A new empty menu called name ("" or NULL: the default), replacing one of
 * that name; NULL when out of memory. */
struct menu *menu_create(const char *name, const char *title);
struct menu *menu_find(const char *name);
void menu_destroy(struct menu *m);
/* Appends an item (label NULL: a gap, which cannot be chosen). 0 or -1. */
int menu_add_item(struct menu *m, const char *label, const char *text, int key, bool is_default);
/* The item labelled label, or NULL. */
struct menu_item *menu_item_find(struct menu *m, const char *label);

/* Shows m, preselecting start (or the first choosable item), and lets the
 * user choose: arrows, Page Up/Down, Home/End, Enter, an item's key.
 * After timeout_ms without a key (0: never) start is chosen. The chosen
 * item, or NULL when Escape or Ctrl-C cancelled (or nothing can be chosen). */
struct menu_item *menu_choose(struct menu *m, struct menu_item *start, unsigned long timeout_ms);

#endif
