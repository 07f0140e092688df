/* The HTTP/1.1 response parser (RFC 9112): a state machine fed bytes in
 * pieces of any size. The status line and header lines are gathered into a
 * line buffer one byte at a time (a header is handled when the first byte
 * of the next line shows it is not folded); the body is passed on in runs
 * as large as the input allows. It reads nothing beyond the bytes it is
 * given, writes nothing beyond its struct, and allocates nothing. */
#include <ctype.h>
#include <string.h>
#include "http_response.h"

#define MAX_LENGTH ((uint64_t)INT64_MAX)	/* largest body or chunk size */

enum parse_state {
	ST_STATUS_START,	/* before the status line; blank lines skipped */
	ST_STATUS,		/* in the status line */
	ST_LINE_START,		/* at the start of a header line */
	ST_HEADER,		/* in a header line */
	ST_FOLD,		/* leading whitespace of a continuation line */
	ST_BODY_LENGTH,		/* body of content_length bytes */
	ST_BODY_CLOSE,		/* body until the connection closes */
	ST_CHUNK_SIZE,		/* hex digits of a chunk size */
	ST_CHUNK_SIZE_WS,	/* whitespace after the chunk size */
	ST_CHUNK_EXT,		/* a chunk extension, skipped */
	ST_CHUNK_DATA,		/* chunk data */
	ST_CHUNK_DATA_END,	/* the CRLF after chunk data */
	ST_TRAILER_START,	/* at the start of a trailer line */
	ST_TRAILER,		/* in a trailer line, skipped */
	ST_DONE,
	ST_ERROR,
};

/* Whether c is optional whitespace (SP or HTAB). */
static bool is_ows(int c)
{
	return c == ' ' || c == '\t';
}

/* Whether c may appear in a header name (a token character). */
static bool is_tchar(int c)
{
	return isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* Whether the state reads the header section (status line, headers). */
static bool in_header_section(int state)
{
	return state <= ST_FOLD;
}

/* Copies n bytes of text into dst (size bytes, always terminated), cut
 * short if need be, with control and non-ASCII bytes shown as '?'. */
static void copy_text(char *dst, size_t size, const char *src, size_t n)
{
	if (n > size - 1)
		n = size - 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = c == '\t' ? ' ' : isprint(c) ? (char)c : '?';
	}
	dst[n] = '\0';
}

/* Trims optional whitespace from both ends of the span *s, *n. */
static void trim_ows(const char **s, size_t *n)
{
	while (*n && is_ows((*s)[0])) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_ows((*s)[*n - 1]))
		(*n)--;
}

/* Whether the span s, n is the word lit, ignoring case. */
static bool span_is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(s, lit, n) == 0;
}

/* Takes the next non-empty element of a comma-separated list from *s (up
 * to end) into *item, *n, trimmed; false when the list has no more. */
static bool next_item(const char **s, const char *end, const char **item, size_t *n)
{
	while (*s < end) {
		const char *comma = memchr(*s, ',', (size_t)(end - *s));
		const char *stop = comma ? comma : end;
		*item = *s;
		*n = (size_t)(stop - *s);
		*s = comma ? comma + 1 : end;
		trim_ows(item, n);
		if (*n)
			return true;
	}
	return false;
}

/* Parses the span as a decimal number no larger than MAX_LENGTH; false if
 * it is empty, has anything but digits, or is too large. */
static bool parse_decimal(const char *s, size_t n, uint64_t *value)
{
	uint64_t v = 0;

	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > MAX_LENGTH / 10 || (v == MAX_LENGTH / 10 && d > MAX_LENGTH % 10))
			return false;
		v = v * 10 + d;
	}
	*value = v;
	return true;
}

/* The value of hex digit c, or -1. */
static int hex_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* Clears the results and header state for a new message, keeping what
 * spans the 1xx responses before the final one. */
static void reset_message(struct http_response *r)
{
	bool head = r->p.head_request, started = r->p.started;
	uint32_t header_bytes = r->p.header_bytes;
	unsigned interim = r->interim_count;

	http_response_init(r, head);
	r->p.started = started;
	r->p.header_bytes = header_bytes;
	r->interim_count = interim;
}

