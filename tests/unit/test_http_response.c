/* The HTTP response parser against the responses a boot server sends: fixed
 * lengths, chunked bodies, redirects, keep-alive, and the broken ones it
 * must refuse, fed whole, byte by byte and split at every boundary. */
#include <stdio.h>
#include "../../net/http_response.h"
#include "test.h"

#define BODY_MAX 8192

/* What one parse produced. */
struct parsed {
	int rc;				/* last feed or eof result */
	size_t consumed;		/* bytes of the input the message used */
	size_t body_len;
	char body[BODY_MAX + 1];
};

/* Collects body bytes into a struct parsed. */
static int collect(void *ctx, const uint8_t *data, size_t len)
{
	struct parsed *p = ctx;

	if (len > BODY_MAX - p->body_len)
		return -1;
	memcpy(p->body + p->body_len, data, len);
	p->body_len += len;
	p->body[p->body_len] = '\0';
	return 0;
}

/* Feeds text in pieces of step bytes (0: all at once) until the message
 * ends or fails; with eof, signals the close when it still needs more. */
static void parse_in_steps(struct http_response *r, const char *text, size_t len,
			   size_t step, bool head, bool eof, struct parsed *p)
{
	size_t off = 0;

	http_response_init(r, head);
	memset(p, 0, sizeof(*p));
	p->rc = HTTP_PARSE_MORE;
	while (off < len && p->rc == HTTP_PARSE_MORE) {
		size_t n = step && step < len - off ? step : len - off, used = 0;
		p->rc = http_response_feed(r, (const uint8_t *)text + off, n, &used, collect, p);
		off += used;
	}
	p->consumed = off;
	if (eof && p->rc == HTTP_PARSE_MORE)
		p->rc = http_response_eof(r);
}

/* Parses a whole string at once, without signalling EOF. */
static int parse(struct http_response *r, const char *text, struct parsed *p)
{
	parse_in_steps(r, text, strlen(text), 0, false, false, p);
	return p->rc;
}

/* Parses a whole string and then signals EOF. */
static int parse_eof(struct http_response *r, const char *text, struct parsed *p)
{
	parse_in_steps(r, text, strlen(text), 0, false, true, p);
	return p->rc;
}

static struct http_response resp;
static struct parsed out;

static const char ok_200[] = "HTTP/1.1 200 OK\r\n"
			     "Content-Type: application/octet-stream\r\n"
			     "Content-Length: 11\r\n"
			     "\r\n"
			     "hello world";

TEST(http_200_content_length_all_at_once)
{
	CHECK(parse(&resp, ok_200, &out) == HTTP_PARSE_DONE);
	CHECK(out.consumed == strlen(ok_200));
	CHECK_STR(out.body, "hello world");
	CHECK(resp.status == 200);
	CHECK(resp.version_minor == 1);
	CHECK_STR(resp.reason, "OK");
	CHECK_STR(resp.status_line, "HTTP/1.1 200 OK");
	CHECK_STR(resp.content_type, "application/octet-stream");
	CHECK(resp.has_content_length && resp.content_length == 11);
	CHECK(resp.framing == HTTP_BODY_LENGTH && !resp.chunked);
	CHECK(resp.body_received == 11);
	CHECK(http_response_reusable(&resp));
}

TEST(http_200_content_length_any_piece_size_same_result)
{
	for (size_t step = 1; step <= sizeof(ok_200); step++) {
		parse_in_steps(&resp, ok_200, strlen(ok_200), step, false, false, &out);
		CHECK(out.rc == HTTP_PARSE_DONE);
		CHECK(out.consumed == strlen(ok_200));
		CHECK_STR(out.body, "hello world");
		CHECK(resp.status == 200 && resp.content_length == 11);
	}
}

TEST(http_content_length_zero_is_done_at_headers)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(out.body_len == 0);
	CHECK(http_response_reusable(&resp));
}

