/* ${...} expansion (see script_expand.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "script_expand.h"
#include "settings.h"

/* A growing string that refuses to pass SCRIPT_EXPAND_MAX_LEN. */
struct text {
	char *s;
	size_t len, cap;
	bool failed;
	bool too_long;
};

static void append(struct text *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n > SCRIPT_EXPAND_MAX_LEN) {
		t->failed = t->too_long = true;
		return;
	}
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *s2 = realloc(t->s, cap);
		if (!s2) {
			t->failed = true;
			return;
		}
		t->s = s2;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* Appends the value of the setting called name ("" when absent). */
static void append_setting(struct text *out, const char *name)
{
	int len = settings_format(name, NULL, 0);
	char *value;
	if (len <= 0)
		return;
	value = malloc((size_t)len + 1);
	if (!value) {
		out->failed = true;
		return;
	}
	settings_format(name, value, (size_t)len + 1);
	append(out, value, (size_t)len);
	free(value);
}

/* Expands from *pp into out until the end of the text, or (inside a name)
 * until the "}" that closes it, left at *pp. */
static int expand(struct text *out, const char **pp, int depth, bool in_name, const char **error)
{
	const char *p = *pp;
	while (*p && !(in_name && *p == '}')) {
		struct text name = { 0 };
		const char *q;
		if (p[0] != '$' || p[1] != '{') {
			size_t n = 1;
			/* Copy plain runs at once. */
			while (p[n] && p[n] != '$' && !(in_name && p[n] == '}'))
				n++;
			append(out, p, n);
			p += n;
			continue;
		}
		if (depth >= SCRIPT_EXPAND_MAX_DEPTH) {
			*error = "${...} nested too deeply";
			return -1;
		}
		q = p + 2;
		append(&name, "", 0);
		if (expand(&name, &q, depth + 1, true, error) < 0) {
			free(name.s);
			return -1;
		}
		if (name.failed) {
			free(name.s);
			*error = "a setting name is too long";
			return -1;
		}
		if (*q == '}') {
			append_setting(out, name.s ? name.s : "");
			p = q + 1;
		} else {
			/* No closing brace: keep the text as written. */
			append(out, "${", 2);
			append(out, name.s ? name.s : "", name.len);
			p = q;
		}
		free(name.s);
	}
	*pp = p;
	return 0;
}

char *script_expand(const char *text, const char **error)
{
	struct text out = { 0 };
	const char *p = text;
	append(&out, "", 0);
	if (expand(&out, &p, 0, false, error) < 0) {
		free(out.s);
		return NULL;
	}
	if (out.failed) {
		free(out.s);
		*error = out.too_long ? "the line is too long once ${...} are expanded"
				      : "out of memory";
		return NULL;
	}
	return out.s;
}