void http_response_init(struct http_response *r, bool head_request)
{
	memset(r, 0, sizeof(*r));
	r->p.state = ST_STATUS_START;
	r->p.head_request = head_request;
}

/* Parses the status line in the line buffer: HTTP/1.x SP NNN [SP reason]. */
static int parse_status_line(struct http_response *r)
{
	const char *s = r->p.line;
	size_t n = r->p.line_len, i = 8;

	copy_text(r->status_line, sizeof(r->status_line), s, n);
	if (n < 5 || memcmp(s, "HTTP/", 5) != 0)
		return HTTP_ERR_STATUS_LINE;
	if (n < 8 || !isdigit((unsigned char)s[5]) || s[6] != '.' ||
	    !isdigit((unsigned char)s[7]))
		return HTTP_ERR_STATUS_LINE;
	if (s[5] != '1')
		return HTTP_ERR_VERSION;
	if (i == n || s[i] != ' ')
		return HTTP_ERR_STATUS_LINE;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i < 3 || !isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) ||
	    !isdigit((unsigned char)s[i + 2]))
		return HTTP_ERR_STATUS_LINE;
	r->status = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	i += 3;
	if (r->status < 100 || r->status > 599 || (i < n && s[i] != ' '))
		return HTTP_ERR_STATUS_LINE;
	r->version_minor = (uint8_t)(s[7] - '0');

	const char *reason = s + i;
	size_t reason_len = n - i;
	trim_ows(&reason, &reason_len);
	copy_text(r->reason, sizeof(r->reason), reason, reason_len);
	return HTTP_PARSE_MORE;
}

/* Content-Length: a number, or a list of equal numbers; every header must
 * agree. Errors are only noted here: Transfer-Encoding may override them. */
static int header_content_length(struct http_response *r, const char *v, size_t n)
{
	const char *s = v, *item;
	size_t len;
	uint64_t value;
	bool any = false;

	while (next_item(&s, v + n, &item, &len)) {
		any = true;
		if (!parse_decimal(item, len, &value)) {
			r->p.cl_invalid = true;
			continue;
		}
		if (r->has_content_length && r->content_length != value)
			r->p.cl_conflict = true;
		r->has_content_length = true;
		r->content_length = value;
	}
	if (!any)
		r->p.cl_invalid = true;
	return HTTP_PARSE_MORE;
}

/* Transfer-Encoding: a list of codings, each maybe with parameters. */
static int header_transfer_encoding(struct http_response *r, const char *v, size_t n)
{
	const char *s = v, *item;
	size_t len;

	while (next_item(&s, v + n, &item, &len)) {
		const char *semi = memchr(item, ';', len);
		if (semi)
			len = (size_t)(semi - item);
		trim_ows(&item, &len);
		if (span_is(item, len, "chunked")) {
			r->p.te_chunked++;
			r->p.te_chunked_last = true;
		} else if (!span_is(item, len, "identity")) {
			r->p.te_other = true;
			r->p.te_chunked_last = false;
		}
	}
	return HTTP_PARSE_MORE;
}

/* Connection: a list of options, of which close and keep-alive matter. */
static int header_connection(struct http_response *r, const char *v, size_t n)
{
	const char *s = v, *item;
	size_t len;

	while (next_item(&s, v + n, &item, &len)) {
		if (span_is(item, len, "close"))
			r->conn_close = true;
		else if (span_is(item, len, "keep-alive"))
			r->conn_keep_alive = true;
	}
	return HTTP_PARSE_MORE;
}

/* Location: copied whole, or an error when it does not fit. */
static int header_location(struct http_response *r, const char *v, size_t n)
{
	if (n > HTTP_LOCATION_MAX)
		return HTTP_ERR_LOCATION_TOO_LONG;
	memcpy(r->location, v, n);
	r->location[n] = '\0';
	r->has_location = true;
	return HTTP_PARSE_MORE;
}