static const char chunked[] = "HTTP/1.1 200 OK\r\n"
			      "Transfer-Encoding: chunked\r\n"
			      "\r\n"
			      "5;name=value\r\n"
			      "hello\r\n"
			      "1 ; ext=\"q;uoted\"\r\n"
			      " \r\n"
			      "A\r\n"
			      "0123456789\r\n"
			      "0\r\n"
			      "X-Checksum: abc\r\n"
			      "X-Other: def\r\n"
			      "\r\n";

TEST(http_chunked_with_extensions_and_trailers)
{
	CHECK(parse(&resp, chunked, &out) == HTTP_PARSE_DONE);
	CHECK(out.consumed == strlen(chunked));
	CHECK_STR(out.body, "hello 0123456789");
	CHECK(resp.chunked && resp.framing == HTTP_BODY_CHUNKED);
	CHECK(!resp.has_content_length);
	CHECK(http_response_reusable(&resp));
}

TEST(http_chunked_split_at_every_boundary)
{
	size_t len = strlen(chunked);
	struct parsed *p = &out;

	for (size_t i = 0; i <= len; i++) {
		for (size_t j = i; j <= len; j++) {
			size_t cuts[] = { 0, i, j, len }, off = 0;
			http_response_init(&resp, false);
			memset(p, 0, sizeof(*p));
			p->rc = HTTP_PARSE_MORE;
			for (int k = 0; k < 3 && p->rc == HTTP_PARSE_MORE; k++) {
				size_t used = 0;
				p->rc = http_response_feed(&resp, (const uint8_t *)chunked + cuts[k],
							   cuts[k + 1] - cuts[k], &used,
							   collect, p);
				off += used;
			}
			if (!CHECK(p->rc == HTTP_PARSE_DONE && off == len &&
				   strcmp(p->body, "hello 0123456789") == 0)) {
				printf("    split at %zu and %zu\n", i, j);
				return;
			}
		}
	}
}

TEST(http_chunked_hex_sizes_either_case)
{
	char text[256 + 128];
	char body[0xab + 1];

	memset(body, 'x', 0xab);
	body[0xab] = '\0';
	snprintf(text, sizeof(text),
		 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
		 "aB\r\n%s\r\n00\r\n\r\n", body);
	CHECK(parse(&resp, text, &out) == HTTP_PARSE_DONE);
	CHECK(out.body_len == 0xab);
	CHECK_STR(out.body, body);
}

TEST(http_chunked_overrides_content_length_and_closes)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n"
			   "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
		    &out) == HTTP_PARSE_DONE);
	CHECK_STR(out.body, "abc");
	CHECK(resp.chunked && !resp.has_content_length);
	/* Both framings in one message: do not trust the connection after it. */
	CHECK(!http_response_reusable(&resp));
	/* A bad Content-Length is ignored once chunked decides the length. */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: oops\r\n"
			   "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		    &out) == HTTP_PARSE_DONE);
}

TEST(http_unsupported_transfer_codings_refused)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx", &out) ==
	      HTTP_ERR_TRANSFER_ENCODING);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
		    &out) == HTTP_ERR_TRANSFER_ENCODING);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
			   "Transfer-Encoding: chunked\r\n\r\n", &out) ==
	      HTTP_ERR_TRANSFER_ENCODING);
	CHECK(parse(&resp, "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", &out) ==
	      HTTP_ERR_TE_HTTP10);
	/* Codings are case-insensitive and may be split over two headers. */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n"
			   "transfer-encoding: CHUNKED\r\n\r\n0\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK_STR(http_strerror(HTTP_ERR_TRANSFER_ENCODING),
		  "unsupported Transfer-Encoding (only chunked is understood)");
}

TEST(http_404_status_line_captured)
{
	CHECK(parse(&resp, "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found",
		    &out) == HTTP_PARSE_DONE);
	CHECK(resp.status == 404);
	CHECK_STR(resp.status_line, "HTTP/1.1 404 Not Found");
	CHECK_STR(resp.reason, "Not Found");
	CHECK_STR(out.body, "not found");
}

