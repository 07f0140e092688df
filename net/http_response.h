/* An incremental HTTP/1.1 response parser (RFC 9112), with no I/O of its
 * own. The HTTP client feeds it the bytes of a connection as they arrive, in
 * pieces of any size down to one byte; it parses the status line and the
 * headers into struct http_response, decides how the body is delimited
 * (none, Content-Length, chunked or connection close), hands the body bytes
 * to a callback and says where the message ended, so that what follows can
 * be the next response on a kept-alive connection. A body cut short by the
 * connection closing is always an error, never a complete message.
 *
 * Everything lives in the fixed-size struct; the parser never allocates. */
#ifndef NET_HTTP_RESPONSE_H
#define NET_HTTP_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HTTP_LINE_MAX 8192		/* one header line, folded lines joined */
#define HTTP_HEADERS_MAX 65536		/* the whole header section (or trailers) */
#define HTTP_LOCATION_MAX 2048		/* a longer Location is an error */
#define HTTP_STATUS_LINE_MAX 128	/* copies below are truncated to fit */
#define HTTP_REASON_MAX 64
#define HTTP_CONTENT_TYPE_MAX 128

/* What http_response_feed and http_response_eof return: one of the two
 * results, or one of the negative errors (see http_strerror). */
enum {
	HTTP_PARSE_MORE = 0,		/* the message needs more input */
	HTTP_PARSE_DONE = 1,		/* the message is complete */
	HTTP_ERR_STATUS_LINE = -1,
	HTTP_ERR_VERSION = -2,
	HTTP_ERR_HEADER_SYNTAX = -3,
	HTTP_ERR_LINE_TOO_LONG = -4,
	HTTP_ERR_HEADERS_TOO_LARGE = -5,
	HTTP_ERR_CONTENT_LENGTH = -6,
	HTTP_ERR_CONTENT_LENGTH_CONFLICT = -7,
	HTTP_ERR_TRANSFER_ENCODING = -8,
	HTTP_ERR_TE_HTTP10 = -9,
	HTTP_ERR_LOCATION_TOO_LONG = -10,
	HTTP_ERR_CONTENT_RANGE = -11,
	HTTP_ERR_CHUNK_SIZE = -12,
	HTTP_ERR_CHUNK_TOO_LARGE = -13,
	HTTP_ERR_CHUNK_LINE_TOO_LONG = -14,
	HTTP_ERR_CHUNK_CRLF = -15,
	HTTP_ERR_TRAILER = -16,
	HTTP_ERR_TRAILERS_TOO_LARGE = -17,
	HTTP_ERR_NO_RESPONSE = -18,
	HTTP_ERR_TRUNCATED_HEADERS = -19,
	HTTP_ERR_TRUNCATED_BODY = -20,
	HTTP_ERR_TRUNCATED_CHUNKED = -21,
	HTTP_ERR_ABORTED = -22,
};

/* How the body of the message is delimited; decided when the headers end. */
enum http_framing {
	HTTP_BODY_NONE,			/* HEAD, 1xx, 204, 304: no body at all */
	HTTP_BODY_LENGTH,		/* exactly content_length bytes */
	HTTP_BODY_CHUNKED,		/* Transfer-Encoding: chunked */
	HTTP_BODY_CLOSE,		/* everything until the connection closes */
};

/* Receives body bytes (after any chunked framing is removed) in order.
 * Returns 0 to go on; anything else stops the parse with HTTP_ERR_ABORTED
 * and is kept in http_response.body_error. */
typedef int http_body_fn(void *ctx, const uint8_t *data, size_t len);

/* A Content-Range header: "bytes START-END/TOTAL", where TOTAL may be "*"
 * (unknown) or, in an unsatisfied-range answer, the range itself is "*". */
struct http_content_range {
	bool present;			/* a well-formed Content-Range was seen */
	bool has_range;			/* start and end are set (not "*") */
	bool has_total;			/* total is set (not "*") */
	uint64_t start, end;		/* inclusive, as on the wire */
	uint64_t total;
};

