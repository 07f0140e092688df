/* The command line an executed image receives: the arguments as written
 * (with the program name first for EFI programs, without it for Linux),
 * and its conversion to the UCS-2 of EFI load options: quotes, non-ASCII,
 * characters UCS-2 cannot hold, malformed UTF-8, a short buffer. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/image_cmdline.h"
#include "test.h"

TEST(cmdline_text_with_and_without_the_program_name)
{
	struct image *img = image_new("http://s/vmlinuz");
	char *text;
	image_set_cmdline(img, "console=ttyS0 marker=\"two words\"");
	text = image_cmdline_text(img, false);
	CHECK_STR(text, "console=ttyS0 marker=\"two words\"");
	free(text);
	text = image_cmdline_text(img, true);
	CHECK_STR(text, "vmlinuz console=ttyS0 marker=\"two words\"");
	free(text);
	image_set_cmdline(img, NULL);
	text = image_cmdline_text(img, true);
	CHECK_STR(text, "vmlinuz");
	free(text);
	text = image_cmdline_text(img, false);
	CHECK_STR(text, "");
	free(text);
	image_free(img);
}

TEST(ucs2_keeps_quotes_and_converts_non_ascii)
{
	uint16_t out[64];
	/* "a=\"b c\" é € 😀": 2-, 3- and 4-byte UTF-8. */
	const char *text = "a=\"b c\" \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
	static const uint16_t want[] = { 'a', '=', '"', 'b', ' ', 'c', '"', ' ', 0xe9, ' ',
					 0x20ac, ' ', 0xfffd, 0 };
	size_t n = utf8_to_ucs2(text, out, 64);
	CHECK(n == 13);
	CHECK(memcmp(out, want, sizeof(want)) == 0);
	CHECK(utf8_to_ucs2(text, NULL, 0) == 13);
}

TEST(ucs2_malformed_utf8_becomes_replacement_characters)
{
	uint16_t out[16];
	/* A lone continuation byte, a cut sequence, an overlong "/", a surrogate. */
	CHECK(utf8_to_ucs2("\x80x", out, 16) == 2 && out[0] == 0xfffd && out[1] == 'x');
	CHECK(utf8_to_ucs2("\xe2\x82y", out, 16) == 2 && out[0] == 0xfffd && out[1] == 'y');
	CHECK(utf8_to_ucs2("\xc0\xaf", out, 16) == 1 && out[0] == 0xfffd);
	CHECK(utf8_to_ucs2("\xed\xa0\x80", out, 16) == 1 && out[0] == 0xfffd);
	CHECK(utf8_to_ucs2("\xe2", out, 16) == 1 && out[0] == 0xfffd && out[1] == 0);
}

TEST(ucs2_short_buffer_is_cut_and_terminated)
{
	uint16_t out[4] = { 1, 1, 1, 1 };
	CHECK(utf8_to_ucs2("abcdef", out, 4) == 6);
	CHECK(out[0] == 'a' && out[2] == 'c' && out[3] == 0);
}
