/* libFuzzer target for the TFTP client state machine. The input picks the
 * options asked for and a file name, then is a series of events: a
 * datagram (raw bytes, an OACK made of options near those asked for, or
 * a DATA block numbered near the one expected, so deep states are
 * reachable without guessing), from the server's port or a stranger's,
 * with the fake clock advancing between them; output and poll run after
 * each. Checked throughout: data arrives contiguous, never beyond tsize or
 * blksize; packets sent are well formed; an error always has its text;
 * and a silent server is given up on within a bounded time. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../net/tftp_session.h"

#define SERVER_TID 2000
#define OTHER_TID 3000

struct checker {
	const struct tftp_session *s;
	uint64_t next;		/* where the next block must start */
	unsigned calls;
};

#define require(cond) do { if (!(cond)) abort(); } while (0)

/* Receives data: contiguous, within blksize and tsize; reads every byte;
 * stops the transfer on a marker. */
static int on_data(void *ctx, uint64_t offset, const uint8_t *data, size_t len)
{
	struct checker *c = ctx;
	struct tftp_info info;
	size_t sum = 0;

	tftp_session_info(c->s, &info);
	require(offset == c->next);
	require(len > 0 && len <= info.blksize);
	require(!info.tsize_known || offset + len <= info.tsize);
	require(!tftp_session_done(c->s) && !tftp_session_error(c->s));
	for (size_t i = 0; i < len; i++)
		sum += data[i];
	require(sum <= len * 255);
	c->calls++;
	if (data[0] == 0xa5 && (len & 1))
		return 1; /* stop: the session delivers nothing more */
	c->next = offset + len;
	return 0;
}

/* Sends what the session has: at most a stranger's ERROR and our packet. */
static void drain(struct tftp_session *s, uint64_t now)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port;
	unsigned count = 0;
	size_t n;

	while ((n = tftp_session_output(s, buf, sizeof(buf), &port, now))) {
		require(n <= sizeof(buf) && n >= 4 && buf[0] == 0);
		require(buf[1] == 1 || buf[1] == 4 || buf[1] == 5);
		require(buf[1] != 4 || n == 4);
		require(buf[1] == 4 || buf[n - 1] == 0);
		require(port != 0);
		require(++count <= 2);
	}
	/* Asking again with a small buffer gives nothing and breaks nothing. */
	require(tftp_session_output(s, buf, 4, &port, now) == 0);
}

/* What must hold between events. */
static void check_state(const struct tftp_session *s, const struct checker *c)
{
	struct tftp_info info;
	const char *text = tftp_session_error_text(s);
	int err = tftp_session_error(s);

	tftp_session_info(s, &info);
	require(info.bytes == c->next);
	require(!info.tsize_known || info.bytes <= info.tsize);
	require(!(tftp_session_done(s) && err));
	require(strnlen(text, TFTP_ERROR_TEXT_MAX) < TFTP_ERROR_TEXT_MAX);
	require(!err || text[0]);
	require(tftp_strerror(err)[0]);
	require((err == TFTP_ERR_SERVER) == (tftp_session_server_code(s) >= 0));
	require(err <= 0 && err >= TFTP_ERR_ABORTED);
	for (const char *t = text; *t; t++)
		require(*t >= 0x20 && *t < 0x7f);
	require(info.rto_ms >= TFTP_RTO_MIN_MS && info.rto_ms <= TFTP_RTO_MAX_MS);
	require(info.blksize >= TFTP_BLKSIZE_MIN && info.blksize <= TFTP_BLKSIZE_MAX);
	require(info.windowsize >= 1 && info.windowsize <= TFTP_WINDOWSIZE_MAX);
}

static uint64_t time_step(const struct tftp_session *s, unsigned sel, uint64_t now)
{
	static const unsigned steps[] = { 0, 1, 10, 100, 500, 1000, 5000 };
	uint64_t t;

	if (sel < 7)
		return now + steps[sel];
	t = tftp_session_next_timeout(s);
	return t != UINT64_MAX && t > now ? t : now + 1;
}

/* A DATA block numbered near the expected one, filled with a pattern. */
static size_t make_data(uint8_t *buf, const struct tftp_session *s, int8_t delta, size_t len)
{
	/* Reads the private receive position to aim near it: test-only. */
	uint16_t block = (uint16_t)(s->last_block + 1 + delta);

	buf[0] = 0;
	buf[1] = 3;
	buf[2] = (uint8_t)(block >> 8);
	buf[3] = (uint8_t)block;
	for (size_t i = 0; i < len; i++)
		buf[4 + i] = (uint8_t)(i * 31 + block);
	return 4 + len;
}

/* Appends name and value (both with their NULs) to an OACK being built. */
static size_t put_pair(uint8_t *buf, size_t n, const char *name, const char *value)
{
	size_t a = strlen(name) + 1, b = strlen(value) + 1;

	memcpy(buf + n, name, a);
	memcpy(buf + n + a, value, b);
	return n + a + b;
}

/* An OACK built from two bytes: which options it carries (bit 4: one we
 * never ask for), and for each a value that is what we asked, less,
 * more, or not a number; so negotiation is reached without guessing. */
