/* URI parsing, percent-decoding, reference resolution and formatting, after
 * RFC 3986. Parsing finds where each component lies in the text first, then
 * copies them all into one allocation, NUL-separated, so a parsed URI is a
 * single free. Nothing is validated beyond what a boot needs to be safe: any
 * scheme is accepted, characters are kept as written, and only the port
 * (digits, at most 65535) and an IPv6 literal's brackets are checked. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "uri.h"

#define PORT_MAX 65535

/* The components, in the order struct uri holds them. */
enum component {
	C_SCHEME,
	C_OPAQUE,
	C_USER,
	C_PASSWORD,
	C_HOST,
	C_PORT,
	C_PATH,
	C_QUERY,
	C_FRAGMENT,
	C_COUNT
};

/* Where a component lies in the text being parsed; set is false if absent. */
struct span {
	size_t start;
	size_t len;
	bool set;
};

/* Records that component c is s[start, end). */
static void span_set(struct span *spans, enum component c, size_t start, size_t end)
{
	spans[c] = (struct span){ .start = start, .len = end - start, .set = true };
}

/* Index of the first ch in s[from, to), or to if there is none. */
static size_t find(const char *s, size_t from, size_t to, char ch)
{
	const char *p = memchr(s + from, ch, to - from);
	return p ? (size_t)(p - s) : to;
}

/* Index of the last ch in s[from, to), or to if there is none. */
static size_t find_last(const char *s, size_t from, size_t to, char ch)
{
	for (size_t i = to; i > from; i--)
		if (s[i - 1] == ch)
			return i - 1;
	return to;
}

/* Length of the scheme s[0, end) begins with, ALPHA *(ALPHA / DIGIT / "+" /
 * "-" / ".") followed by ":", or 0 if it begins with none. */
static size_t scheme_length(const char *s, size_t end)
{
	if (end == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < end; i++) {
		unsigned char c = s[i];
		if (c == ':')
			return i;
		if (!isalnum(c) && c != '+' && c != '-' && c != '.')
			return 0;
	}
	return 0;
}

/* Reads a port (RFC 3986's *DIGIT) of len characters into value; false if a
 * character is not a digit or the number is above 65535. Stops early, so a
 * long run of digits cannot overflow. */
static bool port_value(const char *s, size_t len, unsigned long *value)
{
	unsigned long v = 0;

	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (unsigned long)(s[i] - '0');
		if (v > PORT_MAX)
			return false;
	}
	*value = v;
	return true;
}

/* Splits host[:port] in s[start, end); an IPv6 (or other) literal in
 * brackets is recorded without them. */
static int parse_hostport(const char *s, size_t start, size_t end, struct span *spans)
{
	unsigned long port;
	size_t colon;

	if (start < end && s[start] == '[') {
		size_t close = find(s, start + 1, end, ']');
		if (close == end)
			return URI_ERR_BAD_HOST;
		span_set(spans, C_HOST, start + 1, close);
		colon = close + 1;
		if (colon < end && s[colon] != ':')
			return URI_ERR_BAD_HOST;
	} else {
		colon = find(s, start, end, ':');
		span_set(spans, C_HOST, start, colon);
	}
	if (colon < end) {
		if (!port_value(s + colon + 1, end - colon - 1, &port))
			return URI_ERR_BAD_PORT;
		span_set(spans, C_PORT, colon + 1, end);
	}
	return URI_OK;
}

/* Splits the authority s[start, end) into user, password, host and port.
 * The userinfo ends at the last "@", so a password with a raw "@" still
 * parses the way people mean it. */
static int parse_authority(const char *s, size_t start, size_t end, struct span *spans)
{
	size_t at = find_last(s, start, end, '@');

	if (at < end) {
		size_t colon = find(s, start, at, ':');
		span_set(spans, C_USER, start, colon);
		if (colon < at)
			span_set(spans, C_PASSWORD, colon + 1, at);
		start = at + 1;
	}
	return parse_hostport(s, start, end, spans);
}

/* Finds every component of s[0, n) (RFC 3986 section 3): fragment after the
 * first "#", scheme, query after the first "?", then either an opaque part
 * (a scheme not followed by "/") or [//authority] and path. */
