/* ANSI escape parsing: what the menus emit, split writes, and sequences
 * that must vanish rather than print. */
#include <stdio.h>
#include <string.h>
#include "../../firmware/ansi_parse.h"
#include "test.h"

static char out[512];

/* Feeds text to p and writes what a console would do into out: text as
 * is, actions as <tags>. Appends, so several feeds make one transcript. */
static void feed(struct ansi_parser *p, const char *text)
{
	size_t used = strlen(out);
	for (; *text; text++) {
		struct ansi_event ev;
		char tag[32] = "";
		switch (ansi_feed(p, (unsigned char)*text, &ev)) {
		case ANSI_NONE: break;
		case ANSI_TEXT: tag[0] = *text; tag[1] = 0; break;
		case ANSI_CURSOR: snprintf(tag, sizeof(tag), "<at %u,%u>", ev.row, ev.col); break;
		case ANSI_CLEAR: strcpy(tag, "<cls>"); break;
		case ANSI_CLEAR_EOL: strcpy(tag, "<eol>"); break;
		case ANSI_ATTR: strcpy(tag, ev.reverse ? "<rev>" : "<norm>"); break;
		case ANSI_CURSOR_SHOW: strcpy(tag, "<show>"); break;
		case ANSI_CURSOR_HIDE: strcpy(tag, "<hide>"); break;
		}
		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s", tag);
	}
}

static const char *parse(const char *text)
{
	struct ansi_parser p;
	ansi_init(&p);
	out[0] = 0;
	feed(&p, text);
	return out;
}

TEST(ansi_plain_text_passes)
{
	CHECK_STR(parse("hello\r\n[1;2H] ?[ 100%"), "hello\r\n[1;2H] ?[ 100%");
	CHECK_STR(parse("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(ansi_menu_sequences)
{
	/* Exactly what firmware/menu_ui.c writes. */
	CHECK_STR(parse("\x1b[2J\x1b[1;1H  Title\n"), "<cls><at 0,0>  Title\n");
	CHECK_STR(parse("\x1b[5;1H\x1b[7m item\x1b[0m"), "<at 4,0><rev> item<norm>");
	CHECK_STR(parse("\x1b[22;1H"), "<at 21,0>");
	CHECK_STR(parse("\x1b[0m\x1b[2J\x1b[1;1H"), "<norm><cls><at 0,0>");
}

TEST(ansi_defaults_and_variants)
{
	CHECK_STR(parse("\x1b[H\x1b[;7H\x1b[3H\x1b[0;0f"), "<at 0,0><at 0,6><at 2,0><at 0,0>");
	CHECK_STR(parse("\x1b[K\x1b[0K"), "<eol><eol>");
	CHECK_STR(parse("\x1b[m\x1b[7m\x1b[27m"), "<norm><rev><norm>");
	CHECK_STR(parse("\x1b[0;7m\x1b[7;0m\x1b[1;7;34m"), "<rev><norm><rev>");
	CHECK_STR(parse("\x1b[?25l\x1b[?25h"), "<hide><show>");
	/* Colours change nothing we track, but keep the mode. */
	CHECK_STR(parse("\x1b[7m\x1b[31m"), "<rev><rev>");
	/* Huge numbers saturate instead of overflowing. */
	CHECK_STR(parse("\x1b[99999999999999999999;1H"), "<at 9998,0>");
}

TEST(ansi_split_across_writes)
{
	struct ansi_parser p;
	const char *whole = "a\x1b[12;34Hb\x1b[7mc\x1b[?25ld";
	char want[128];
	strcpy(want, parse(whole));
	CHECK_STR(want, "a<at 11,33>b<rev>c<hide>d");
	/* Every split point, including inside ESC [ and the numbers. */
	for (size_t cut = 0; cut <= strlen(whole); cut++) {
		char first[64];
		memcpy(first, whole, cut);
		first[cut] = 0;
		ansi_init(&p);
		out[0] = 0;
		feed(&p, first);
		feed(&p, whole + cut);
		CHECK_STR(out, want);
	}
}

TEST(ansi_unknown_sequences_vanish)
{
	CHECK_STR(parse("a\x1b[6nb"), "ab");            /* device status report */
	CHECK_STR(parse("a\x1b[1Jb\x1b[2Kc"), "abc");   /* other erase modes */
	CHECK_STR(parse("a\x1b(Bb\x1b" "7c"), "abc");   /* charset, save cursor */
	CHECK_STR(parse("a\x1b[?1049hb"), "ab");        /* other private modes */
	CHECK_STR(parse("a\x1b[>0cb"), "ab");
	CHECK_STR(parse("a\x1b[1 qb"), "ab");           /* intermediates */
	CHECK_STR(parse("a\x1b[1;2;3;4;5;6;7;8;9Hb"), "ab"); /* too many parameters */
	CHECK_STR(parse("a\x1b[38:5:1mb"), "ab");
	/* ESC inside a sequence starts a new one. */
	CHECK_STR(parse("a\x1b[1\x1b[2Jb"), "a<cls>b");
	CHECK_STR(parse("a\x1b\x1b[Kb"), "a<eol>b");
}

TEST(ansi_cut_short_keeps_text)
{
	/* A newline or a non-ASCII byte ends an unfinished sequence; the
	 * byte itself still prints, and the next sequence works. */
	CHECK_STR(parse("a\x1b[12\nb\x1b[Hc"), "a\nb<at 0,0>c");
	CHECK_STR(parse("\x1b\xc3\xa9"), "\xc3\xa9");
	CHECK_STR(parse("trailing\x1b["), "trailing");
}
