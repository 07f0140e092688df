/* Splitting one script line into words and operators, as iPXE does:
 * words end at whitespace, "||", "&&" and ";" standing alone are
 * operators, a word starting with "#" starts a comment. Double quotes
 * keep whitespace (and operators, and "#") inside one word. */
#ifndef SCRIPT_PARSE_H
#define SCRIPT_PARSE_H

#define SCRIPT_MAX_TOKENS 256

enum script_token_kind {
	SCRIPT_WORD,
	SCRIPT_AND,  /* && : run the next command if this one succeeded */
	SCRIPT_OR,   /* || : run the next command if this one failed */
	SCRIPT_THEN, /* ;  : run the next command whatever happened */
};

struct script_token {
	enum script_token_kind kind;
	char *raw;  /* as written, quotes kept (for kernel command lines) */
	char *text; /* quotes removed: what the command sees, before ${} */
};

struct script_tokens {
	int count;
	struct script_token token[SCRIPT_MAX_TOKENS];
	char *storage; /* the words' text (heap) */
};

/* Splits line into t. 0, or -1 with a reason in *error (t then holds
 * nothing to free). */
int script_tokenize(const char *line, struct script_tokens *t, const char **error);
void script_tokens_free(struct script_tokens *t);

#endif