static size_t make_oack(uint8_t *buf, const struct tftp_options *o, uint8_t which,
			uint8_t how)
{
	static const char *const names[] = { "blksize", "windowsize", "tsize", "timeout" };
	const unsigned asked[] = { o->blksize, o->windowsize, 0, o->timeout_s };
	size_t n = 2;

	buf[0] = 0;
	buf[1] = 6;
	for (unsigned i = 0; i < 4; i++) {
		char value[24];
		unsigned sel = how >> (2 * i) & 3;
		unsigned long long v = i == 2 ? (unsigned long long)sel * sel * 700 :
				       sel == 1 ? asked[i] / 2 : sel == 2 ? asked[i] + 1 : asked[i];

		if (!(which >> i & 1))
			continue;
		if (sel == 3 && i != 2)
			strcpy(value, "x1");
		else
			snprintf(value, sizeof(value), "%llu", v);
		n = put_pair(buf, n, names[i], value);
	}
	if (which & 0x10)
		n = put_pair(buf, n, which & 0x20 ? "multicast" : "BLKSIZE", "512");
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned blksizes[] = { 0, 8, 512, 1024, 1428, 8192, 65464, 20 };
	static const unsigned windows[] = { 0, 1, 2, 4, 8, 16, 64, 65535 };
	static const uint16_t ports[] = { SERVER_TID, SERVER_TID, OTHER_TID, TFTP_PORT };
	static uint8_t pkt[4 + 65536];
	static struct tftp_session s;
	struct tftp_options o;
	struct checker c = { .s = &s };
	char name[800];
	const uint8_t *p = data, *end = data + size;
	uint64_t now = 0;
	size_t name_len;

	if (size < 3)
		return 0;
	memset(&o, 0, sizeof(o));
	o.blksize = blksizes[p[0] & 7];
	o.windowsize = windows[p[0] >> 3 & 7];
	o.ask_tsize = p[0] & 0x40;
	o.timeout_s = p[1] & 0x0f;
	o.max_retries = p[1] >> 4;
	name_len = (size_t)p[2] * 3;
	memset(name, 'n', name_len);
	name[name_len] = '\0';
	p += 3;

	if (tftp_session_init(&s, name, &o, now)) {
		require(tftp_session_error(&s) && tftp_session_error_text(&s)[0]);
		drain(&s, now);
		return 0;
	}
	drain(&s, now);
	while (p < end) {
		uint8_t ctl = *p++;
		unsigned kind = ctl >> 5;
		uint16_t port = ports[ctl >> 3 & 3];
		size_t len;

		now = time_step(&s, ctl & 7, now);
		if (kind == 4) {
			/* A near-expected DATA block: delta, then a length byte. */
			if (end - p < 2)
				break;
			len = (size_t)p[1] * 4 + (p[1] & 3);
			if (len > 65464 + 1)
				len = 65464 + 1;
			tftp_session_input(&s, pkt, make_data(pkt, &s, (int8_t)p[0], len), port, now,
					   on_data, &c);
			p += 2;
		} else if (kind == 3) {
			/* A synthesized OACK: which options, how their values look. */
			if (end - p < 2)
				break;
			tftp_session_input(&s, pkt, make_oack(pkt, &o, p[0], p[1]), port, now,
					   on_data, &c);
			p += 2;
		} else if (kind == 5) {
			tftp_session_poll(&s, now);
		} else if (kind == 6) {
			drain(&s, now);
		} else {
			/* Raw bytes, with a one-byte length (two for kind 7). */
			if (kind == 7) {
				if (end - p < 2)
					break;
				len = (size_t)(p[0] << 8 | p[1]);
				p += 2;
			} else {
				if (end - p < 1)
					break;
				len = *p++;
			}
			if (len > (size_t)(end - p))
				len = (size_t)(end - p);
			/* A copy of exactly len bytes, so ASan sees any overread. */
			uint8_t *copy = malloc(len ? len : 1);
			require(copy);
			memcpy(copy, p, len);
			tftp_session_input(&s, copy, len, port, now, on_data, &c);
			free(copy);
			p += len;
		}
		drain(&s, now);
		tftp_session_poll(&s, now);
		drain(&s, now);
		check_state(&s, &c);
	}

	/* The server falls silent: the session must give up, and soon. */
	if (!tftp_session_done(&s) && !tftp_session_error(&s)) {
		unsigned retries = o.max_retries ? o.max_retries : TFTP_DEFAULT_RETRIES;
		uint64_t start = now;

		for (unsigned i = 0; i <= retries + 1 && !tftp_session_error(&s); i++) {
			uint64_t t = tftp_session_next_timeout(&s);
			require(t != UINT64_MAX);
			now = t > now ? t : now;
			tftp_session_poll(&s, now);
			drain(&s, now);
		}
		require(tftp_session_error(&s) == TFTP_ERR_TIMEOUT);
		require(now - start <= (uint64_t)(retries + 1) * TFTP_RTO_MAX_MS);
		check_state(&s, &c);
	}
	return 0;
}
