/* libFuzzer target for the HTTP response parser (net/http_response.c). The
 * first bytes of the input choose HEAD or not and the sizes of the pieces
 * the rest is fed in; the rest is a connection's bytes, parsed as one
 * response after another until it runs out, then closed. The same bytes
 * are parsed again all at once, and both runs must agree message by
 * message: how a connection splits its bytes must never change the
 * result. Along the way the parser's promises are checked: body bytes come
 * from the piece being fed, never outnumber Content-Length, and add up to
 * it when the message is complete. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../net/http_response.h"

#define SEEDS 4
#define MAX_MESSAGES 8

/* One message's outcome, compared between the two runs. */
struct outcome {
	int rc;
	size_t consumed;
	int status;
	int framing;
	uint64_t body_len;
	uint64_t body_hash;
};

/* Whether two runs ended one message alike. */
static bool same_outcome(const struct outcome *a, const struct outcome *b)
{
	return a->rc == b->rc && a->consumed == b->consumed && a->status == b->status &&
	       a->framing == b->framing && a->body_len == b->body_len &&
	       a->body_hash == b->body_hash;
}

/* The body callback's view: the piece being fed, and a running hash. */
struct sink {
	const uint8_t *piece;
	size_t piece_len;
	uint64_t len;
	uint64_t hash;
	const struct http_response *r;
};

/* Stops the fuzzer at a broken promise, wherever it was found. */
static void require(int ok)
{
	if (!ok)
		abort();
}

/* Checks the body bytes and folds them into the hash (FNV-1a). */
static int on_body(void *ctx, const uint8_t *data, size_t len)
{
	struct sink *s = ctx;

	require(len > 0);
	require(data >= s->piece && len <= s->piece_len &&
		(size_t)(data - s->piece) <= s->piece_len - len);
	s->len += len;
	for (size_t i = 0; i < len; i++)
		s->hash = (s->hash ^ data[i]) * 0x100000001b3ull;
	require(s->r->headers_done);
	if (s->r->framing == HTTP_BODY_LENGTH)
		require(s->len <= s->r->content_length);
	require(s->r->framing != HTTP_BODY_NONE);
	return 0;
}

/* Checks what must hold of r after any call that returned rc. */
static void check_state(const struct http_response *r, int rc, const struct sink *s)
{
	require(http_strerror(rc) != NULL && http_strerror(rc)[0]);
	require(rc <= HTTP_PARSE_DONE && rc >= HTTP_ERR_ABORTED);
	require(rc != HTTP_ERR_ABORTED);
	require(r->body_received == s->len);
	require(memchr(r->status_line, 0, sizeof(r->status_line)) != NULL);
	require(memchr(r->reason, 0, sizeof(r->reason)) != NULL);
	require(memchr(r->location, 0, sizeof(r->location)) != NULL);
	require(memchr(r->content_type, 0, sizeof(r->content_type)) != NULL);
	if (r->headers_done)
		require(r->status >= 100 && r->status <= 599);
	if (r->framing == HTTP_BODY_LENGTH) {
		require(r->has_content_length && r->body_received <= r->content_length);
		if (rc == HTTP_PARSE_DONE)
			require(r->body_received == r->content_length);
	}
	if (r->framing == HTTP_BODY_NONE)
		require(r->body_received == 0);
	if (http_response_reusable(r))
		require(rc == HTTP_PARSE_DONE && r->framing != HTTP_BODY_CLOSE);
	if (rc == HTTP_PARSE_DONE)
		require(r->headers_done);
}

/* The size of the next piece: one of the seeds in turn, 0 meaning all. */
static size_t next_piece(const uint8_t *seeds, unsigned *turn, size_t left)
{
	size_t n = seeds ? seeds[(*turn)++ % SEEDS] : 0;
	return n && n < left ? n : left;
}

/* Parses one message from data at *off, in pieces; returns its outcome. */
static struct outcome parse_message(struct http_response *r, bool head, const uint8_t *data,
				    size_t len, size_t *off, const uint8_t *seeds,
				    unsigned *turn)
{
	struct sink s = { .hash = 0xcbf29ce484222325ull, .r = r };
	struct outcome o = { .rc = HTTP_PARSE_MORE };
	size_t start = *off;

	http_response_init(r, head);
	while (*off < len && o.rc == HTTP_PARSE_MORE) {
		size_t n = next_piece(seeds, turn, len - *off), used = 12345;
		s.piece = data + *off;
		s.piece_len = n;
		o.rc = http_response_feed(r, data + *off, n, &used, on_body, &s);
		require(used <= n);
		if (o.rc == HTTP_PARSE_MORE)
			require(used == n);
		*off += used;
		check_state(r, o.rc, &s);
	}
	if (o.rc == HTTP_PARSE_MORE) {
		o.rc = http_response_eof(r);
		require(o.rc != HTTP_PARSE_MORE);
		check_state(r, o.rc, &s);
		if (o.rc == HTTP_ERR_TRUNCATED_BODY || o.rc == HTTP_ERR_TRUNCATED_CHUNKED)
			require(!http_response_reusable(r));
	}
	/* Errors stick; a finished message takes no more bytes. */
	size_t used = 1;
	require(http_response_feed(r, data, len ? 1 : 0, &used, NULL, NULL) == o.rc);
	require(o.rc < 0 || used == 0);
	require(http_response_eof(r) == o.rc);

	o.consumed = *off - start;
	o.status = r->status;
	o.framing = (int)r->framing;
	o.body_len = s.len;
	o.body_hash = s.hash;
	return o;
}

/* Parses responses one after another until the input ends or one fails;
 * returns how many outcomes it wrote. */
static int parse_all(struct http_response *r, bool head, const uint8_t *data, size_t len,
		     const uint8_t *seeds, struct outcome *out)
{
	size_t off = 0;
	unsigned turn = 0;
	int count = 0;

	do {
		out[count] = parse_message(r, head, data, len, &off, seeds, &turn);
	} while (out[count++].rc == HTTP_PARSE_DONE && off < len && count < MAX_MESSAGES);
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *input, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *input, size_t size)
{
	static struct http_response r;	/* big: keep it off the stack */
	struct outcome pieces[MAX_MESSAGES], whole[MAX_MESSAGES];

	if (size < 1 + SEEDS)
		return 0;
	bool head = input[0] & 1;
	const uint8_t *seeds = input + 1;
	const uint8_t *data = input + 1 + SEEDS;
	size_t len = size - 1 - SEEDS;

	int n = parse_all(&r, head, data, len, seeds, pieces);
	int m = parse_all(&r, head, data, len, NULL, whole);
	require(n == m);
	for (int i = 0; i < n; i++)
		require(same_outcome(&pieces[i], &whole[i]));
	return 0;
}