TEST(http_status_line_without_reason_and_odd_bytes)
{
	CHECK(parse(&resp, "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(resp.status == 200);
	CHECK_STR(resp.reason, "");
	/* Control bytes are not copied through to error messages. */
	CHECK(parse(&resp, "HTTP/1.1 500 Bad\x01\xff Thing\r\n\r\n", &out) == HTTP_PARSE_MORE);
	CHECK_STR(resp.status_line, "HTTP/1.1 500 Bad?? Thing");
	/* Long reasons are cut to fit. */
	char text[400];
	snprintf(text, sizeof(text), "HTTP/1.1 503 %0300d\r\n\r\n", 0);
	CHECK(parse(&resp, text, &out) == HTTP_PARSE_MORE);
	CHECK(strlen(resp.reason) == HTTP_REASON_MAX - 1);
	CHECK(strlen(resp.status_line) == HTTP_STATUS_LINE_MAX - 1);
}

TEST(http_garbage_status_lines_refused)
{
	static const char *const bad[] = {
		"FOO\r\n\r\n",
		"http/1.1 200 OK\r\n\r\n",
		"HTTP/1.1 20 OK\r\n\r\n",
		"HTTP/1.1 2000 OK\r\n\r\n",
		"HTTP/1.1 200OK\r\n\r\n",
		"HTTP/1.1 099 Low\r\n\r\n",
		"HTTP/1.1 600 High\r\n\r\n",
		"HTTP/1.1\r\n\r\n",
		"HTTP/11 200 OK\r\n\r\n",
		"HTTP/1.1  \r\n\r\n",
		"HTTP/1.1 200 OK\rX\n\r\n",
		"<html>\r\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!CHECK(parse(&resp, bad[i], &out) == HTTP_ERR_STATUS_LINE))
			printf("    input %zu: %s\n", i, http_strerror(out.rc));
	}
	CHECK(parse(&resp, "HTTP/2.0 200 OK\r\n\r\n", &out) == HTTP_ERR_VERSION);
	CHECK(parse(&resp, "HTTP/0.9 200 OK\r\n\r\n", &out) == HTTP_ERR_VERSION);
	CHECK_STR(resp.status_line, "HTTP/0.9 200 OK");
	/* The error sticks. */
	CHECK(http_response_feed(&resp, (const uint8_t *)"x", 1, NULL, NULL, NULL) ==
	      HTTP_ERR_VERSION);
	CHECK(http_response_eof(&resp) == HTTP_ERR_VERSION);
}

TEST(http_10_body_until_eof)
{
	const char *text = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it";

	CHECK(parse(&resp, text, &out) == HTTP_PARSE_MORE);
	CHECK(resp.headers_done && resp.framing == HTTP_BODY_CLOSE);
	CHECK(resp.version_minor == 0);
	CHECK(out.consumed == strlen(text));
	CHECK(http_response_feed(&resp, (const uint8_t *)" and more", 9, NULL, collect, &out) ==
	      HTTP_PARSE_MORE);
	CHECK(http_response_eof(&resp) == HTTP_PARSE_DONE);
	CHECK_STR(out.body, "all of it and more");
	CHECK(!http_response_reusable(&resp));
	/* HTTP/1.1 without a length is read to the close too. */
	CHECK(parse_eof(&resp, "HTTP/1.1 200 OK\r\n\r\nxyz", &out) == HTTP_PARSE_DONE);
	CHECK_STR(out.body, "xyz");
	CHECK(!http_response_reusable(&resp));
}

TEST(http_connection_header_and_version_decide_reuse)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
		    &out) == HTTP_PARSE_DONE);
	CHECK(resp.conn_close && !http_response_reusable(&resp));
	CHECK(parse(&resp, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(!http_response_reusable(&resp));
	CHECK(parse(&resp, "HTTP/1.0 200 OK\r\nconnection: Upgrade, Keep-Alive\r\n"
			   "Content-Length: 0\r\n\r\n", &out) == HTTP_PARSE_DONE);
	CHECK(resp.conn_keep_alive && http_response_reusable(&resp));
	/* Not reusable before the message is complete. */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", &out) ==
	      HTTP_PARSE_MORE);
	CHECK(resp.keep_alive && !http_response_reusable(&resp));
}

