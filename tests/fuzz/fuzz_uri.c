/* libFuzzer target for net/uri.c: parses the input, formats it back and
 * checks the text parses to the same components, resolves it against a
 * fixed base, against itself and (split at the first newline) one half
 * against the other, and percent-decodes it whole and into a small buffer.
 * Everything is freed, so ASan reports any leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../net/uri.h"

#define FIXED_BASE "http://a/b/c/d;p?q"

/* Two components are the same if both are absent or both equal text. */
static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Checks that two parses found the same components. */
static void check_same(const struct uri *a, const struct uri *b)
{
	if (!same(a->scheme, b->scheme) || !same(a->opaque, b->opaque) ||
	    !same(a->user, b->user) || !same(a->password, b->password) ||
	    !same(a->host, b->host) || !same(a->port, b->port) || !same(a->path, b->path) ||
	    !same(a->query, b->query) || !same(a->fragment, b->fragment))
		abort();
}

/* Parses text, formats it, and checks the formatted text parses the same. */
static void fuzz_parse_format(const char *text)
{
	struct uri u, again;
	int err = uri_parse(text, &u);

	if (!uri_strerror(err))
		abort();
	if (err) {
		if (u.buf)
			abort();
		return;
	}
	char *formatted = uri_format(&u);
	if (formatted) {
		if (uri_parse(formatted, &again) == URI_OK) {
			check_same(&u, &again);
			uri_free(&again);
		} else if (*formatted) {
			abort();
		}
		(void)uri_port(&u, 80);
		free(formatted);
	}
	uri_free(&u);
}

/* Resolves an absolute target once more, which removes the dot segments an
 * empty reference keeps from its base (RFC 3986 5.2.2); from then on the
 * target must resolve to itself. */
static void check_stable(const char *target)
{
	char *once = uri_resolve(FIXED_BASE, target);
	char *twice = once ? uri_resolve(FIXED_BASE, once) : NULL;

	if (!once || !twice || strcmp(once, twice) != 0)
		abort();
	free(once);
	free(twice);
}

/* Resolves relative against base; the result must parse, and be stable if
 * absolute. */
static void fuzz_resolve(const char *base, const char *relative)
{
	char *target = uri_resolve(base, relative);
	struct uri t;

	if (!target)
		return;
	if (uri_parse(target, &t) == URI_OK) {
		if (t.scheme)
			check_stable(target);
		uri_free(&t);
	} else if (*target && strlen(target) <= URI_MAX_LEN) {
		abort();
	}
	free(target);
}

/* Decodes text whole and into a small buffer; both must agree. */
static void fuzz_decode(const char *text, size_t len)
{
	char *out = malloc(len + 1);
	char small[8];

	if (!out)
		return;
	size_t whole = uri_decode(text, out, len + 1);
	size_t part = uri_decode(text, small, sizeof(small));
	if (whole != part || whole > len)
		abort();
	if (memcmp(out, small, whole < sizeof(small) ? whole : sizeof(small) - 1) != 0)
		abort();
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	fuzz_parse_format(text);
	fuzz_resolve(FIXED_BASE, text);
	fuzz_resolve(text, text);
	fuzz_decode(text, strlen(text));

	char *newline = strchr(text, '\n');
	if (newline) {
		*newline = '\0';
		fuzz_resolve(text, newline + 1);
	}
	free(text);
	return 0;
}
