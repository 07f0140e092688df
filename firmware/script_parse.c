/* The script tokenizer (see script_parse.h). */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "script_parse.h"

static enum script_token_kind kind_of(const char *raw)
{
	if (strcmp(raw, "&&") == 0)
		return SCRIPT_AND;
	if (strcmp(raw, "||") == 0)
		return SCRIPT_OR;
	if (strcmp(raw, ";") == 0)
		return SCRIPT_THEN;
	return SCRIPT_WORD;
}

int script_tokenize(const char *line, struct script_tokens *t, const char **error)
{
	size_t len = strlen(line);
	/* Each word is stored twice (raw and unquoted), each with its NUL;
	 * words are at least one character apart, so 3 bytes a character do. */
	char *out = malloc(3 * len + 2);
	const char *p = line;

	t->count = 0;
	t->storage = out;
	if (!out) {
		*error = "out of memory";
		return -1;
	}
	for (;;) {
		char *raw, *text;
		size_t n = 0;
		bool quoted = false;

		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break; /* end of line, or a comment */
		if (t->count == SCRIPT_MAX_TOKENS) {
			*error = "too many words on one line (at most 256)";
			goto fail;
		}
		raw = out;
		while (*p && (quoted || !isspace((unsigned char)*p))) {
			if (*p == '"')
				quoted = !quoted;
			raw[n++] = *p++;
		}
		if (quoted) {
			*error = "a double quote (\") is not closed";
			goto fail;
		}
		raw[n] = '\0';
		text = raw + n + 1;
		out = text;
		for (size_t i = 0; i < n; i++)
			if (raw[i] != '"')
				*out++ = raw[i];
		*out++ = '\0';
		/* Operators only unquoted: "||" in quotes is a word. */
		t->token[t->count].kind = strchr(raw, '"') ? SCRIPT_WORD : kind_of(raw);
		t->token[t->count].raw = raw;
		t->token[t->count].text = text;
		t->count++;
	}
	return 0;
fail:
	script_tokens_free(t);
	return -1;
}

void script_tokens_free(struct script_tokens *t)
{
	free(t->storage);
	t->storage = NULL;
	t->count = 0;
}
