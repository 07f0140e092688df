/* Menu commands: menu, item, choose. */
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "console.h"
#include "menu.h"
#include "options.h"
#include "settings.h"
#include "shell_keys.h"

static int cmd_menu(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "name", 'n', true }, { "delete", 'd', false } };
	const char *values[2];
	int first = options_parse(argc, argv, specs, 2, values);
	char *title;
	if (first < 0)
		return 1;
	if (values[1]) {
		struct menu *m = menu_find(values[0]);
		if (!m) {
			console_printf("menu: no menu called \"%s\"\n", values[0] ? values[0] : "");
			return 1;
		}
		menu_destroy(m);
		return 0;
	}
	title = options_join(argc, argv, first);
	if (!title || !menu_create(values[0], title)) {
		free(title);
		console_puts("menu: out of memory\n");
		return 1;
	}
	free(title);
	return 0;
}

static int cmd_item(int argc, char **argv)
{
	static const struct option_spec specs[] = {
		{ "menu", 'm', true }, { "key", 'k', true }, { "default", 'd', false },
		{ "gap", 'g', false },
	};
	const char *values[4];
	int first = options_parse(argc, argv, specs, 4, values), key = 0, rc;
	struct menu *m;
	char *text;
	bool gap;
	if (first < 0)
		return 1;
	m = menu_find(values[0]);
	if (!m) {
		console_printf("item: no menu%s%s%s; make it with `menu` first\n",
			       values[0] ? " called \"" : "", values[0] ? values[0] : "",
			       values[0] ? "\"" : "");
		return 1;
	}
	if (values[1] && (key = shell_key_parse(values[1])) < 0) {
		console_printf("item: \"%s\" is not a key\n", values[1]);
		return 1;
	}
	/* No label, or --gap: a line of text that cannot be chosen. */
	gap = values[3] || first == argc;
	text = options_join(argc, argv, gap ? first : first + 1);
	if (!text) {
		console_puts("item: out of memory\n");
		return 1;
	}
	rc = menu_add_item(m, gap ? NULL : argv[first], text, key, values[2] != NULL);
	free(text);
	if (rc < 0) {
		console_puts("item: out of memory\n");
		return 1;
	}
	return 0;
}

static int cmd_choose(int argc, char **argv)
{
	static const struct option_spec specs[] = {
		{ "menu", 'm', true }, { "default", 'd', true }, { "timeout", 't', true },
		{ "keep", 'k', false }, { "retimeout", 'r', true },
	};
	const char *values[5];
	int first = options_parse(argc, argv, specs, 5, values), rc;
	unsigned long timeout = 0;
	struct menu_item *start = NULL, *chosen;
	struct menu *m;
	char *end;
	if (first < 0)
		return 1;
	if (first != argc - 1) {
		console_puts("choose: usage: choose [--menu <menu>] [--default <label>] "
			     "[--timeout <ms>] [--keep] <setting>\n");
		return 1;
	}
	if (values[2]) {
		timeout = strtoul(values[2], &end, 10);
		if (!*values[2] || *end) {
			console_printf("choose: timeout \"%s\" is not a number of milliseconds\n",
				       values[2]);
			return 1;
		}
	}
	m = menu_find(values[0]);
	if (!m) {
		console_printf("choose: no menu%s%s%s; make it with `menu` first\n",
			       values[0] ? " called \"" : "", values[0] ? values[0] : "",
			       values[0] ? "\"" : "");
		return 1;
	}
	/* --default wins over `item --default`. */
	if (values[1] && *values[1])
		start = menu_item_find(m, values[1]);
	for (struct menu_item *item = m->items; !start && item; item = item->next)
		if (item->is_default && item->label)
			start = item;
	chosen = menu_choose(m, start, timeout);
	rc = 1;
	if (chosen) {
		int err = settings_set(argv[first], chosen->label);
		if (err < 0)
			console_printf("choose: cannot set \"%s\": %s\n", argv[first],
				       settings_strerror(err));
		else
			rc = 0;
	} /* Escape: a silent failure, as in iPXE (`choose x || goto cancelled`). */
	if (!values[3])
		menu_destroy(m);
	return rc;
}

const struct command cmd_menu_commands[] = {
	{ "menu", cmd_menu },
	{ "item", cmd_item },
	{ "choose", cmd_choose },
	{ NULL, NULL },
};