/* Content-Type: a copy, cut short if long. */
static int header_content_type(struct http_response *r, const char *v, size_t n)
{
	copy_text(r->content_type, sizeof(r->content_type), v, n);
	return HTTP_PARSE_MORE;
}

/* Splits s, n at the first sep into a head and a tail; false without sep. */
static bool split_at(const char *s, size_t n, char sep, size_t *head, const char **tail,
		     size_t *tail_len)
{
	const char *at = memchr(s, sep, n);
	if (!at)
		return false;
	*head = (size_t)(at - s);
	*tail = at + 1;
	*tail_len = n - *head - 1;
	return true;
}

/* Parses "bytes FIRST-LAST/TOTAL" (LAST >= FIRST, TOTAL > LAST or "*") or
 * "bytes * /TOTAL" into c; false if malformed. */
static bool parse_content_range(const char *v, size_t n, struct http_content_range *c)
{
	const char *rest, *total;
	size_t range_len, total_len, first_len, last_len;

	if (n < 6 || strncasecmp(v, "bytes", 5) != 0 || v[5] != ' ')
		return false;
	v += 6;
	n -= 6;
	trim_ows(&v, &n);
	if (!split_at(v, n, '/', &range_len, &total, &total_len))
		return false;
	c->has_total = !(total_len == 1 && total[0] == '*');
	if (c->has_total && !parse_decimal(total, total_len, &c->total))
		return false;
	if (range_len == 1 && v[0] == '*')
		return c->has_total;
	if (!split_at(v, range_len, '-', &first_len, &rest, &last_len) ||
	    !parse_decimal(v, first_len, &c->start) || !parse_decimal(rest, last_len, &c->end))
		return false;
	if (c->end < c->start || (c->has_total && c->end >= c->total))
		return false;
	c->has_range = true;
	return true;
}

/* Content-Range: kept when well formed; a malformed one is an error only
 * in a 206 response, whose body it describes. */
static int header_content_range(struct http_response *r, const char *v, size_t n)
{
	struct http_content_range c = { .present = true };

	if (parse_content_range(v, n, &c)) {
		r->range = c;
		r->p.range_invalid = false;
	} else {
		memset(&r->range, 0, sizeof(r->range));
		r->p.range_invalid = true;
	}
	return HTTP_PARSE_MORE;
}

typedef int header_fn(struct http_response *r, const char *value, size_t len);

static const struct {
	const char *name;
	header_fn *fn;
} header_table[] = {
	{ "Content-Length", header_content_length },
	{ "Transfer-Encoding", header_transfer_encoding },
	{ "Connection", header_connection },
	{ "Location", header_location },
	{ "Content-Type", header_content_type },
	{ "Content-Range", header_content_range },
};

/* Handles the complete header line (folded lines joined) in the buffer:
 * name ":" OWS value OWS. */
static int process_header(struct http_response *r)
{
	const char *line = r->p.line, *colon = memchr(line, ':', r->p.line_len);
	size_t name_len, value_len;
	const char *value;

	if (!colon || colon == line)
		return HTTP_ERR_HEADER_SYNTAX;
	name_len = (size_t)(colon - line);
	for (size_t i = 0; i < name_len; i++)
		if (!is_tchar((unsigned char)line[i]))
			return HTTP_ERR_HEADER_SYNTAX;
	value = colon + 1;
	value_len = r->p.line_len - name_len - 1;
	if (memchr(value, '\0', value_len))
		return HTTP_ERR_HEADER_SYNTAX;
	trim_ows(&value, &value_len);
	for (size_t i = 0; i < sizeof(header_table) / sizeof(header_table[0]); i++)
		if (span_is(line, name_len, header_table[i].name))
			return header_table[i].fn(r, value, value_len);
	return HTTP_PARSE_MORE;
}

/* Whether the response can have no body: HEAD, 1xx, 204, 304. */
static bool bodiless(const struct http_response *r)
{
	return r->p.head_request || r->status < 200 || r->status == 204 || r->status == 304;
}