static int parse_spans(const char *s, size_t n, struct span *spans)
{
	size_t end = find(s, 0, n, '#');
	size_t rest = scheme_length(s, end);
	size_t mark;

	if (end < n)
		span_set(spans, C_FRAGMENT, end + 1, n);
	if (rest) {
		span_set(spans, C_SCHEME, 0, rest);
		rest++;
	}
	mark = find(s, rest, end, '?');
	if (mark < end) {
		span_set(spans, C_QUERY, mark + 1, end);
		end = mark;
	}
	if (spans[C_SCHEME].set && (rest == end || s[rest] != '/')) {
		span_set(spans, C_OPAQUE, rest, end);
		return URI_OK;
	}
	if (end - rest >= 2 && s[rest] == '/' && s[rest + 1] == '/') {
		mark = find(s, rest + 2, end, '/');
		int err = parse_authority(s, rest + 2, mark, spans);
		if (err)
			return err;
		rest = mark;
	}
	span_set(spans, C_PATH, rest, end);
	return URI_OK;
}

/* Copies the components found into one allocation owned by out, each
 * followed by a NUL, and points out's fields at them. */
static int store_spans(const char *s, const struct span *spans, struct uri *out)
{
	const char **field[C_COUNT] = {
		&out->scheme, &out->opaque, &out->user, &out->password, &out->host,
		&out->port, &out->path, &out->query, &out->fragment,
	};
	size_t total = 0;
	char *p;

	for (int c = 0; c < C_COUNT; c++)
		total += spans[c].set ? spans[c].len + 1 : 0;
	p = malloc(total ? total : 1);
	if (!p)
		return URI_ERR_NO_MEMORY;
	out->buf = p;
	for (int c = 0; c < C_COUNT; c++) {
		if (!spans[c].set)
			continue;
		memcpy(p, s + spans[c].start, spans[c].len);
		p[spans[c].len] = '\0';
		*field[c] = p;
		p += spans[c].len + 1;
	}
	return URI_OK;
}

int uri_parse(const char *text, struct uri *out)
{
	struct span spans[C_COUNT];
	size_t n;
	int err;

	memset(out, 0, sizeof(*out));
	if (!text || !*text)
		return URI_ERR_EMPTY;
	n = strnlen(text, URI_MAX_LEN + 1);
	if (n > URI_MAX_LEN)
		return URI_ERR_TOO_LONG;
	memset(spans, 0, sizeof(spans));
	err = parse_spans(text, n, spans);
	if (!err)
		err = store_spans(text, spans, out);
	if (err)
		memset(out, 0, sizeof(*out));
	return err;
}

void uri_free(struct uri *uri)
{
	if (!uri)
		return;
	free(uri->buf);
	memset(uri, 0, sizeof(*uri));
}

unsigned uri_port(const struct uri *uri, unsigned default_port)
{
	unsigned long port;

	if (!uri || !uri->port || !*uri->port ||
	    !port_value(uri->port, strlen(uri->port), &port))
		return default_port;
	return (unsigned)port;
}