TEST(http_keep_alive_two_pipelined_responses)
{
	const char *text = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
			   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
			   "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
	const uint8_t *data = (const uint8_t *)text;
	size_t len = strlen(text), used = 0;

	memset(&out, 0, sizeof(out));
	http_response_init(&resp, false);
	CHECK(http_response_feed(&resp, data, len, &used, collect, &out) == HTTP_PARSE_DONE);
	CHECK(used == strlen("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"));
	CHECK(http_response_reusable(&resp));
	/* Feeding a finished message uses nothing more. */
	size_t again = 99;
	CHECK(http_response_feed(&resp, data + used, len - used, &again, collect, &out) ==
	      HTTP_PARSE_DONE);
	CHECK(again == 0);

	data += used;
	len -= used;
	http_response_init(&resp, false);
	CHECK(http_response_feed(&resp, data, len, &used, collect, &out) == HTTP_PARSE_DONE);
	CHECK(resp.chunked && http_response_reusable(&resp));
	CHECK_STR(out.body, "abcde");

	data += used;
	len -= used;
	http_response_init(&resp, false);
	CHECK(http_response_feed(&resp, data, len, &used, collect, &out) == HTTP_PARSE_DONE);
	CHECK(used == len && resp.status == 404);
}

TEST(http_head_response_has_no_body)
{
	const char *text = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
	const char *more = "HTTP/1.1 200 OK\r\n";

	http_response_init(&resp, true);
	memset(&out, 0, sizeof(out));
	char buf[128];
	snprintf(buf, sizeof(buf), "%s%s", text, more);
	size_t used = 0;
	CHECK(http_response_feed(&resp, (const uint8_t *)buf, strlen(buf), &used, collect,
				 &out) == HTTP_PARSE_DONE);
	CHECK(used == strlen(text));
	CHECK(resp.has_content_length && resp.content_length == 1234);
	CHECK(resp.framing == HTTP_BODY_NONE && out.body_len == 0);
	CHECK(http_response_reusable(&resp));
	/* Transfer codings do not matter when there is no body. */
	const char *gzip = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n";
	parse_in_steps(&resp, gzip, strlen(gzip), 0, true, false, &out);
	CHECK(out.rc == HTTP_PARSE_DONE);
}