/* Chooses chunked framing, checking the list of transfer codings. */
static int frame_chunked(struct http_response *r)
{
	if (r->version_minor == 0)
		return HTTP_ERR_TE_HTTP10;
	if (r->p.te_other || r->p.te_chunked != 1 || !r->p.te_chunked_last)
		return HTTP_ERR_TRANSFER_ENCODING;
	r->framing = HTTP_BODY_CHUNKED;
	r->chunked = true;
	/* Both lengths in one message smells of response splitting: the
	 * length is dropped, and so is the connection afterwards. */
	if (r->has_content_length)
		r->keep_alive = false;
	r->has_content_length = false;
	r->content_length = 0;
	r->p.digits = 0;
	r->p.remaining = 0;
	r->p.line_bytes = 0;
	r->p.state = ST_CHUNK_SIZE;
	return HTTP_PARSE_MORE;
}

/* Decides the body's framing once the headers have ended (RFC 9112 6.3). */
static int choose_framing(struct http_response *r)
{
	bool te = r->p.te_chunked || r->p.te_other;

	if (!te && r->p.cl_invalid)
		return HTTP_ERR_CONTENT_LENGTH;
	if (!te && r->p.cl_conflict)
		return HTTP_ERR_CONTENT_LENGTH_CONFLICT;
	if (bodiless(r)) {
		r->framing = HTTP_BODY_NONE;
		r->p.state = ST_DONE;
		return HTTP_PARSE_DONE;
	}
	if (r->status == 206 && r->p.range_invalid)
		return HTTP_ERR_CONTENT_RANGE;
	if (te)
		return frame_chunked(r);
	if (r->has_content_length) {
		r->framing = HTTP_BODY_LENGTH;
		r->p.remaining = r->content_length;
		r->p.state = r->content_length ? ST_BODY_LENGTH : ST_DONE;
		return r->content_length ? HTTP_PARSE_MORE : HTTP_PARSE_DONE;
	}
	r->framing = HTTP_BODY_CLOSE;
	r->keep_alive = false;
	r->p.state = ST_BODY_CLOSE;
	return HTTP_PARSE_MORE;
}

/* The blank line after the headers: skips a 1xx interim response (but not
 * 101, which would switch protocols), else sets up the body. */
static int end_headers(struct http_response *r)
{
	if (r->status < 200 && r->status != 101) {
		reset_message(r);
		r->interim_count++;
		return HTTP_PARSE_MORE;
	}
	r->headers_done = true;
	if (r->version_minor == 0)
		r->keep_alive = r->conn_keep_alive && !r->conn_close;
	else
		r->keep_alive = !r->conn_close;
	if (r->status == 101)
		r->keep_alive = false;
	return choose_framing(r);
}

/* Appends c to the line buffer. */
static int append(struct http_response *r, char c)
{
	if (r->p.line_len == sizeof(r->p.line))
		return HTTP_ERR_LINE_TOO_LONG;
	r->p.line[r->p.line_len++] = c;
	return HTTP_PARSE_MORE;
}

/* Ends the chunk-size line: data follows, or the last chunk's trailers. */
static int end_chunk_size(struct http_response *r)
{
	if (!r->p.digits)
		return HTTP_ERR_CHUNK_SIZE;
	r->p.line_bytes = 0;
	r->p.state = r->p.remaining ? ST_CHUNK_DATA : ST_TRAILER_START;
	return HTTP_PARSE_MORE;
}