/* The value of a hex digit already known to be one. */
static int hex_value(unsigned char c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

size_t uri_decode(const char *in, char *out, size_t out_size)
{
	size_t len = 0;

	if (!in)
		in = "";
	while (*in) {
		unsigned char c = (unsigned char)*in++;
		if (c == '%' && isxdigit((unsigned char)in[0]) && isxdigit((unsigned char)in[1])) {
			c = (unsigned char)(hex_value((unsigned char)in[0]) << 4 |
					    hex_value((unsigned char)in[1]));
			in += 2;
		}
		if (len + 1 < out_size)
			out[len] = (char)c;
		len++;
	}
	if (out_size)
		out[len < out_size ? len : out_size - 1] = '\0';
	return len;
}

/* Text built in two passes over the same code: the first, with buf NULL,
 * only counts, so the second can fill an allocation of the right size. */
struct builder {
	char *buf;
	size_t len;
};

/* Appends n bytes of s (or, counting, just their length). */
static void put(struct builder *b, const char *s, size_t n)
{
	if (b->buf)
		memcpy(b->buf + b->len, s, n);
	b->len += n;
}

/* Appends the string s. */
static void put_str(struct builder *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Writes "//" and the authority. A host with a ":" is an IPv6 literal and
 * gets its brackets back; so does one starting "[", which was bracketed too. */
static void format_authority(struct builder *b, const struct uri *uri)
{
	put_str(b, "//");
	if (uri->user) {
		put_str(b, uri->user);
		if (uri->password) {
			put_str(b, ":");
			put_str(b, uri->password);
		}
		put_str(b, "@");
	}
	if (strchr(uri->host, ':') || uri->host[0] == '[') {
		put_str(b, "[");
		put_str(b, uri->host);
		put_str(b, "]");
	} else {
		put_str(b, uri->host);
	}
	if (uri->port) {
		put_str(b, ":");
		put_str(b, uri->port);
	}
}

/* Writes what must come before path so the text parses back to the same
 * path: a "/" after an authority, "/." before a "//" that would read as an
 * authority, "./" before a first segment that would read as a scheme
 * (RFC 3986 sections 4.2 and 5.3). */
static void format_path_prefix(struct builder *b, const struct uri *uri, const char *path)
{
	if (uri->host) {
		if (path[0] && path[0] != '/')
			put_str(b, "/");
	} else if (uri->opaque) {
		return;
	} else if (path[0] == '/' && path[1] == '/') {
		put_str(b, "/.");
	} else if (!uri->scheme && scheme_length(path, strlen(path))) {
		put_str(b, "./");
	}
}

/* Writes the whole URI (RFC 3986 section 5.3). */
static void format_into(struct builder *b, const struct uri *uri)
{
	const char *path = uri->opaque ? uri->opaque : uri->path;

	if (uri->scheme) {
		put_str(b, uri->scheme);
		put_str(b, ":");
	}
	if (uri->host)
		format_authority(b, uri);
	if (path) {
		format_path_prefix(b, uri, path);
		put_str(b, path);
	}
	if (uri->query) {
		put_str(b, "?");
		put_str(b, uri->query);
	}
	if (uri->fragment) {
		put_str(b, "#");
		put_str(b, uri->fragment);
	}
}

char *uri_format(const struct uri *uri)
{
	struct builder b = { .buf = NULL, .len = 0 };

	format_into(&b, uri);
	b.buf = malloc(b.len + 1);
	if (!b.buf)
		return NULL;
	b.len = 0;
	format_into(&b, uri);
	b.buf[b.len] = '\0';
	return b.buf;
}

/* Drops the last segment and the "/" before it from out[0, len); returns
 * the new length. */
static size_t drop_last_segment(const char *out, size_t len)
{
	while (len > 0 && out[len - 1] != '/')
		len--;
	return len > 0 ? len - 1 : 0;
}

/* Moves the first segment of *in, with its leading "/" if any, to out at
 * len; returns the new length. */
static size_t move_segment(const char **in, char *out, size_t len)
{
	const char *p = *in;

	if (*p == '/')
		out[len++] = *p++;
	while (*p && *p != '/')
		out[len++] = *p++;
	*in = p;
	return len;
}

/* RFC 3986 section 5.2.4: the path with its "." and ".." segments removed,
 * malloc'd (it is never longer than in), or NULL if memory runs out. Where
 * the RFC replaces the input with "/", in points at a literal "/". */
static char *remove_dot_segments(const char *in)
{
	char *out = malloc(strlen(in) + 1);
	size_t len = 0;

	if (!out)
		return NULL;
	while (*in) {
		if (!strncmp(in, "../", 3)) {
			in += 3;
		} else if (!strncmp(in, "./", 2) || !strncmp(in, "/./", 3)) {
			in += 2;
		} else if (!strcmp(in, "/.")) {
			in = "/";
		} else if (!strncmp(in, "/../", 4)) {
			in += 3;
			len = drop_last_segment(out, len);
		} else if (!strcmp(in, "/..")) {
			in = "/";
			len = drop_last_segment(out, len);
		} else if (!strcmp(in, ".") || !strcmp(in, "..")) {
			break;
		} else {
			len = move_segment(&in, out, len);
		}
	}
	out[len] = '\0';
	return out;
}

/* RFC 3986 section 5.2.3: the relative path rel appended to the base path's
 * directory, malloc'd, or NULL if memory runs out. */
static char *merge_paths(const struct uri *base, const char *base_path, const char *rel)
{
	const char *slash = strrchr(base_path, '/');
	size_t keep = slash ? (size_t)(slash - base_path) + 1 : 0;
	size_t rel_len = strlen(rel);
	bool root = base->host && !*base_path;
	char *merged = malloc(root + keep + rel_len + 1);

	if (!merged)
		return NULL;
	if (root)
		merged[0] = '/';
	memcpy(merged + root, base_path, keep);
	memcpy(merged + root + keep, rel, rel_len + 1);
	return merged;
}

/* Copies the authority of src to dst (host NULL meaning none). */
static void copy_authority(struct uri *dst, const struct uri *src)
{
	dst->user = src->user;
	dst->password = src->password;
	dst->host = src->host;
	dst->port = src->port;
}

/* Sets t's path to rel_path with dot segments removed (merged with the
 * base path first if merge_base is set); the result is malloc'd into *owned. */
static int resolved_path(struct uri *t, const struct uri *base, const char *rel_path,
			 bool merge_base, char **owned)
{
	char *merged = NULL;

	if (merge_base) {
		const char *base_path = base->opaque ? base->opaque : base->path;
		merged = merge_paths(base, base_path ? base_path : "", rel_path);
		if (!merged)
			return URI_ERR_NO_MEMORY;
		rel_path = merged;
	}
	*owned = remove_dot_segments(rel_path);
	free(merged);
	if (!*owned)
		return URI_ERR_NO_MEMORY;
	t->path = *owned;
	return URI_OK;
}

/* RFC 3986 section 5.2.2: fills t, whose fields point into base, rel or
 * *owned (a path that the caller frees). An absolute rel with an opaque
 * part is taken as written; its dot segments are not those of a path. */
static int resolve(const struct uri *base, const struct uri *rel, struct uri *t, char **owned)
{
	memset(t, 0, sizeof(*t));
	t->fragment = rel->fragment;
	if (rel->scheme && rel->opaque) {
		t->scheme = rel->scheme;
		t->opaque = rel->opaque;
		t->query = rel->query;
		return URI_OK;
	}
	t->scheme = rel->scheme ? rel->scheme : base->scheme;
	if (rel->scheme || rel->host) {
		copy_authority(t, rel);
		t->query = rel->query;
		return resolved_path(t, base, rel->path, false, owned);
	}
	copy_authority(t, base);
	if (!*rel->path) {
		t->opaque = base->opaque;
		t->path = base->path;
		t->query = rel->query ? rel->query : base->query;
		return URI_OK;
	}
	t->query = rel->query;
	return resolved_path(t, base, rel->path, rel->path[0] != '/', owned);
}

char *uri_resolve(const char *base, const char *relative)
{
	struct uri b, r = { .path = "" }, t;
	char *owned = NULL, *text = NULL;

	if (uri_parse(base, &b))
		return NULL;
	if (!relative || (*relative && uri_parse(relative, &r))) {
		uri_free(&b);
		return NULL;
	}
	if (!resolve(&b, &r, &t, &owned))
		text = uri_format(&t);
	free(owned);
	uri_free(&b);
	uri_free(&r);
	return text;
}

const char *uri_strerror(int err)
{
	switch (err) {
	case URI_OK:
		return "The URI is valid.";
	case URI_ERR_EMPTY:
		return "The URI is empty.";
	case URI_ERR_TOO_LONG:
		return "The URI is longer than 4096 characters.";
	case URI_ERR_BAD_PORT:
		return "The URI's port is not a number from 0 to 65535.";
	case URI_ERR_BAD_HOST:
		return "The URI's host has a \"[\" without a matching \"]\", or text after the \"]\".";
	case URI_ERR_NO_MEMORY:
		return "There is not enough memory to handle the URI.";
	}
	return "The URI could not be handled (unknown error).";
}