TEST(http_204_and_304_have_no_body)
{
	CHECK(parse(&resp, "HTTP/1.1 204 No Content\r\n\r\nHTTP", &out) == HTTP_PARSE_DONE);
	CHECK(out.consumed == strlen("HTTP/1.1 204 No Content\r\n\r\n"));
	CHECK(resp.framing == HTTP_BODY_NONE);
	CHECK(parse(&resp, "HTTP/1.1 304 Not Modified\r\nContent-Length: 500\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(resp.status == 304 && resp.content_length == 500 && out.body_len == 0);
	CHECK(http_response_reusable(&resp));
}

TEST(http_100_continue_skipped)
{
	const char *text = "HTTP/1.1 100 Continue\r\n\r\n"
			   "HTTP/1.1 102 Processing\r\nX-Progress: 1\r\n\r\n"
			   "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";

	for (size_t step = 0; step < 4; step++) {
		parse_in_steps(&resp, text, strlen(text), step, false, false, &out);
		CHECK(out.rc == HTTP_PARSE_DONE);
		CHECK(resp.status == 201 && resp.interim_count == 2);
		CHECK_STR(resp.status_line, "HTTP/1.1 201 Created");
		CHECK_STR(out.body, "ok");
	}
	/* Closing after only an interim response truncates the headers. */
	CHECK(parse_eof(&resp, "HTTP/1.1 100 Continue\r\n\r\n", &out) ==
	      HTTP_ERR_TRUNCATED_HEADERS);
	/* 101 is final: nothing after it is HTTP any more. */
	CHECK(parse(&resp, "HTTP/1.1 101 Switching Protocols\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(resp.status == 101 && !http_response_reusable(&resp));
}

TEST(http_301_with_location)
{
	CHECK(parse(&resp, "HTTP/1.1 301 Moved Permanently\r\n"
			   "LOCATION:   http://boot.example/new/path?x=1  \r\n"
			   "Content-Length: 0\r\n\r\n", &out) == HTTP_PARSE_DONE);
	CHECK(resp.status == 301 && resp.has_location);
	CHECK_STR(resp.location, "http://boot.example/new/path?x=1");
}

TEST(http_location_limit)
{
	static char text[HTTP_LOCATION_MAX + 200];
	char url[HTTP_LOCATION_MAX + 2];

	memset(url, 'a', sizeof(url) - 1);
	url[HTTP_LOCATION_MAX] = '\0';
	snprintf(text, sizeof(text), "HTTP/1.1 302 Found\r\nLocation: %s\r\n\r\n", url);
	CHECK(parse(&resp, text, &out) == HTTP_PARSE_MORE);
	CHECK(resp.headers_done);
	CHECK(strlen(resp.location) == HTTP_LOCATION_MAX);
	url[HTTP_LOCATION_MAX] = 'a';
	url[HTTP_LOCATION_MAX + 1] = '\0';
	snprintf(text, sizeof(text), "HTTP/1.1 302 Found\r\nLocation: %s\r\n\r\n", url);
	CHECK(parse(&resp, text, &out) == HTTP_ERR_LOCATION_TOO_LONG);
	CHECK_STR(http_strerror(out.rc), "Location header too long");
}

TEST(http_header_folding_joined)
{
	const char *text = "HTTP/1.1 302 Found\r\n"
			   "Location: http://boot.example/\r\n"
			   "\t  folded/path\r\n"
			   "Content-Type: text/plain;\r\n"
			   "   charset=utf-8\r\n"
			   " \r\n"
			   "Content-Length:\r\n"
			   " 4\r\n"
			   "\r\n"
			   "body";

	for (size_t step = 0; step < 3; step++) {
		parse_in_steps(&resp, text, strlen(text), step, false, false, &out);
		CHECK(out.rc == HTTP_PARSE_DONE);
		CHECK_STR(resp.location, "http://boot.example/ folded/path");
		CHECK_STR(resp.content_type, "text/plain; charset=utf-8");
		CHECK(resp.content_length == 4);
		CHECK_STR(out.body, "body");
	}
	/* A continuation line with nothing to continue is malformed. */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\n folded: no\r\n\r\n", &out) ==
	      HTTP_ERR_HEADER_SYNTAX);
}

TEST(http_malformed_header_lines_refused)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", &out) ==
	      HTTP_ERR_HEADER_SYNTAX);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n", &out) ==
	      HTTP_ERR_HEADER_SYNTAX);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n", &out) ==
	      HTTP_ERR_HEADER_SYNTAX);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n", &out) ==
	      HTTP_ERR_HEADER_SYNTAX);
	static const char nul[] = "HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n";
	parse_in_steps(&resp, nul, sizeof(nul) - 1, 0, false, false, &out);
	CHECK(out.rc == HTTP_ERR_HEADER_SYNTAX);
	CHECK_STR(http_strerror(HTTP_ERR_HEADER_SYNTAX), "malformed header line");
}

TEST(http_content_length_values)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\n",
		    &out) == HTTP_PARSE_MORE);
	CHECK(resp.content_length == 9223372036854775807ull);
	static const char *const bad[] = {
		"9223372036854775808", "99999999999999999999999999", "-1", "+5", "12abc",
		"abc", "", "1 2", "0x10", "5,",
	};
	char text[128];
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "HTTP/1.1 200 OK\r\nContent-Length: %s\r\n\r\n",
			 bad[i]);
		int rc = parse(&resp, text, &out);
		if (i == 9) {
			/* "5," is the list of one value 5. */
			CHECK(rc == HTTP_PARSE_MORE && resp.content_length == 5);
			continue;
		}
		if (!CHECK(rc == HTTP_ERR_CONTENT_LENGTH))
			printf("    Content-Length: %s\n", bad[i]);
	}
	CHECK_STR(http_strerror(HTTP_ERR_CONTENT_LENGTH), "invalid Content-Length");
}