/* A line ended (LF, or CRLF) in state r->p.state. */
static int line_end(struct http_response *r)
{
	int rc;

	switch (r->p.state) {
	case ST_STATUS_START:
		return HTTP_PARSE_MORE;
	case ST_STATUS:
		rc = parse_status_line(r);
		r->p.line_len = 0;
		r->p.state = ST_LINE_START;
		return rc;
	case ST_LINE_START:
		rc = r->p.line_len ? process_header(r) : HTTP_PARSE_MORE;
		r->p.line_len = 0;
		return rc < 0 ? rc : end_headers(r);
	case ST_HEADER:
	case ST_FOLD:
		r->p.state = ST_LINE_START;
		return HTTP_PARSE_MORE;
	case ST_CHUNK_SIZE:
	case ST_CHUNK_SIZE_WS:
	case ST_CHUNK_EXT:
		return end_chunk_size(r);
	case ST_CHUNK_DATA_END:
		r->p.digits = 0;
		r->p.remaining = 0;
		r->p.line_bytes = 0;
		r->p.state = ST_CHUNK_SIZE;
		return HTTP_PARSE_MORE;
	case ST_TRAILER_START:
		r->p.state = ST_DONE;
		return HTTP_PARSE_DONE;
	case ST_TRAILER:
		r->p.state = ST_TRAILER_START;
		return HTTP_PARSE_MORE;
	}
	return HTTP_ERR_STATUS_LINE;	/* not reached: body states read no lines */
}

/* The error for a CR not followed by LF in state. */
static int bare_cr_error(int state)
{
	switch (state) {
	case ST_STATUS_START:
	case ST_STATUS:
		return HTTP_ERR_STATUS_LINE;
	case ST_CHUNK_SIZE:
	case ST_CHUNK_SIZE_WS:
	case ST_CHUNK_EXT:
		return HTTP_ERR_CHUNK_SIZE;
	case ST_CHUNK_DATA_END:
		return HTTP_ERR_CHUNK_CRLF;
	case ST_TRAILER_START:
	case ST_TRAILER:
		return HTTP_ERR_TRAILER;
	}
	return HTTP_ERR_HEADER_SYNTAX;
}

/* A byte at the start of a header line: folds it into the previous
 * header, or handles the previous header and starts a new one. */
static int line_start_byte(struct http_response *r, char c)
{
	int rc;

	if (is_ows(c)) {
		/* Whitespace before the first header is not a fold. */
		if (!r->p.line_len)
			return HTTP_ERR_HEADER_SYNTAX;
		r->p.state = ST_FOLD;
		return append(r, ' ');
	}
	if (r->p.line_len) {
		rc = process_header(r);
		r->p.line_len = 0;
		if (rc < 0)
			return rc;
	}
	r->p.state = ST_HEADER;
	return append(r, c);
}

/* A byte of a chunk-size line other than CR or LF. */
static int chunk_size_byte(struct http_response *r, char c)
{
	int d = hex_value((unsigned char)c);

	if (r->p.state == ST_CHUNK_EXT)
		return HTTP_PARSE_MORE;
	if (c == ';') {
		r->p.state = ST_CHUNK_EXT;
	} else if (is_ows(c)) {
		r->p.state = ST_CHUNK_SIZE_WS;
	} else if (d >= 0 && r->p.state == ST_CHUNK_SIZE) {
		if (r->p.remaining > MAX_LENGTH >> 4)
			return HTTP_ERR_CHUNK_TOO_LARGE;
		r->p.remaining = r->p.remaining << 4 | (uint64_t)d;
		r->p.digits++;
		return HTTP_PARSE_MORE;
	} else {
		return HTTP_ERR_CHUNK_SIZE;
	}
	return r->p.digits ? HTTP_PARSE_MORE : HTTP_ERR_CHUNK_SIZE;
}

/* A byte of a trailer line (trailers are skipped, not kept). */
static int trailer_byte(struct http_response *r)
{
	r->p.state = ST_TRAILER;
	return HTTP_PARSE_MORE;
}

/* A byte other than CR or LF in one of the line-reading states. */
static int text_byte(struct http_response *r, char c)
{
	switch (r->p.state) {
	case ST_STATUS_START:
		r->p.started = true;
		r->p.state = ST_STATUS;
		return append(r, c);
	case ST_STATUS:
	case ST_HEADER:
		return append(r, c);
	case ST_FOLD:
		if (is_ows(c))
			return HTTP_PARSE_MORE;
		r->p.state = ST_HEADER;
		return append(r, c);
	case ST_LINE_START:
		return line_start_byte(r, c);
	case ST_CHUNK_SIZE:
	case ST_CHUNK_SIZE_WS:
	case ST_CHUNK_EXT:
		return chunk_size_byte(r, c);
	case ST_CHUNK_DATA_END:
		return HTTP_ERR_CHUNK_CRLF;
	}
	return trailer_byte(r);
}

