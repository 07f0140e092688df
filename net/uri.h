/* URIs as boot scripts and DHCP options name them (RFC 3986): parsing into
 * components, percent-decoding, reference resolution ("chain next.ipxe"
 * against the running script's URI) and formatting back to text. Components
 * stay percent-encoded as written; a component that is absent is NULL and one
 * that is present but empty ("http://h/?" has query "") is "". */
#ifndef URI_H
#define URI_H

#include <stddef.h>

/* Longest URI text accepted, in bytes, not counting the terminating NUL. */
#define URI_MAX_LEN 4096

/* Results of uri_parse: 0 for success, otherwise one of these. */
enum uri_error {
	URI_OK = 0,
	URI_ERR_EMPTY = -1,	/* no text, or an empty string */
	URI_ERR_TOO_LONG = -2,	/* longer than URI_MAX_LEN */
	URI_ERR_BAD_PORT = -3,	/* port not all digits, or above 65535 */
	URI_ERR_BAD_HOST = -4,	/* "[" without "]", or text after "]" other than ":port" */
	URI_ERR_NO_MEMORY = -5,	/* malloc failed */
};

/*
 * A parsed URI. buf is the one heap allocation, owned by the struct; every
 * component points into it. A URI with a scheme and no "/" after the colon
 * ("iscsi:10.0.0.1::::iqn.x", "urn:...") has an opaque part and a NULL path;
 * otherwise path is never NULL after parsing (it may be ""). host is non-NULL
 * exactly when the URI has an authority ("//..."); an IPv6 literal is kept
 * without its brackets. A struct built by hand for uri_format may point its
 * components anywhere and leave buf NULL.
 */
struct uri {
	char *buf;
	const char *scheme;
	const char *opaque;
	const char *user;
	const char *password;
	const char *host;
	const char *port;
	const char *path;
	const char *query;
	const char *fragment;
};

/* Parses text into out (which need not be initialized). Returns 0, or a
 * negative enum uri_error with out left empty; either way uri_free(out) is safe. */
int uri_parse(const char *text, struct uri *out);

/* Frees what uri_parse allocated and empties the struct. */
void uri_free(struct uri *uri);

/* The port as a number, or default_port when the URI has none (or an empty
 * or invalid one). */
unsigned uri_port(const struct uri *uri, unsigned default_port);

/* Percent-decodes in into out, which gets at most out_size - 1 bytes and a
 * NUL (nothing when out_size is 0). Invalid or truncated escapes ("%zz",
 * "%4") are copied literally. Returns the length of the whole decoded text,
 * like snprintf: a result >= out_size means out was truncated. "%00" decodes
 * to a NUL byte inside the text. out may be the same buffer as in. */
size_t uri_decode(const char *in, char *out, size_t out_size);

/* Resolves relative against base (RFC 3986 section 5.2) and returns the
 * target URI as a malloc'd string, or NULL if either does not parse (an
 * empty relative is allowed and means base without its fragment) or memory
 * runs out. */
char *uri_resolve(const char *base, const char *relative);

/* The URI as text, malloc'd; NULL if memory runs out. */
char *uri_format(const struct uri *uri);

/* A sentence describing err, a uri_parse result. */
const char *uri_strerror(int err);

#endif