TEST(http_duplicate_content_length)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\ncontent-length: 3\r\n"
			   "\r\nabc", &out) == HTTP_PARSE_DONE);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n"
			   "\r\nabcd", &out) == HTTP_ERR_CONTENT_LENGTH_CONFLICT);
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 3, 30\r\n\r\nabc", &out) ==
	      HTTP_ERR_CONTENT_LENGTH_CONFLICT);
	CHECK(out.body_len == 0);
}

TEST(http_chunk_size_errors)
{
	static const struct {
		const char *body;
		int rc;
	} cases[] = {
		{ "8000000000000000\r\n", HTTP_ERR_CHUNK_TOO_LARGE },
		{ "fffffffffffffffffff\r\n", HTTP_ERR_CHUNK_TOO_LARGE },
		{ "g\r\n", HTTP_ERR_CHUNK_SIZE },
		{ "\r\n", HTTP_ERR_CHUNK_SIZE },
		{ " 5\r\n", HTTP_ERR_CHUNK_SIZE },
		{ ";x\r\n", HTTP_ERR_CHUNK_SIZE },
		{ "5 5\r\n", HTTP_ERR_CHUNK_SIZE },
		{ "-1\r\n", HTTP_ERR_CHUNK_SIZE },
		{ "5\rx", HTTP_ERR_CHUNK_SIZE },
		{ "3\r\nabcX\r\n", HTTP_ERR_CHUNK_CRLF },
		{ "3\r\nabc\rX", HTTP_ERR_CHUNK_CRLF },
		{ "0\r\nX-T: 1\rX", HTTP_ERR_TRAILER },
	};
	char text[256];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
			 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%s", cases[i].body);
		if (!CHECK(parse(&resp, text, &out) == cases[i].rc))
			printf("    chunked body \"%s\": %s\n", cases[i].body, http_strerror(out.rc));
	}
	/* The largest size parses (and then needs its data). */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			   "7fffffffffffffff\r\nab", &out) == HTTP_PARSE_MORE);
	CHECK_STR(http_strerror(HTTP_ERR_CHUNK_SIZE), "malformed chunk size");
	CHECK_STR(http_strerror(HTTP_ERR_CHUNK_CRLF), "missing CRLF after chunk data");
}