/* Counts a byte against the limit of the line or section it is in. */
static int count_byte(struct http_response *r)
{
	switch (r->p.state) {
	case ST_CHUNK_SIZE:
	case ST_CHUNK_SIZE_WS:
	case ST_CHUNK_EXT:
		if (++r->p.line_bytes > HTTP_LINE_MAX)
			return HTTP_ERR_CHUNK_LINE_TOO_LONG;
		return HTTP_PARSE_MORE;
	case ST_TRAILER_START:
	case ST_TRAILER:
		if (++r->p.line_bytes > HTTP_HEADERS_MAX)
			return HTTP_ERR_TRAILERS_TOO_LARGE;
		return HTTP_PARSE_MORE;
	}
	if (in_header_section(r->p.state) && ++r->p.header_bytes > HTTP_HEADERS_MAX)
		return HTTP_ERR_HEADERS_TOO_LARGE;
	return HTTP_PARSE_MORE;
}

/* One byte in a line-reading state: CR LF and bare LF end lines; a CR
 * anywhere else is an error. */
static int line_byte(struct http_response *r, char c)
{
	int rc = count_byte(r);

	if (rc < 0)
		return rc;
	if (r->p.cr) {
		r->p.cr = false;
		return c == '\n' ? line_end(r) : bare_cr_error(r->p.state);
	}
	if (c == '\r') {
		r->p.cr = true;
		return HTTP_PARSE_MORE;
	}
	if (c == '\n')
		return line_end(r);
	return text_byte(r, c);
}

/* Hands n body bytes to the callback. */
static int deliver(struct http_response *r, const uint8_t *data, size_t n,
		   http_body_fn *on_body, void *ctx)
{
	r->body_received += n;
	if (on_body && n) {
		int rc = on_body(ctx, data, n);
		if (rc) {
			r->body_error = rc;
			return HTTP_ERR_ABORTED;
		}
	}
	return HTTP_PARSE_MORE;
}

/* Body bytes counted by r->p.remaining: Content-Length or chunk data. */
static int counted_body(struct http_response *r, const uint8_t *data, size_t len,
			size_t *used, http_body_fn *on_body, void *ctx)
{
	size_t n = r->p.remaining < len ? (size_t)r->p.remaining : len;
	int rc;

	*used = n;
	r->p.remaining -= n;
	rc = deliver(r, data, n, on_body, ctx);
	if (rc < 0 || r->p.remaining)
		return rc;
	if (r->p.state == ST_CHUNK_DATA) {
		r->p.state = ST_CHUNK_DATA_END;
		return HTTP_PARSE_MORE;
	}
	r->p.state = ST_DONE;
	return HTTP_PARSE_DONE;
}

/* Parses as much of data as one state allows; *used says how much. */
static int step(struct http_response *r, const uint8_t *data, size_t len, size_t *used,
		http_body_fn *on_body, void *ctx)
{
	switch (r->p.state) {
	case ST_BODY_LENGTH:
	case ST_CHUNK_DATA:
		return counted_body(r, data, len, used, on_body, ctx);
	case ST_BODY_CLOSE:
		*used = len;
		return deliver(r, data, len, on_body, ctx);
	}
	*used = 1;
	return line_byte(r, (char)data[0]);
}

/* Puts r in the error state for good. */
static int fail(struct http_response *r, int err)
{
	r->p.state = ST_ERROR;
	r->p.error = err;
	return err;
}

int http_response_feed(struct http_response *r, const uint8_t *data, size_t len,
		       size_t *consumed, http_body_fn *on_body, void *ctx)
{
	size_t i = 0, used;
	int rc = HTTP_PARSE_MORE;

	if (r->p.state == ST_ERROR)
		rc = r->p.error;
	else if (r->p.state == ST_DONE)
		rc = HTTP_PARSE_DONE;
	while (rc == HTTP_PARSE_MORE && i < len) {
		rc = step(r, data + i, len - i, &used, on_body, ctx);
		i += used;
	}
	if (consumed)
		*consumed = i;
	return rc < 0 ? fail(r, rc) : rc;
}