struct http_response {
	/* Results. The status fields are set once the status line is parsed,
	 * the rest once headers_done is true; a skipped 1xx response leaves
	 * nothing behind but interim_count. */
	bool headers_done;
	int status;				/* 100..599 */
	uint8_t version_minor;			/* HTTP/1.x: 0, or >= 1 for 1.1 */
	char status_line[HTTP_STATUS_LINE_MAX];	/* "HTTP/1.1 404 Not Found" */
	char reason[HTTP_REASON_MAX];		/* "Not Found" */
	bool has_location;
	char location[HTTP_LOCATION_MAX + 1];
	char content_type[HTTP_CONTENT_TYPE_MAX];	/* "" when absent */
	bool has_content_length;
	uint64_t content_length;	/* also for HEAD, 304; never with chunked */
	bool chunked;			/* framing == HTTP_BODY_CHUNKED */
	enum http_framing framing;
	bool conn_close;		/* Connection: close */
	bool conn_keep_alive;		/* Connection: keep-alive */
	bool keep_alive;		/* the server means to keep the connection */
	struct http_content_range range;
	uint64_t body_received;		/* body bytes handed to the callback */
	unsigned interim_count;		/* 1xx responses skipped */
	int body_error;			/* the callback's value for HTTP_ERR_ABORTED */

	/* Parser state: private to http_response.c. */
	struct {
		int state;
		int error;		/* the sticky error, once in error */
		bool head_request;
		bool cr;		/* a CR was seen: the next byte must be LF */
		bool started;		/* a status line began (not only blank lines) */
		bool te_other;		/* a transfer coding other than chunked */
		bool te_chunked_last;	/* chunked was the last coding seen */
		unsigned te_chunked;	/* how many times chunked was listed */
		bool cl_invalid;	/* a Content-Length was not a valid number */
		bool cl_conflict;	/* two Content-Lengths disagreed */
		bool range_invalid;	/* a Content-Range was malformed */
		unsigned digits;	/* hex digits of the chunk size so far */
		uint32_t header_bytes;	/* bytes of all header sections so far */
		uint32_t line_bytes;	/* bytes of a chunk-size line or trailers */
		uint64_t remaining;	/* body or chunk bytes still to come */
		size_t line_len;
		char line[HTTP_LINE_MAX];	/* the header line being read */
	} p;
};

/* Prepares r for one response; head_request says the request was HEAD, so
 * the response has no body whatever its headers say. */
void http_response_init(struct http_response *r, bool head_request);

/* Feeds len bytes of the connection. Body bytes go to on_body (which may be
 * NULL to discard them). Returns HTTP_PARSE_MORE when every byte was used
 * and the message needs more; HTTP_PARSE_DONE when the message is complete,
 * with *consumed saying how many of the bytes belonged to it (the rest
 * start the next response: init a fresh parser for them); or a negative
 * error, which every later call returns again. consumed may be NULL. */
int http_response_feed(struct http_response *r, const uint8_t *data, size_t len,
		       size_t *consumed, http_body_fn *on_body, void *ctx);

/* The connection closed. Completes a body delimited by the close and
 * returns HTTP_PARSE_DONE; any other unfinished message is an error
 * (HTTP_ERR_TRUNCATED_BODY, HTTP_ERR_TRUNCATED_CHUNKED, ...). */
int http_response_eof(struct http_response *r);

/* Whether the connection may carry another request: the message is
 * complete and neither side of it asked for the connection to close. */
bool http_response_reusable(const struct http_response *r);

/* Whether err says the connection closed before the message was complete,
 * which a caller may answer by retrying or resuming with a Range request. */
bool http_error_is_truncation(int err);

/* A human message for a result or error: "header line too long". */
const char *http_strerror(int err);

#endif