TEST(http_chunk_line_limit)
{
	static char text[HTTP_LINE_MAX + 256];
	size_t n;

	/* Leading zeros and a long extension are fine within the limit. */
	n = (size_t)snprintf(text, sizeof(text),
			     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
	memset(text + n, '0', 100);
	n += 100;
	n += (size_t)snprintf(text + n, sizeof(text) - n, "3;");
	memset(text + n, 'e', HTTP_LINE_MAX - 200);
	n += HTTP_LINE_MAX - 200;
	strcpy(text + n, "\r\nabc\r\n0\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_PARSE_DONE);
	CHECK_STR(out.body, "abc");
	/* A chunk-size line that never ends is cut off. */
	memset(text + n, 'e', 200);
	strcpy(text + n + 200, "\r\nabc\r\n0\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_CHUNK_LINE_TOO_LONG);
	CHECK_STR(http_strerror(out.rc), "chunk size line too long");
}

TEST(http_truncated_body_at_eof)
{
	CHECK(parse_eof(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly some", &out) ==
	      HTTP_ERR_TRUNCATED_BODY);
	CHECK_STR(out.body, "only some");
	CHECK(resp.body_received == 9);
	CHECK(http_error_is_truncation(out.rc));
	CHECK(!http_response_reusable(&resp));
	CHECK_STR(http_strerror(out.rc),
		  "response body shorter than Content-Length (connection closed early)");
	/* Later calls keep saying so. */
	CHECK(http_response_eof(&resp) == HTTP_ERR_TRUNCATED_BODY);
	CHECK(http_response_feed(&resp, (const uint8_t *)"x", 1, NULL, NULL, NULL) ==
	      HTTP_ERR_TRUNCATED_BODY);
}

TEST(http_truncated_chunked_at_eof)
{
	static const char *const cut[] = {
		"", "5", "5\r", "5;x", "5\r\nhel", "5\r\nhello", "5\r\nhello\r", "5\r\nhello\r\n",
		"5\r\nhello\r\n0", "5\r\nhello\r\n0\r",
	};
	char text[256];
	for (size_t i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		snprintf(text, sizeof(text),
			 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%s", cut[i]);
		if (!CHECK(parse_eof(&resp, text, &out) == HTTP_ERR_TRUNCATED_CHUNKED))
			printf("    cut after \"%s\"\n", cut[i]);
	}
	CHECK(http_error_is_truncation(HTTP_ERR_TRUNCATED_CHUNKED));
	/* Once the last chunk is in, a close during the trailers loses nothing. */
	CHECK(parse_eof(&resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			       "2\r\nok\r\n0\r\nX-Trailer: y", &out) == HTTP_PARSE_DONE);
	CHECK_STR(out.body, "ok");
	CHECK(!http_response_reusable(&resp));
}

TEST(http_eof_before_or_during_headers)
{
	CHECK(parse_eof(&resp, "", &out) == HTTP_ERR_NO_RESPONSE);
	CHECK(parse_eof(&resp, "\r\n", &out) == HTTP_ERR_NO_RESPONSE);
	CHECK(parse_eof(&resp, "HTTP/1.1 20", &out) == HTTP_ERR_TRUNCATED_HEADERS);
	CHECK(parse_eof(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", &out) ==
	      HTTP_ERR_TRUNCATED_HEADERS);
	CHECK(parse_eof(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r", &out) ==
	      HTTP_ERR_TRUNCATED_HEADERS);
	CHECK(!resp.headers_done);
	CHECK_STR(http_strerror(HTTP_ERR_TRUNCATED_HEADERS),
		  "connection closed before the response headers were complete");
}

TEST(http_header_limits)
{
	static char text[HTTP_HEADERS_MAX + 4096];
	size_t n;

	/* One line of exactly the limit is fine; one byte more is not. */
	n = (size_t)snprintf(text, sizeof(text), "HTTP/1.1 200 OK\r\nX-Big: ");
	memset(text + n, 'b', HTTP_LINE_MAX - 7);
	strcpy(text + n + HTTP_LINE_MAX - 7, "\r\nContent-Length: 0\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_PARSE_DONE);
	n = (size_t)snprintf(text, sizeof(text), "HTTP/1.1 200 OK\r\nX-Big: ");
	memset(text + n, 'b', HTTP_LINE_MAX - 6);
	strcpy(text + n + HTTP_LINE_MAX - 6, "\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_LINE_TOO_LONG);
	CHECK_STR(http_strerror(out.rc), "header line too long");

	/* Folding counts towards the line. */
	n = (size_t)snprintf(text, sizeof(text), "HTTP/1.1 200 OK\r\nX-Big: a");
	for (int i = 0; i < 3000; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "\r\n abc");
	strcpy(text + n, "\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_LINE_TOO_LONG);

	/* Many short headers run into the section limit. */
	n = (size_t)snprintf(text, sizeof(text), "HTTP/1.1 200 OK\r\n");
	while (n < HTTP_HEADERS_MAX + 100)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "X-Filler: 0123456789\r\n");
	strcpy(text + n, "\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_HEADERS_TOO_LARGE);

	/* Interim responses share the limit, so they cannot go on for ever. */
	n = 0;
	while (n < HTTP_HEADERS_MAX + 100)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "HTTP/1.1 100 Continue\r\n\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_HEADERS_TOO_LARGE);

	/* Trailers have a limit of their own. */
	n = (size_t)snprintf(text, sizeof(text),
			     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n");
	while (n < HTTP_HEADERS_MAX + 200)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "X-Trailer: 0123456789\r\n");
	strcpy(text + n, "\r\n");
	CHECK(parse(&resp, text, &out) == HTTP_ERR_TRAILERS_TOO_LARGE);
}

TEST(http_bare_lf_line_endings)
{
	const char *text = "HTTP/1.1 200 OK\n"
			   "Transfer-Encoding: chunked\n"
			   "X-Folded: a\n b\n"
			   "\n"
			   "4\nabcd\n"
			   "3;ext\r\nefg\r\n"
			   "0\n"
			   "T: x\n"
			   "\n"
			   "tail";

	for (size_t step = 0; step < 3; step++) {
		parse_in_steps(&resp, text, strlen(text), step, false, false, &out);
		CHECK(out.rc == HTTP_PARSE_DONE);
		CHECK(out.consumed == strlen(text) - 4);
		CHECK_STR(out.body, "abcdefg");
	}
	CHECK(parse(&resp, "\r\n\nHTTP/1.1 200 OK\nContent-Length: 1\n\nz", &out) ==
	      HTTP_PARSE_DONE);
	CHECK_STR(out.body, "z");
}

TEST(http_content_range_206)
{
	CHECK(parse(&resp, "HTTP/1.1 206 Partial Content\r\n"
			   "Content-Range: bytes 100-104/1000\r\n"
			   "Content-Length: 5\r\n\r\n01234", &out) == HTTP_PARSE_DONE);
	CHECK(resp.range.present && resp.range.has_range && resp.range.has_total);
	CHECK(resp.range.start == 100 && resp.range.end == 104 && resp.range.total == 1000);
	CHECK_STR(out.body, "01234");

	CHECK(parse(&resp, "HTTP/1.1 206 Partial Content\r\n"
			   "Content-Range: BYTES 0-0/*\r\nContent-Length: 1\r\n\r\nx", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(resp.range.has_range && !resp.range.has_total && resp.range.end == 0);

	CHECK(parse(&resp, "HTTP/1.1 416 Range Not Satisfiable\r\n"
			   "Content-Range: bytes */1000\r\nContent-Length: 0\r\n\r\n", &out) ==
	      HTTP_PARSE_DONE);
	CHECK(resp.range.present && !resp.range.has_range && resp.range.total == 1000);

	static const char *const bad[] = {
		"bytes 5-4/10", "bytes 0-10/10", "bytes 1-2", "items 1-2/3", "bytes -2/3",
		"bytes */*", "bytes 1-/3", "bytes 1-2/x",
	};
	char text[256];
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "HTTP/1.1 206 Partial Content\r\nContent-Range: %s\r\n"
			 "Content-Length: 2\r\n\r\nab", bad[i]);
		if (!CHECK(parse(&resp, text, &out) == HTTP_ERR_CONTENT_RANGE))
			printf("    Content-Range: %s\n", bad[i]);
		CHECK(!resp.range.present);
	}
	/* Outside a 206 a bad Content-Range is only ignored. */
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Range: nonsense\r\n"
			   "Content-Length: 0\r\n\r\n", &out) == HTTP_PARSE_DONE);
	CHECK(!resp.range.present);
}

TEST(http_callback_can_stop_the_body)
{
	CHECK(parse(&resp, "HTTP/1.1 200 OK\r\nContent-Length: 9000\r\n\r\n", &out) ==
	      HTTP_PARSE_MORE);
	static uint8_t big[BODY_MAX + 10];
	memset(big, 'z', sizeof(big));
	CHECK(http_response_feed(&resp, big, sizeof(big), NULL, collect, &out) ==
	      HTTP_ERR_ABORTED);
	CHECK(resp.body_error == -1);
	CHECK(http_response_eof(&resp) == HTTP_ERR_ABORTED);
	CHECK(!http_error_is_truncation(HTTP_ERR_ABORTED));
}

TEST(http_every_code_has_a_message)
{
	for (int err = HTTP_PARSE_DONE; err >= HTTP_ERR_ABORTED; err--) {
		const char *m = http_strerror(err);
		CHECK(m && m[0]);
		for (int other = err - 1; other >= HTTP_ERR_ABORTED; other--)
			CHECK(strcmp(m, http_strerror(other)) != 0);
	}
	CHECK_STR(http_strerror(-1000), "unknown HTTP response error");
}