int http_response_eof(struct http_response *r)
{
	switch (r->p.state) {
	case ST_ERROR:
		return r->p.error;
	case ST_DONE:
		return HTTP_PARSE_DONE;
	case ST_STATUS_START:
		if (!r->p.started)
			return fail(r, HTTP_ERR_NO_RESPONSE);
		return fail(r, HTTP_ERR_TRUNCATED_HEADERS);
	case ST_STATUS:
	case ST_LINE_START:
	case ST_HEADER:
	case ST_FOLD:
		return fail(r, HTTP_ERR_TRUNCATED_HEADERS);
	case ST_BODY_LENGTH:
		return fail(r, HTTP_ERR_TRUNCATED_BODY);
	case ST_TRAILER_START:
	case ST_TRAILER:
	case ST_BODY_CLOSE:
		/* The body is whole; only the connection is gone. */
		r->keep_alive = false;
		r->p.state = ST_DONE;
		return HTTP_PARSE_DONE;
	}
	return fail(r, HTTP_ERR_TRUNCATED_CHUNKED);
}

bool http_response_reusable(const struct http_response *r)
{
	return r->p.state == ST_DONE && r->keep_alive;
}

bool http_error_is_truncation(int err)
{
	return err == HTTP_ERR_NO_RESPONSE || err == HTTP_ERR_TRUNCATED_HEADERS ||
	       err == HTTP_ERR_TRUNCATED_BODY || err == HTTP_ERR_TRUNCATED_CHUNKED;
}

const char *http_strerror(int err)
{
	switch (err) {
	case HTTP_PARSE_MORE: return "response incomplete";
	case HTTP_PARSE_DONE: return "response complete";
	case HTTP_ERR_STATUS_LINE: return "malformed status line (not an HTTP/1.x response)";
	case HTTP_ERR_VERSION: return "unsupported HTTP version (only HTTP/1.x is understood)";
	case HTTP_ERR_HEADER_SYNTAX: return "malformed header line";
	case HTTP_ERR_LINE_TOO_LONG: return "header line too long";
	case HTTP_ERR_HEADERS_TOO_LARGE: return "response headers too large";
	case HTTP_ERR_CONTENT_LENGTH: return "invalid Content-Length";
	case HTTP_ERR_CONTENT_LENGTH_CONFLICT: return "conflicting Content-Length headers";
	case HTTP_ERR_TRANSFER_ENCODING:
		return "unsupported Transfer-Encoding (only chunked is understood)";
	case HTTP_ERR_TE_HTTP10: return "Transfer-Encoding in an HTTP/1.0 response";
	case HTTP_ERR_LOCATION_TOO_LONG: return "Location header too long";
	case HTTP_ERR_CONTENT_RANGE: return "malformed Content-Range in a partial response";
	case HTTP_ERR_CHUNK_SIZE: return "malformed chunk size";
	case HTTP_ERR_CHUNK_TOO_LARGE: return "chunk size too large";
	case HTTP_ERR_CHUNK_LINE_TOO_LONG: return "chunk size line too long";
	case HTTP_ERR_CHUNK_CRLF: return "missing CRLF after chunk data";
	case HTTP_ERR_TRAILER: return "malformed trailer line";
	case HTTP_ERR_TRAILERS_TOO_LARGE: return "response trailers too large";
	case HTTP_ERR_NO_RESPONSE: return "connection closed without a response";
	case HTTP_ERR_TRUNCATED_HEADERS:
		return "connection closed before the response headers were complete";
	case HTTP_ERR_TRUNCATED_BODY:
		return "response body shorter than Content-Length (connection closed early)";
	case HTTP_ERR_TRUNCATED_CHUNKED:
		return "chunked response body ended before the last chunk "
		       "(connection closed early)";
	case HTTP_ERR_ABORTED: return "transfer stopped by the receiver of the body";
	}
	return "unknown HTTP response error";
}
