/* Menus driven by scripted keys: navigation, gaps, shortcuts, default and
 * timeout, cancel, --keep, and what choose stores. */
#include <stdio.h>
#include <string.h>
#include "../../firmware/menu.h"
#include "../../firmware/settings.h"
#include "platform_host.h"
#include "test.h"
#include "test_script.h"

static const char *menu_script =
	"#!ipxe\n"
	"menu Boot menu\n"
	"item --gap -- ---- Systems ----\n"
	"item linux Boot Linux\n"
	"item --key w win Boot Windows\n"
	"item --gap\n"
	"item shell Shell\n"
	"item exit Exit\n";

static char script[1024];

/* The menu script, then choose with args, then echo the choice. */
static int choose(const char *args, const char *keys)
{
	snprintf(script, sizeof(script), "%schoose %s target && echo CHOSE ${target}\n",
		 menu_script, args);
	host_console_reset();
	settings_reset();
	host_keys_reset();
	host_keys_type(keys);
	return script_run_text_for_test(script);
}

TEST(menu_enter_takes_the_first_choosable_item)
{
	CHECK(choose("", "\r") == 0);
	CHECK_CONTAINS(host_console_text(), "CHOSE linux");
	CHECK_CONTAINS(host_console_text(), "Boot menu");
	CHECK_CONTAINS(host_console_text(), "\x1b[7m"); /* the selection is highlighted */
}

TEST(menu_arrows_skip_gaps_and_stop_at_the_ends)
{
	CHECK(choose("", "\x1b[B\x1b[B\r") == 0); /* down, down (over the gap) */
	CHECK_CONTAINS(host_console_text(), "CHOSE shell");
	CHECK(choose("", "\x1b[A\x1b[A\x1b[A\r") == 0); /* up past the top */
	CHECK_CONTAINS(host_console_text(), "CHOSE linux");
	CHECK(choose("", "\x1b[F\r") == 0); /* End */
	CHECK_CONTAINS(host_console_text(), "CHOSE exit");
}

TEST(menu_shortcut_key_chooses_at_once)
{
	CHECK(choose("", "w") == 0);
	CHECK_CONTAINS(host_console_text(), "CHOSE win");
	CHECK(choose("", "W") == 0);
	CHECK_CONTAINS(host_console_text(), "CHOSE win");
}

TEST(menu_timeout_chooses_the_default)
{
	host_time_set_ms(0);
	CHECK(choose("--default shell --timeout 3000", "") == 0);
	CHECK_CONTAINS(host_console_text(), "CHOSE shell");
	CHECK_CONTAINS(host_console_text(), "(3)"); /* the countdown */
	CHECK_CONTAINS(host_console_text(), "(1)");
}

TEST(menu_a_key_stops_the_countdown)
{
	/* Down then nothing: without a timeout any more, it would wait for
	 * ever, so the test types Enter after moving. */
	CHECK(choose("--default linux --timeout 1000", "\x1b[B\r") == 0);
	CHECK_CONTAINS(host_console_text(), "CHOSE win");
}

TEST(menu_escape_cancels_and_choose_fails)
{
	CHECK(choose("", "\x1b") != 0);
	/* Silent, as in iPXE: only the script says it stopped there. */
	CHECK(strstr(host_console_text(), "choose:") == NULL);
	CHECK_CONTAINS(host_console_text(), "\"choose\" failed");
	CHECK(strstr(host_console_text(), "CHOSE") == NULL);
	CHECK(choose("", "\x03") != 0);
}

TEST(menu_is_deleted_unless_kept)
{
	CHECK(choose("", "\r") == 0);
	CHECK(menu_find(NULL) == NULL);
	CHECK(choose("--keep", "\r") == 0);
	CHECK(menu_find(NULL) != NULL);
	menu_destroy(menu_find(NULL));
}

TEST(menu_item_default_and_errors)
{
	host_console_reset();
	host_keys_reset();
	host_keys_type("\r");
	CHECK(script_run_text_for_test("#!ipxe\nmenu\nitem a A\nitem --default b B\n"
				       "choose x && echo got ${x}\n") == 0);
	CHECK_CONTAINS(host_console_text(), "got b");
	CHECK(script_run_text_for_test("#!ipxe\nitem --menu nosuch a A\n") != 0);
	CHECK_CONTAINS(host_console_text(), "no menu called \"nosuch\"");
	CHECK(script_run_text_for_test("#!ipxe\nchoose\n") != 0);
	CHECK_CONTAINS(host_console_text(), "usage: choose");
	CHECK(script_run_text_for_test("#!ipxe\nmenu\nitem --gap only text\nchoose x\n") != 0);
}

TEST(menu_named_menus_and_typed_choice)
{
	host_console_reset();
	settings_reset();
	host_keys_reset();
	host_keys_type("\r");
	CHECK(script_run_text_for_test("#!ipxe\nmenu --name dns DNS\n"
				       "item --menu dns 8.8.8.8 Google\n"
				       "choose --menu dns dns:ipv4\nshow dns\n") == 0);
	CHECK_CONTAINS(host_console_text(), "dns:ipv4 = 8.8.8.8");
}

TEST(menu_long_menus_scroll)
{
	static char text[8192];
	size_t n = (size_t)snprintf(text, sizeof(text), "#!ipxe\nmenu Long\n");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "item i%d Item %d\n", i, i);
	snprintf(text + n, sizeof(text) - n, "choose x && echo got ${x}\n");
	host_console_reset();
	host_keys_reset();
	for (int i = 0; i < 30; i++)
		host_keys_type("\x1b[B");
	host_keys_type("\r");
	CHECK(script_run_text_for_test(text) == 0);
	CHECK_CONTAINS(host_console_text(), "got i30");
	CHECK_CONTAINS(host_console_text(), "Item 30");
}
