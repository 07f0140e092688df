/* Menus and their items (see menu.h). */
#include <stdlib.h>
#include <string.h>
#include "menu.h"

static struct menu *menus;

struct menu *menu_find(const char *name)
{
	if (!name)
		name = "";
	for (struct menu *m = menus; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

void menu_destroy(struct menu *m)
{
	struct menu **pp;
	if (!m)
		return;
	for (pp = &menus; *pp; pp = &(*pp)->next) {
		if (*pp == m) {
			*pp = m->next;
			break;
		}
	}
	while (m->items) {
		struct menu_item *item = m->items;
		m->items = item->next;
		free(item->label);
		free(item->text);
		free(item);
	}
	free(m->name);
	free(m->title);
	free(m);
}

struct menu *menu_create(const char *name, const char *title)
{
	struct menu *m = calloc(1, sizeof(*m));
	if (!name)
		name = "";
	if (!m || !(m->name = strdup(name)) || !(m->title = strdup(title ? title : ""))) {
		if (m) {
			free(m->name);
			free(m);
		}
		return NULL;
	}
	menu_destroy(menu_find(name));
	m->next = menus;
	menus = m;
	return m;
}

int menu_add_item(struct menu *m, const char *label, const char *text, int key, bool is_default)
{
	struct menu_item *item = calloc(1, sizeof(*item)), **tail;
	if (!item)
		return -1;
	item->text = strdup(text ? text : "");
	item->label = label ? strdup(label) : NULL;
	if (!item->text || (label && !item->label)) {
		free(item->text);
		free(item->label);
		free(item);
		return -1;
	}
	item->key = key;
	item->is_default = is_default;
	for (tail = &m->items; *tail; tail = &(*tail)->next)
		;
	*tail = item;
	return 0;
}

struct menu_item *menu_item_find(struct menu *m, const char *label)
{
	for (struct menu_item *item = m->items; item; item = item->next)
		if (item->label && strcmp(item->label, label) == 0)
			return item;
	return NULL;
}
