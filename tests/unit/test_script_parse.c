/* The tokenizer: words, quotes, operators, comments, limits. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/script_parse.h"
#include "test.h"

static struct script_tokens t;
static const char *error;

TEST(tokenize_splits_at_any_whitespace)
{
	CHECK(script_tokenize("  echo \thello   world ", &t, &error) == 0);
	CHECK(t.count == 3);
	CHECK_STR(t.token[0].text, "echo");
	CHECK_STR(t.token[1].text, "hello");
	CHECK_STR(t.token[2].text, "world");
	script_tokens_free(&t);
}

TEST(tokenize_quotes_keep_spaces_and_raw_keeps_quotes)
{
	CHECK(script_tokenize("set x \"a  b\" c\"d e\"f", &t, &error) == 0);
	CHECK(t.count == 4);
	CHECK_STR(t.token[2].text, "a  b");
	CHECK_STR(t.token[2].raw, "\"a  b\"");
	CHECK_STR(t.token[3].text, "cd ef");
	CHECK_STR(t.token[3].raw, "c\"d e\"f");
	script_tokens_free(&t);
}

TEST(tokenize_operators_only_standing_alone)
{
	CHECK(script_tokenize("a || b && c ; d a||b \"||\"", &t, &error) == 0);
	CHECK(t.count == 9);
	CHECK(t.token[1].kind == SCRIPT_OR);
	CHECK(t.token[3].kind == SCRIPT_AND);
	CHECK(t.token[5].kind == SCRIPT_THEN);
	CHECK(t.token[7].kind == SCRIPT_WORD); /* a||b */
	CHECK(t.token[8].kind == SCRIPT_WORD); /* quoted */
	script_tokens_free(&t);
}

TEST(tokenize_comment_starts_a_word)
{
	CHECK(script_tokenize("echo a#b # the rest", &t, &error) == 0);
	CHECK(t.count == 2);
	CHECK_STR(t.token[1].text, "a#b");
	script_tokens_free(&t);
	CHECK(script_tokenize("#!ipxe", &t, &error) == 0);
	CHECK(t.count == 0);
	script_tokens_free(&t);
	CHECK(script_tokenize("echo \"# not a comment\"", &t, &error) == 0);
	CHECK(t.count == 2);
	script_tokens_free(&t);
}

TEST(tokenize_unterminated_quote_is_an_error)
{
	error = NULL;
	CHECK(script_tokenize("echo \"open", &t, &error) < 0);
	CHECK(error && strstr(error, "quote"));
	CHECK(t.storage == NULL);
}

TEST(tokenize_too_many_words_is_an_error)
{
	char *line = malloc(2 * 300 + 1);
	for (int i = 0; i < 300; i++)
		memcpy(line + 2 * i, "x ", 2);
	line[600] = '\0';
	CHECK(script_tokenize(line, &t, &error) < 0);
	CHECK(strstr(error, "too many words") != NULL);
	line[2 * SCRIPT_MAX_TOKENS] = '\0'; /* exactly the limit */
	CHECK(script_tokenize(line, &t, &error) == 0);
	CHECK(t.count == SCRIPT_MAX_TOKENS);
	script_tokens_free(&t);
	free(line);
}

TEST(tokenize_empty_and_blank_lines)
{
	CHECK(script_tokenize("", &t, &error) == 0);
	CHECK(t.count == 0);
	script_tokens_free(&t);
	CHECK(script_tokenize(" \t \r", &t, &error) == 0);
	CHECK(t.count == 0);
	script_tokens_free(&t);
}
