/* The TFTP client state machine against a small fake server. Single
 * packets test the wire format and negotiation; a simulated server with
 * a lossy network (drops, duplicates, late blocks, lost ACKs) and a fake
 * clock tests windowed transfers, block-number rollover, retransmission
 * timing and giving up. Every transfer checks the delivered bytes are
 * contiguous, in order, once each and bit-exact. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../../net/tftp_session.h"
#include "test.h"

#define SERVER_TID 40123
#define OTHER_TID 40999
#define T0 100000 /* the fake clock does not start at zero */

/* A packet written as a string literal (with its embedded NULs). */
#define PKT(lit) (const uint8_t *)(lit), sizeof(lit) - 1

/* The file every test downloads: a byte pattern that never repeats
 * with the block size. */
static uint8_t file_byte(uint64_t i)
{
	return (uint8_t)(i * 7 ^ i >> 8 ^ i >> 16 ^ 0x5a);
}

/* Receives data and checks it as it comes. */
struct sink {
	uint64_t bytes;		/* delivered so far */
	unsigned calls;
	unsigned bad_offsets;	/* offset was not where the last block ended */
	unsigned bad_bytes;	/* data differs from the file */
	int stop_at_call;	/* return nonzero on this call (1-based); 0: never */
};

static int sink_fn(void *ctx, uint64_t offset, const uint8_t *data, size_t len)
{
	struct sink *k = ctx;

	k->calls++;
	if (offset != k->bytes)
		k->bad_offsets++;
	for (size_t i = 0; i < len; i++)
		if (data[i] != file_byte(offset + i))
			k->bad_bytes++;
	k->bytes = offset + len;
	return k->stop_at_call && (int)k->calls == k->stop_at_call ? 42 : 0;
}

/* A DATA packet carrying len bytes of the file from offset. */
static size_t make_data(uint8_t *buf, uint16_t block, uint64_t offset, size_t len)
{
	buf[0] = 0;
	buf[1] = 3;
	buf[2] = (uint8_t)(block >> 8);
	buf[3] = (uint8_t)block;
	for (size_t i = 0; i < len; i++)
		buf[4 + i] = file_byte(offset + i);
	return 4 + len;
}

/* Feeds one DATA packet from the server. */
static int feed_data(struct tftp_session *s, struct sink *k, uint16_t block, uint64_t offset,
		     size_t len, uint64_t now)
{
	static uint8_t buf[4 + 65536];
	size_t n = make_data(buf, block, offset, len);

	return tftp_session_input(s, buf, n, SERVER_TID, now, sink_fn, k);
}

/* Takes the next packet from the session; 0 if none. */
static size_t take(struct tftp_session *s, uint8_t *buf, uint16_t *port, uint64_t now)
{
	return tftp_session_output(s, buf, TFTP_PACKET_MAX, port, now);
}

/* Checks the next packet is an ACK of block to the server. */
static bool expect_ack(struct tftp_session *s, uint16_t block, uint64_t now)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port = 0;
	size_t n = take(s, buf, &port, now);
	bool ok = n == 4 && buf[0] == 0 && buf[1] == 4 && buf[2] == (block >> 8) &&
		  buf[3] == (block & 0xff) && port == SERVER_TID;

	if (!ok)
		printf("    expected ACK %u, got %zu bytes: op %u block %u port %u\n", block, n,
		       n >= 2 ? buf[1] : 0, n >= 4 ? (unsigned)(buf[2] << 8 | buf[3]) : 0, port);
	return CHECK(ok);
}

/* Checks there is nothing to send. */
static bool expect_nothing(struct tftp_session *s, uint64_t now)
{
	uint8_t buf[TFTP_PACKET_MAX];

	return CHECK(take(s, buf, NULL, now) == 0);
}

/* Checks the next packet is an ERROR with code to port. */
static bool expect_error(struct tftp_session *s, unsigned code, uint16_t to, uint64_t now)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port = 0;
	size_t n = take(s, buf, &port, now);

	return CHECK(n >= 5 && buf[0] == 0 && buf[1] == 5 && buf[2] == 0 && buf[3] == code &&
		     buf[n - 1] == 0 && port == to);
}

/* A session that has sent its request at T0 and not heard back. */
static void start(struct tftp_session *s, const char *name, const struct tftp_options *o)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port;

	CHECK(tftp_session_init(s, name, o, T0) == 0);
	CHECK(take(s, buf, &port, T0) > 0);
}

static const struct tftp_options all_options = {
	.blksize = 1024, .windowsize = 4, .ask_tsize = true, .timeout_s = 2,
};

/* A session past an accepted OACK (blksize 1024, windowsize 4, tsize). */
static void start_negotiated(struct tftp_session *s, uint64_t tsize_bytes)
{
	char oack[128];
	int n = snprintf(oack, sizeof(oack), "%c%cblksize%c1024%cwindowsize%c4%ctsize%c%llu",
			 0, 6, 0, 0, 0, 0, 0, (unsigned long long)tsize_bytes);

	start(s, "f", &all_options);
	CHECK(tftp_session_input(s, (const uint8_t *)oack, (size_t)n + 1, SERVER_TID, T0 + 5,
				 NULL, NULL) == 0);
	expect_ack(s, 0, T0 + 5);
}

/* ---------------------------------------------------------------- simulated server */

enum fault_kind {
	DROP_DATA,	/* lose the next `times` sends of DATA block */
	DUP_DATA,	/* deliver the next send of block twice */
	LATE_DATA,	/* deliver the next send of block after the one sent after it */
	DROP_ACK,	/* lose the next `times` ACKs of wire block number */
};

struct fault {
	enum fault_kind kind;
	uint64_t block;
	unsigned times;
};

#define OACK_ITEM UINT64_MAX
#define QUEUE_SIZE 1024

/* A TFTP server and the network between it and the client. */
struct sim {
	struct tftp_session s;
	struct sink k;
	uint64_t now;
	unsigned latency;	/* per delivered packet, ms */
	/* the server */
	uint64_t size;
	bool oack;		/* answers options (else ignores them) */
	unsigned blksize;
	unsigned window;
	uint64_t nblocks;	/* including the last, short or empty, block */
	bool started;
	bool server_done;
	uint64_t acked;
	uint64_t sent_upto;
	uint64_t server_deadline;
	unsigned server_rto;
	bool eager;		/* answers duplicate ACKs too */
	unsigned requests, data_sent, acks, errors;
	/* the network, server to client */
	uint64_t queue[QUEUE_SIZE];
	unsigned qhead, qlen;
	bool holding;
	uint64_t held;
	struct fault faults[64];
	unsigned nfaults;
};

static void sim_init(struct sim *m, uint64_t size, const struct tftp_options *o, bool oack)
{
	memset(m, 0, sizeof(*m));
	m->now = T0;
	m->latency = 1;
	m->size = size;
	m->oack = oack;
	m->blksize = oack && o->blksize ? o->blksize : 512;
	m->window = oack && o->windowsize ? o->windowsize : 1;
	m->nblocks = size / m->blksize + 1;
	m->server_rto = 1000;
	m->server_deadline = UINT64_MAX;
	CHECK(tftp_session_init(&m->s, "boot.efi", o, m->now) == 0);
}

static void sim_fault(struct sim *m, enum fault_kind kind, uint64_t block, unsigned times)
{
	if (m->nfaults < sizeof(m->faults) / sizeof(m->faults[0]))
		m->faults[m->nfaults++] = (struct fault){ kind, block, times };
}

/* Finds a fault of kind for block that still applies, and uses it up. */
static bool sim_take_fault(struct sim *m, enum fault_kind kind, uint64_t block)
{
	for (unsigned i = 0; i < m->nfaults; i++) {
		struct fault *f = &m->faults[i];
		if (f->kind == kind && f->block == block && f->times) {
			f->times--;
			return true;
		}
	}
	return false;
}

static void enqueue(struct sim *m, uint64_t item)
{
	if (m->qlen < QUEUE_SIZE)
		m->queue[(m->qhead + m->qlen++) % QUEUE_SIZE] = item;
}

/* The server sends one item (a block, or the OACK) into the network. */
static void server_send(struct sim *m, uint64_t item)
{
	m->data_sent += item != OACK_ITEM;
	if (item != OACK_ITEM && sim_take_fault(m, DROP_DATA, item))
		return;
	if (item != OACK_ITEM && sim_take_fault(m, LATE_DATA, item)) {
		m->holding = true;
		m->held = item;
		return;
	}
	enqueue(m, item);
	if (item != OACK_ITEM && sim_take_fault(m, DUP_DATA, item))
		enqueue(m, item);
	if (m->holding) {
		m->holding = false;
		enqueue(m, m->held);
	}
}

/* The server sends the window after what was acknowledged. */
static void server_window(struct sim *m)
{
	for (uint64_t b = m->acked + 1; b <= m->acked + m->window && b <= m->nblocks; b++) {
		server_send(m, b);
		if (b > m->sent_upto)
			m->sent_upto = b;
	}
	m->server_deadline = m->now + m->server_rto;
}

/* The server gets a packet from the client. Duplicate ACKs are ignored
 * (the Sorcerer's Apprentice fix) unless it is eager; its own timer
 * resends the window. */
static void server_receive(struct sim *m, const uint8_t *p, size_t n, uint16_t port)
{
	if (n >= 2 && p[1] == 1 && port == TFTP_PORT) {
		m->requests++;
		if (m->started || m->requests > 1)
			return;
		if (m->oack) {
			server_send(m, OACK_ITEM);
			m->server_deadline = m->now + m->server_rto;
		} else {
			m->started = true;
			server_window(m);
		}
	} else if (n == 4 && p[1] == 4 && port == SERVER_TID) {
		uint16_t wire = (uint16_t)(p[2] << 8 | p[3]);
		uint64_t a = m->acked + (uint16_t)(wire - (uint16_t)m->acked);

		m->acks++;
		if (sim_take_fault(m, DROP_ACK, wire) || m->server_done)
			return;
		if (!m->started && a == 0) {
			m->started = true;
			server_window(m);
		} else if ((a > m->acked || (m->eager && a == m->acked)) && a <= m->sent_upto) {
			m->acked = a;
			if (a == m->nblocks) {
				m->server_done = true;
				m->server_deadline = UINT64_MAX;
			} else {
				server_window(m);
			}
		}
	} else if (n >= 4 && p[1] == 5) {
		m->errors++;
	}
}

/* The server's timer: resend the OACK or the window. */
static void server_tick(struct sim *m)
{
	if (m->server_done || m->now < m->server_deadline)
		return;
	if (!m->started)
		server_send(m, OACK_ITEM);
	else
		server_window(m);
	m->server_deadline = m->now + m->server_rto;
}

/* The network delivers the next packet to the client. */
static void deliver(struct sim *m)
{
	static uint8_t buf[4 + 65536];
	uint64_t item = m->queue[m->qhead];
	char oack[64];

	m->qhead = (m->qhead + 1) % QUEUE_SIZE;
	m->qlen--;
	m->now += m->latency;
	if (item == OACK_ITEM) {
		int n = snprintf(oack, sizeof(oack), "%c%cblksize%c%u%cwindowsize%c%u", 0, 6, 0,
				 m->blksize, 0, 0, m->window);
		tftp_session_input(&m->s, (const uint8_t *)oack, (size_t)n + 1, SERVER_TID, m->now,
				   sink_fn, &m->k);
	} else {
		uint64_t off = (item - 1) * m->blksize;
		size_t len = item < m->nblocks ? m->blksize : (size_t)(m->size - off);
		size_t n = make_data(buf, (uint16_t)item, off, len);
		tftp_session_input(&m->s, buf, n, SERVER_TID, m->now, sink_fn, &m->k);
	}
}

/* Sends all the client has to send to the server. */
static void pump(struct sim *m)
{
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port;
	size_t n;

	while ((n = tftp_session_output(&m->s, buf, sizeof(buf), &port, m->now)))
		server_receive(m, buf, n, port);
}

/* Runs the transfer until the client is done or failed (or max_steps). */
static void sim_run(struct sim *m, unsigned max_steps)
{
	for (unsigned i = 0; i < max_steps; i++) {
		pump(m);
		if (tftp_session_done(&m->s) && m->server_done)
			return;
		if (tftp_session_error(&m->s))
			return;
		if (m->qlen) {
			deliver(m);
			continue;
		}
		uint64_t t = tftp_session_next_timeout(&m->s);
		if (m->server_deadline < t)
			t = m->server_deadline;
		if (t == UINT64_MAX)
			return;
		if (t > m->now)
			m->now = t;
		tftp_session_poll(&m->s, m->now);
		server_tick(m);
	}
}

/* Checks a finished transfer delivered the file exactly. */
static void check_complete(struct sim *m)
{
	CHECK(tftp_session_done(&m->s));
	CHECK(tftp_session_error(&m->s) == 0);
	CHECK(m->server_done);
	CHECK(m->k.bytes == m->size);
	CHECK(m->k.bad_offsets == 0);
	CHECK(m->k.bad_bytes == 0);
	if (tftp_session_error(&m->s))
		printf("    error: %s\n", tftp_session_error_text(&m->s));
}

/* ---------------------------------------------------------------- the request */

TEST(tftp_request_without_options_is_rrq_name_octet)
{
	struct tftp_session s;
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port = 0;
	static const uint8_t want[] = "\0\1pxe/boot.efi\0octet";

	CHECK(tftp_session_init(&s, "pxe/boot.efi", NULL, T0) == 0);
	CHECK(take(&s, buf, &port, T0) == sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK(port == TFTP_PORT);
	expect_nothing(&s, T0);
	CHECK(!tftp_session_done(&s));
	CHECK(tftp_session_error(&s) == 0);
	CHECK_STR(tftp_session_error_text(&s), "");
}

TEST(tftp_request_carries_options_as_rfc2347_lays_them_out)
{
	struct tftp_session s;
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port = 0;
	struct tftp_options o = all_options;
	static const uint8_t want[] = "\0\1" "boot.efi\0" "octet\0" "blksize\0" "1024\0"
				      "windowsize\0" "4\0" "tsize\0" "0\0" "timeout\0" "2";

	o.server_port = 1069;
	CHECK(tftp_session_init(&s, "boot.efi", &o, T0) == 0);
	CHECK(take(&s, buf, &port, T0) == sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK(port == 1069);
}

TEST(tftp_request_clamps_options_into_protocol_ranges)
{
	struct tftp_session s;
	uint8_t buf[TFTP_PACKET_MAX];
	struct tftp_options o = { .blksize = 100000, .windowsize = 70000, .timeout_s = 999 };
	static const uint8_t want[] = "\0\1" "f\0" "octet\0" "blksize\0" "65464\0"
				      "windowsize\0" "65535\0" "timeout\0" "255";

	CHECK(tftp_session_init(&s, "f", &o, T0) == 0);
	CHECK(take(&s, buf, NULL, T0) == sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	o.blksize = 2;
	CHECK(tftp_session_init(&s, "f", &o, T0) == 0);
	CHECK(take(&s, buf, NULL, T0) > 0);
	CHECK(memcmp(buf + 10, "blksize\0" "8\0", 10) == 0);
}

TEST(tftp_file_name_too_long_or_empty_fails_at_once)
{
	struct tftp_session s;
	char name[600];
	uint8_t buf[TFTP_PACKET_MAX];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	CHECK(tftp_session_init(&s, name, NULL, T0) == TFTP_ERR_FILENAME);
	CHECK(tftp_session_error(&s) == TFTP_ERR_FILENAME);
	CHECK_CONTAINS(tftp_session_error_text(&s), "is too long: 599 bytes, but at most 503 fit");
	CHECK(take(&s, buf, NULL, T0) == 0);
	CHECK(tftp_session_poll(&s, T0 + 100000) == TFTP_ERR_FILENAME);

	/* Exactly the longest that fits: 2 + 503 + 1 + 6 = 512. */
	name[503] = '\0';
	CHECK(tftp_session_init(&s, name, NULL, T0) == 0);
	CHECK(take(&s, buf, NULL, T0) == TFTP_PACKET_MAX);
	name[502] = '\0';
	CHECK(tftp_session_init(&s, name, &all_options, T0) == TFTP_ERR_FILENAME);

	CHECK(tftp_session_init(&s, "", NULL, T0) == TFTP_ERR_FILENAME);
	CHECK_STR(tftp_session_error_text(&s), "empty file name");
	CHECK(tftp_session_init(&s, NULL, NULL, T0) == TFTP_ERR_INVALID);
	CHECK(tftp_session_init(NULL, "f", NULL, T0) == TFTP_ERR_INVALID);
}

/* ---------------------------------------------------------------- negotiation */

TEST(tftp_oack_is_checked_put_in_effect_and_acked_with_block_0)
{
	struct tftp_session s;
	struct tftp_info info;

	start(&s, "boot.efi", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "BlkSize\0" "1000\0" "windowsize\0" "3\0"
					 "tsize\0" "123456\0" "timeout\0" "2\0"),
				 SERVER_TID, T0 + 40, NULL, NULL) == 0);
	expect_ack(&s, 0, T0 + 40);
	expect_nothing(&s, T0 + 40);
	tftp_session_info(&s, &info);
	CHECK(info.options_acked);
	CHECK(info.blksize == 1000);
	CHECK(info.windowsize == 3);
	CHECK(info.timeout_s == 2);
	CHECK(info.tsize_known && info.tsize == 123456);
	CHECK(info.server_port == SERVER_TID);
	CHECK(info.srtt_ms == 40);

	/* Our ACK 0 was lost: the server repeats its OACK, we repeat ACK 0. */
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "1000\0" "windowsize\0" "3\0"
					 "tsize\0" "123456\0" "timeout\0" "2\0"),
				 SERVER_TID, T0 + 900, NULL, NULL) == 0);
	expect_ack(&s, 0, T0 + 900);
}

TEST(tftp_oack_with_some_options_leaves_the_others_at_defaults)
{
	struct tftp_session s;
	struct tftp_info info;
	struct sink k = { 0 };

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "tsize\0" "600\0"), SERVER_TID, T0 + 1, NULL,
				 NULL) == 0);
	expect_ack(&s, 0, T0 + 1);
	tftp_session_info(&s, &info);
	CHECK(info.blksize == 512 && info.windowsize == 1 && info.timeout_s == 0);
	CHECK(info.tsize == 600);
	CHECK(feed_data(&s, &k, 1, 0, 512, T0 + 2) == 0);
	expect_ack(&s, 1, T0 + 2);
	CHECK(feed_data(&s, &k, 2, 512, 88, T0 + 3) == 0);
	expect_ack(&s, 2, T0 + 3);
	CHECK(tftp_session_done(&s));
	CHECK(k.bytes == 600 && k.bad_bytes == 0);
}

TEST(tftp_server_ignoring_options_falls_back_to_512_lockstep)
{
	struct tftp_session s;
	struct tftp_info info;
	struct sink k = { 0 };

	start(&s, "f", &all_options);
	CHECK(feed_data(&s, &k, 1, 0, 512, T0 + 3) == 0);
	expect_ack(&s, 1, T0 + 3);
	tftp_session_info(&s, &info);
	CHECK(!info.options_acked);
	CHECK(info.blksize == 512 && info.windowsize == 1 && !info.tsize_known);
	CHECK(info.server_port == SERVER_TID);
	CHECK(feed_data(&s, &k, 2, 512, 512, T0 + 4) == 0);
	expect_ack(&s, 2, T0 + 4);
	CHECK(feed_data(&s, &k, 3, 1024, 1, T0 + 5) == 0);
	expect_ack(&s, 3, T0 + 5);
	CHECK(tftp_session_done(&s));
	CHECK(k.bytes == 1025 && k.calls == 3 && k.bad_bytes == 0 && k.bad_offsets == 0);

	/* A first reply that is not DATA 1 fixes nothing and is ignored. */
	start(&s, "f", NULL);
	CHECK(feed_data(&s, &k, 2, 0, 512, T0 + 3) == 0);
	tftp_session_info(&s, &info);
	CHECK(info.server_port == 0);
	expect_nothing(&s, T0 + 3);
}

TEST(tftp_oack_with_an_option_not_asked_for_fails_with_error_8)
{
	struct tftp_session s;
	struct tftp_options o = { .blksize = 1024 };

	start(&s, "f", &o);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "1024\0" "windowsize\0" "8\0"),
				 SERVER_TID, T0 + 1, NULL, NULL) == TFTP_ERR_OPTION_UNASKED);
	CHECK_STR(tftp_session_error_text(&s),
		  "server answered with an option we did not ask for: windowsize=8");
	CHECK_STR(tftp_strerror(tftp_session_error(&s)),
		  "server answered with an option we did not ask for");
	expect_error(&s, 8, SERVER_TID, T0 + 1);
	expect_nothing(&s, T0 + 1);

	start(&s, "f", NULL);
	CHECK(tftp_session_input(&s, PKT("\0\6" "color\0" "blue\0"), SERVER_TID, T0 + 1, NULL,
				 NULL) == TFTP_ERR_OPTION_UNASKED);
	CHECK_CONTAINS(tftp_session_error_text(&s), "did not ask for: color=blue");
}

TEST(tftp_oack_values_beyond_what_we_asked_are_refused)
{
	struct tftp_session s;

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "2048\0"), SERVER_TID, T0 + 1,
				 NULL, NULL) == TFTP_ERR_OPTION_REFUSED);
	CHECK_STR(tftp_session_error_text(&s),
		  "server refused option blksize=1024: it answered 2048, outside 8..1024");
	expect_error(&s, 8, SERVER_TID, T0 + 1);

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "7\0"), SERVER_TID, T0 + 1, NULL,
				 NULL) == TFTP_ERR_OPTION_REFUSED);

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "windowsize\0" "0\0"), SERVER_TID, T0 + 1,
				 NULL, NULL) == TFTP_ERR_OPTION_REFUSED);
	CHECK_CONTAINS(tftp_session_error_text(&s), "server refused option windowsize=4");

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "windowsize\0" "5\0"), SERVER_TID, T0 + 1,
				 NULL, NULL) == TFTP_ERR_OPTION_REFUSED);

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "timeout\0" "3\0"), SERVER_TID, T0 + 1, NULL,
				 NULL) == TFTP_ERR_OPTION_REFUSED);
	CHECK_CONTAINS(tftp_session_error_text(&s), "timeout=2: it answered 3");
}

TEST(tftp_malformed_oack_fails_cleanly)
{
	struct tftp_session s;

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "512"), SERVER_TID, T0 + 1, NULL,
				 NULL) == TFTP_ERR_PROTOCOL);
	CHECK_STR(tftp_session_error_text(&s),
		  "malformed OACK from server: a value without its terminating NUL");
	expect_error(&s, 8, SERVER_TID, T0 + 1);

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0"), SERVER_TID, T0 + 1, NULL, NULL) ==
	      TFTP_ERR_PROTOCOL);
	CHECK_CONTAINS(tftp_session_error_text(&s), "an option without a value");

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "\0" "1\0"), SERVER_TID, T0 + 1, NULL, NULL) ==
	      TFTP_ERR_PROTOCOL);
	CHECK_CONTAINS(tftp_session_error_text(&s), "an empty option name");

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "0x200\0"), SERVER_TID, T0 + 1,
				 NULL, NULL) == TFTP_ERR_PROTOCOL);
	CHECK_STR(tftp_session_error_text(&s),
		  "server answered option blksize with \"0x200\", which is not a number");

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "tsize\0" "99999999999999999999999\0"),
				 SERVER_TID, T0 + 1, NULL, NULL) == TFTP_ERR_PROTOCOL);

	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6" "tsize\0" "1\0" "TSIZE\0" "1\0"), SERVER_TID,
				 T0 + 1, NULL, NULL) == TFTP_ERR_PROTOCOL);
	CHECK_STR(tftp_session_error_text(&s), "server answered option tsize twice");

	/* An empty OACK accepts nothing and is fine. */
	start(&s, "f", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\6"), SERVER_TID, T0 + 1, NULL, NULL) == 0);
	expect_ack(&s, 0, T0 + 1);
}

/* ---------------------------------------------------------------- transfers */

TEST(tftp_windowed_transfer_acks_each_window)
{
	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 4 };

	sim_init(&m, 512 * 20 + 100, &o, true);
	sim_run(&m, 10000);
	check_complete(&m);
	/* ACK 0, ACKs 4, 8, 12, 16, 20 and the final 21: seven in all. */
	CHECK(m.acks == 7);
	CHECK(m.data_sent == 21);
	CHECK(m.k.calls == 21);
}

TEST(tftp_lost_block_gets_ack_of_last_in_order_block_and_resend)
{
	struct tftp_session s;
	struct sink k = { 0 };

	start_negotiated(&s, 10 * 1024);
	/* Window 1..4, block 3 lost: 4 is ahead of a gap, ACK 2. */
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 11) == 0);
	expect_nothing(&s, T0 + 11);
	CHECK(feed_data(&s, &k, 4, 3072, 1024, T0 + 12) == 0);
	expect_ack(&s, 2, T0 + 12);
	CHECK(k.bytes == 2048 && k.calls == 2);
	/* The server resends from 3: window 3..6. */
	CHECK(feed_data(&s, &k, 3, 2048, 1024, T0 + 20) == 0);
	CHECK(feed_data(&s, &k, 4, 3072, 1024, T0 + 21) == 0);
	CHECK(feed_data(&s, &k, 5, 4096, 1024, T0 + 22) == 0);
	expect_nothing(&s, T0 + 22);
	CHECK(feed_data(&s, &k, 6, 5120, 1024, T0 + 23) == 0);
	expect_ack(&s, 6, T0 + 23);
	CHECK(k.bytes == 6144 && k.calls == 6 && k.bad_offsets == 0 && k.bad_bytes == 0);

	/* The same through the simulated server, losing a block twice. */
	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 4 };
	sim_init(&m, 512 * 16 + 7, &o, true);
	sim_fault(&m, DROP_DATA, 3, 2);
	sim_fault(&m, DROP_DATA, 9, 1);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 17);
}

TEST(tftp_duplicate_blocks_are_never_delivered_twice)
{
	struct tftp_session s;
	struct sink k = { 0 };

	start_negotiated(&s, 10 * 1024);
	/* Mid-window, a duplicate is only the network's doing. */
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 11) == 0);
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 12) == 0);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 13) == 0);
	expect_nothing(&s, T0 + 13);
	CHECK(feed_data(&s, &k, 3, 2048, 1024, T0 + 14) == 0);
	CHECK(feed_data(&s, &k, 4, 3072, 1024, T0 + 15) == 0);
	expect_ack(&s, 4, T0 + 15);
	/* Our ACK 4 was lost: the server resends the window, we ACK again
	 * on the repeat of block 4, the one we acknowledged. */
	for (uint16_t b = 1; b <= 3; b++)
		CHECK(feed_data(&s, &k, b, (b - 1) * 1024u, 1024, T0 + 1000 + b) == 0);
	expect_nothing(&s, T0 + 1003);
	CHECK(feed_data(&s, &k, 4, 3072, 1024, T0 + 1004) == 0);
	expect_ack(&s, 4, T0 + 1004);
	CHECK(k.calls == 4 && k.bytes == 4096 && k.bad_offsets == 0 && k.bad_bytes == 0);

	/* Lock-step: every repeat of the last block is answered. */
	struct tftp_session l;
	struct sink kl = { 0 };
	start(&l, "f", NULL);
	CHECK(feed_data(&l, &kl, 1, 0, 512, T0 + 10) == 0);
	expect_ack(&l, 1, T0 + 10);
	CHECK(feed_data(&l, &kl, 1, 0, 512, T0 + 1010) == 0);
	expect_ack(&l, 1, T0 + 1010);
	CHECK(feed_data(&l, &kl, 1, 0, 512, T0 + 2010) == 0);
	expect_ack(&l, 1, T0 + 2010);
	CHECK(kl.calls == 1);

	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 4 };
	sim_init(&m, 512 * 12 + 1, &o, true);
	for (uint64_t b = 1; b <= 13; b += 2)
		sim_fault(&m, DUP_DATA, b, 1);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 13);
}

TEST(tftp_out_of_order_blocks_are_delivered_in_order)
{
	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 4 };

	sim_init(&m, 512 * 16 + 200, &o, true);
	sim_fault(&m, LATE_DATA, 2, 1);
	sim_fault(&m, LATE_DATA, 7, 1);
	sim_fault(&m, LATE_DATA, 16, 1);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 17);
}

TEST(tftp_lost_acks_are_recovered)
{
	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 4 };

	/* A lost window ACK: the server's timer resends the window, and the
	 * duplicate of our newest block makes us ACK again. The final ACK
	 * lost: the server resends the last block, and we re-ACK when done. */
	sim_init(&m, 512 * 12 + 5, &o, true);
	sim_fault(&m, DROP_ACK, 4, 1);
	sim_fault(&m, DROP_ACK, 0, 1);
	sim_fault(&m, DROP_ACK, 13, 1);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 13);

	/* Lock-step with every first ACK of a block lost. */
	sim_init(&m, 512 * 5 + 1, &(struct tftp_options){ 0 }, false);
	for (uint16_t b = 1; b <= 6; b++)
		sim_fault(&m, DROP_ACK, b, 1);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 6);
}

TEST(tftp_block_numbers_roll_over_past_65535)
{
	struct sim m;
	struct tftp_options o = { .blksize = 8, .windowsize = 16 };

	/* 70000 blocks of 8 bytes: blocks 65535, 0, 1, ... */
	sim_init(&m, 8 * 70000 + 3, &o, true);
	sim_fault(&m, DROP_DATA, 65535, 1);
	sim_fault(&m, DROP_DATA, 65536, 1);
	sim_fault(&m, DROP_DATA, 65540, 1);
	sim_run(&m, 1000000);
	check_complete(&m);
	CHECK(m.k.calls == 70001);
	CHECK(m.s.last_block == (uint16_t)70001);
}

TEST(tftp_short_block_ends_the_transfer_and_is_acked)
{
	struct tftp_session s;
	struct sink k = { 0 };
	struct tftp_info info;

	start_negotiated(&s, 2048 + 10);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 11) == 0);
	CHECK(!tftp_session_done(&s));
	CHECK(feed_data(&s, &k, 3, 2048, 10, T0 + 12) == 0);
	CHECK(tftp_session_done(&s));
	expect_ack(&s, 3, T0 + 12);
	expect_nothing(&s, T0 + 12);
	CHECK(tftp_session_next_timeout(&s) == UINT64_MAX);
	CHECK(tftp_session_poll(&s, T0 + 100000) == 0);
	expect_nothing(&s, T0 + 100000);
	tftp_session_info(&s, &info);
	CHECK(info.bytes == 2058);
	/* The server did not hear our final ACK and repeats the block. */
	CHECK(feed_data(&s, &k, 3, 2048, 10, T0 + 1000) == 0);
	expect_ack(&s, 3, T0 + 1000);
	CHECK(k.calls == 3 && k.bytes == 2058 && k.bad_bytes == 0);
}

TEST(tftp_exact_multiple_of_blksize_ends_with_empty_block)
{
	struct sim m;
	struct tftp_options o = { .blksize = 1024, .windowsize = 4, .ask_tsize = false };

	sim_init(&m, 1024 * 8, &o, true);
	sim_run(&m, 10000);
	check_complete(&m);
	CHECK(m.k.calls == 8); /* the empty block is not delivered */
	CHECK(m.s.last_block == 9);

	struct tftp_session s;
	struct sink k = { 0 };
	start_negotiated(&s, 1024);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(!tftp_session_done(&s));
	CHECK(feed_data(&s, &k, 2, 1024, 0, T0 + 11) == 0);
	CHECK(tftp_session_done(&s));
	expect_ack(&s, 2, T0 + 11);
}

TEST(tftp_receiver_can_stop_the_transfer)
{
	struct tftp_session s;
	struct sink k = { .stop_at_call = 2 };

	start_negotiated(&s, 10 * 1024);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 11) == TFTP_ERR_ABORTED);
	CHECK_STR(tftp_session_error_text(&s),
		  "transfer stopped by the receiver (code 42) after 1024 bytes");
	expect_error(&s, 0, SERVER_TID, T0 + 11);
	CHECK(feed_data(&s, &k, 3, 2048, 1024, T0 + 12) == TFTP_ERR_ABORTED);
	CHECK(k.calls == 2);
}

/* ---------------------------------------------------------------- errors */

TEST(tftp_server_error_fails_with_its_code_and_message)
{
	struct tftp_session s;

	start(&s, "missing.efi", &all_options);
	CHECK(tftp_session_input(&s, PKT("\0\5\0\1" "File not found\0"), SERVER_TID, T0 + 2,
				 NULL, NULL) == TFTP_ERR_SERVER);
	CHECK(tftp_session_error(&s) == TFTP_ERR_SERVER);
	CHECK(tftp_session_server_code(&s) == 1);
	CHECK_STR(tftp_session_error_text(&s), "file not found (TFTP error 1): \"File not found\"");
	/* We never answer an ERROR. */
	expect_nothing(&s, T0 + 2);
	CHECK(tftp_session_poll(&s, T0 + 100000) == TFTP_ERR_SERVER);

	start(&s, "f", NULL);
	CHECK(tftp_session_input(&s, PKT("\0\5\0\2"), SERVER_TID, T0 + 2, NULL, NULL) ==
	      TFTP_ERR_SERVER);
	CHECK_STR(tftp_session_error_text(&s), "access violation (TFTP error 2)");

	/* No NUL, control bytes: the message is cut at the packet's end and made printable. */
	start(&s, "f", NULL);
	CHECK(tftp_session_input(&s, PKT("\0\5\0\0" "disk\nbad"), SERVER_TID, T0 + 2, NULL,
				 NULL) == TFTP_ERR_SERVER);
	CHECK_STR(tftp_session_error_text(&s), "server-defined error (TFTP error 0): \"disk?bad\"");

	/* During the transfer too. */
	struct sink k = { 0 };
	start_negotiated(&s, 10 * 1024);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\5\0\3" "Disk full\0"), SERVER_TID, T0 + 11, NULL,
				 NULL) == TFTP_ERR_SERVER);
	CHECK_CONTAINS(tftp_session_error_text(&s), "disk full or allocation exceeded");
}

TEST(tftp_error_names_are_clear_text)
{
	CHECK_STR(tftp_error_code_name(1), "file not found");
	CHECK_STR(tftp_error_code_name(2), "access violation");
	CHECK_STR(tftp_error_code_name(4), "illegal TFTP operation");
	CHECK_STR(tftp_error_code_name(5), "unknown transfer ID");
	CHECK_STR(tftp_error_code_name(8), "option negotiation refused");
	CHECK_STR(tftp_error_code_name(77), "unknown error code");
	CHECK_STR(tftp_strerror(TFTP_OK), "no error");
	CHECK_STR(tftp_strerror(TFTP_ERR_TIMEOUT), "server stopped answering");
	CHECK_STR(tftp_strerror(TFTP_ERR_OPTION_REFUSED), "server refused an option");
	CHECK_STR(tftp_strerror(12345), "unknown TFTP error");
	for (int e = TFTP_ERR_ABORTED; e <= TFTP_OK; e++)
		CHECK(strcmp(tftp_strerror(e), "unknown TFTP error") != 0);
}

TEST(tftp_packet_from_unknown_tid_gets_error_5_and_is_ignored)
{
	struct tftp_session s;
	struct sink k = { 0 };
	uint8_t buf[TFTP_PACKET_MAX];
	uint16_t port = 0;

	start_negotiated(&s, 10 * 1024);
	CHECK(tftp_session_input(&s, PKT("\0\3\0\1" "evil"), OTHER_TID, T0 + 10, sink_fn, &k) ==
	      0);
	CHECK(k.calls == 0);
	CHECK(take(&s, buf, &port, T0 + 10) == 4 + sizeof("Unknown transfer ID"));
	CHECK(memcmp(buf, "\0\5\0\5" "Unknown transfer ID", 4 + sizeof("Unknown transfer ID")) ==
	      0);
	CHECK(port == OTHER_TID);
	expect_nothing(&s, T0 + 10);
	/* Its ERROR is not answered, nor does it end our session. */
	CHECK(tftp_session_input(&s, PKT("\0\5\0\1" "x\0"), OTHER_TID, T0 + 11, NULL, NULL) ==
	      0);
	expect_nothing(&s, T0 + 11);
	/* A second server instance (our request was repeated) sends an OACK. */
	CHECK(tftp_session_input(&s, PKT("\0\6"), OTHER_TID + 1, T0 + 12, NULL, NULL) == 0);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 12) == 0);
	expect_error(&s, 5, OTHER_TID + 1, T0 + 12);
	expect_nothing(&s, T0 + 12);
	CHECK(tftp_session_error(&s) == 0);
	CHECK(k.calls == 1 && k.bytes == 1024);
}

TEST(tftp_truncated_and_garbage_packets_are_ignored)
{
	struct tftp_session s;
	struct sink k = { 0 };
	struct tftp_info info;

	start(&s, "f", &all_options);
	/* Before the server is known, garbage fixes nothing. */
	CHECK(tftp_session_input(&s, PKT(""), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\3\0"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\4\0\1"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\1x\0octet\0"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\11\0\1"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\5\0"), SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, NULL, 100, SERVER_TID, T0 + 1, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\3\0\1"), 0, T0 + 1, sink_fn, &k) == 0);
	tftp_session_info(&s, &info);
	CHECK(info.server_port == 0);
	expect_nothing(&s, T0 + 1);
	CHECK(tftp_session_error(&s) == 0);

	/* Nor during the transfer. */
	start_negotiated(&s, 10 * 1024);
	CHECK(tftp_session_input(&s, PKT("\0\3\0"), SERVER_TID, T0 + 10, sink_fn, &k) == 0);
	CHECK(tftp_session_input(&s, PKT("\xff\xff\0\1"), SERVER_TID, T0 + 10, sink_fn, &k) == 0);
	expect_nothing(&s, T0 + 10);
	/* Any OACK before data means our ACK 0 was lost; after data, it is ignored. */
	CHECK(tftp_session_input(&s, PKT("\0\6" "garbage"), SERVER_TID, T0 + 10, sink_fn, &k) ==
	      0);
	expect_ack(&s, 0, T0 + 10);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(tftp_session_input(&s, PKT("\0\6" "garbage"), SERVER_TID, T0 + 10, sink_fn, &k) ==
	      0);
	expect_nothing(&s, T0 + 10);
	CHECK(k.calls == 1 && tftp_session_error(&s) == 0);
}

TEST(tftp_data_larger_than_blksize_fails)
{
	struct tftp_session s;
	struct sink k = { 0 };

	start(&s, "f", &all_options);
	/* The server ignored options: 512 it is, so 513 bytes are illegal. */
	CHECK(feed_data(&s, &k, 1, 0, 513, T0 + 1) == TFTP_ERR_PROTOCOL);
	CHECK_STR(tftp_session_error_text(&s),
		  "server sent 513 bytes in block 1, more than the block size 512");
	expect_error(&s, 4, SERVER_TID, T0 + 1);
	CHECK(k.calls == 0);
}

TEST(tftp_more_or_less_data_than_tsize_fails)
{
	struct tftp_session s;
	struct sink k = { 0 };

	start_negotiated(&s, 1500);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 11) == TFTP_ERR_TSIZE);
	CHECK_STR(tftp_session_error_text(&s),
		  "server sent more data than the size (tsize) it announced: block 2 would end "
		  "at byte 2048 of 1500");
	expect_error(&s, 0, SERVER_TID, T0 + 11);
	CHECK(k.bytes == 1024 && k.calls == 1);

	struct sink k2 = { 0 };
	start_negotiated(&s, 1500);
	CHECK(feed_data(&s, &k2, 1, 0, 1024, T0 + 10) == 0);
	CHECK(feed_data(&s, &k2, 2, 1024, 400, T0 + 11) == TFTP_ERR_TSIZE);
	CHECK_CONTAINS(tftp_session_error_text(&s), "ended after 1424 bytes, but the server "
						    "announced a size (tsize) of 1500");

	/* Exactly tsize is fine, even when it is zero. */
	struct sink k3 = { 0 };
	start_negotiated(&s, 0);
	CHECK(feed_data(&s, &k3, 1, 0, 0, T0 + 10) == 0);
	CHECK(tftp_session_done(&s));
	expect_ack(&s, 1, T0 + 10);
}

/* ---------------------------------------------------------------- time */

TEST(tftp_request_is_retransmitted_with_exponential_backoff)
{
	struct tftp_session s;
	uint8_t first[TFTP_PACKET_MAX], buf[TFTP_PACKET_MAX];
	uint16_t port;
	size_t n;
	/* Timeouts 1, 2, 4 s, then the 5 s ceiling. */
	static const uint64_t at[] = { 1000, 3000, 7000, 12000, 17000 };

	CHECK(tftp_session_init(&s, "f", &all_options, 0) == 0);
	n = take(&s, first, &port, 0);
	CHECK(n > 0);
	CHECK(tftp_session_next_timeout(&s) == 2000); /* we asked for timeout 2 */

	CHECK(tftp_session_init(&s, "f", NULL, 0) == 0);
	n = take(&s, first, &port, 0);
	for (unsigned i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		CHECK(tftp_session_next_timeout(&s) == at[i]);
		CHECK(tftp_session_poll(&s, at[i] - 1) == 0);
		expect_nothing(&s, at[i] - 1);
		CHECK(tftp_session_poll(&s, at[i]) == 0);
		CHECK(take(&s, buf, &port, at[i]) == n);
		CHECK(memcmp(buf, first, n) == 0 && port == TFTP_PORT);
		expect_nothing(&s, at[i]);
	}
}

TEST(tftp_gives_up_after_n_retransmissions_within_bounded_time)
{
	struct tftp_session s;
	uint64_t now = 0;
	unsigned sent = 0;
	uint8_t buf[TFTP_PACKET_MAX];

	CHECK(tftp_session_init(&s, "f", NULL, now) == 0);
	while (!tftp_session_error(&s) && now < 1000000) {
		while (take(&s, buf, NULL, now))
			sent++;
		now = tftp_session_next_timeout(&s) == UINT64_MAX ? now + 1 :
			tftp_session_next_timeout(&s);
		tftp_session_poll(&s, now);
	}
	CHECK(tftp_session_error(&s) == TFTP_ERR_TIMEOUT);
	CHECK(sent == 1 + TFTP_DEFAULT_RETRIES);
	/* 1 + 2 + 4 + 5 * 6 s */
	CHECK(now == 37000);
	CHECK_STR(tftp_session_error_text(&s),
		  "server did not answer (no reply to 8 retransmissions of the request over 37.0 s)");

	/* During a transfer with a fast server, the RTO has adapted down:
	 * 0.2 + 0.4 + 0.8 + 1.6 + 3.2 + 4 * 5 = 26.2 s. */
	struct tftp_options o = { .blksize = 1024, .windowsize = 4, .max_retries = 8 };
	struct sink k = { 0 };
	start(&s, "f", &o);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "1024\0" "windowsize\0" "4\0"),
				 SERVER_TID, T0 + 2, NULL, NULL) == 0);
	expect_ack(&s, 0, T0 + 2);
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 4) == 0);
	now = T0 + 4;
	sent = 0;
	while (!tftp_session_error(&s) && now < T0 + 1000000) {
		while (take(&s, buf, NULL, now))
			sent++;
		now = tftp_session_next_timeout(&s);
		tftp_session_poll(&s, now);
	}
	CHECK(sent == 8);
	CHECK(now - (T0 + 4) == 26200);
	CHECK_STR(tftp_session_error_text(&s),
		  "server stopped answering (no reply to 8 retransmissions over 26.2 s, after "
		  "1024 bytes)");

	/* Fewer retries when asked. */
	o.max_retries = 2;
	CHECK(tftp_session_init(&s, "f", &o, 0) == 0);
	take(&s, buf, NULL, 0);
	CHECK(tftp_session_poll(&s, 1000) == 0);
	take(&s, buf, NULL, 1000);
	CHECK(tftp_session_poll(&s, 3000) == 0);
	take(&s, buf, NULL, 3000);
	CHECK(tftp_session_poll(&s, 7000) == TFTP_ERR_TIMEOUT);
}

TEST(tftp_progress_resets_the_backoff)
{
	struct tftp_session s;
	struct sink k = { 0 };
	struct tftp_info info;

	start_negotiated(&s, 100 * 1024); /* RTT 5 ms: RTO 200 ms */
	CHECK(tftp_session_next_timeout(&s) == T0 + 5 + 200);
	CHECK(tftp_session_poll(&s, T0 + 205) == 0);
	expect_ack(&s, 0, T0 + 205);
	CHECK(tftp_session_next_timeout(&s) == T0 + 205 + 400);
	CHECK(tftp_session_poll(&s, T0 + 605) == 0);
	expect_ack(&s, 0, T0 + 605);
	CHECK(tftp_session_next_timeout(&s) == T0 + 605 + 800);
	/* Data at last: the timer restarts at the plain RTO, and the ACK
	 * that was retransmitted gives no round-trip sample (Karn). */
	CHECK(feed_data(&s, &k, 1, 0, 1024, T0 + 700) == 0);
	tftp_session_info(&s, &info);
	CHECK(info.srtt_ms == 5);
	CHECK(info.retransmissions == 2);
	CHECK(tftp_session_next_timeout(&s) == T0 + 700 + 200);
	/* Each block of the window restarts it. */
	CHECK(feed_data(&s, &k, 2, 1024, 1024, T0 + 750) == 0);
	CHECK(tftp_session_next_timeout(&s) == T0 + 750 + 200);
	/* Expiry mid-window: ACK the last block we have. */
	CHECK(tftp_session_poll(&s, T0 + 950) == 0);
	expect_ack(&s, 2, T0 + 950);
}

TEST(tftp_round_trip_time_adapts_the_timeout)
{
	struct tftp_session s;
	struct sink k = { 0 };
	struct tftp_info info;
	uint64_t now = T0;
	uint16_t block = 0;
	uint8_t buf[TFTP_PACKET_MAX];

	/* A slow server: 800 ms for each answer. SRTT 800, RTTVAR 400. */
	struct tftp_options o = { .blksize = 512 };
	start(&s, "f", &o);
	now += 800;
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "512\0"), SERVER_TID, now, NULL,
				 NULL) == 0);
	tftp_session_info(&s, &info);
	CHECK(info.srtt_ms == 800);
	CHECK(info.rto_ms == 2400);
	expect_ack(&s, 0, now);
	for (int i = 0; i < 20; i++) {
		now += 800;
		block++;
		CHECK(feed_data(&s, &k, block, (uint64_t)(block - 1) * 512, 512, now) == 0);
		expect_ack(&s, block, now);
	}
	tftp_session_info(&s, &info);
	CHECK(info.srtt_ms == 800);
	CHECK(info.rto_ms >= 800 && info.rto_ms < 1000);

	/* The server speeds up to 20 ms: the timeout follows, down to 200 ms. */
	for (int i = 0; i < 40; i++) {
		now += 20;
		block++;
		CHECK(feed_data(&s, &k, block, (uint64_t)(block - 1) * 512, 512, now) == 0);
		expect_ack(&s, block, now);
	}
	tftp_session_info(&s, &info);
	CHECK(info.srtt_ms < 40);
	CHECK(info.rto_ms == TFTP_RTO_MIN_MS);
	CHECK(tftp_session_next_timeout(&s) == now + TFTP_RTO_MIN_MS);
	CHECK(k.bad_bytes == 0 && k.bad_offsets == 0);

	/* A retransmitted request gives no sample (Karn). */
	start(&s, "f", &o);
	CHECK(tftp_session_poll(&s, T0 + 1000) == 0);
	CHECK(take(&s, buf, NULL, T0 + 1000) > 0);
	CHECK(tftp_session_input(&s, PKT("\0\6" "blksize\0" "512\0"), SERVER_TID, T0 + 1100,
				 NULL, NULL) == 0);
	tftp_session_info(&s, &info);
	CHECK(info.srtt_ms == 0 && info.rto_ms == TFTP_RTO_INITIAL_MS);
}

TEST(tftp_lossy_network_transfer_completes)
{
	struct sim m;
	struct tftp_options o = { .blksize = 512, .windowsize = 8, .ask_tsize = false };

	/* Many faults of every kind in one transfer, at a 20 ms latency. */
	sim_init(&m, 512 * 40 + 33, &o, true);
	m.latency = 20;
	sim_fault(&m, DROP_DATA, 1, 1);
	sim_fault(&m, DROP_DATA, 8, 3);
	sim_fault(&m, DUP_DATA, 10, 1);
	sim_fault(&m, LATE_DATA, 12, 1);
	sim_fault(&m, DROP_ACK, 16, 1);
	sim_fault(&m, DROP_DATA, 41, 1);
	sim_fault(&m, DROP_ACK, 41, 2);
	sim_run(&m, 100000);
	check_complete(&m);
	CHECK(m.k.calls == 41);
	CHECK(m.s.retransmissions < 20);
	CHECK(m.data_sent < 100);

	/* A server that restarts its window on every ACK, duplicates too,
	 * must not make us multiply the traffic (Sorcerer's Apprentice). */
	sim_init(&m, 512 * 200 + 1, &o, true);
	m.eager = true;
	for (uint64_t b = 3; b < 200; b += 17) {
		sim_fault(&m, DROP_DATA, b, 1);
		sim_fault(&m, DUP_DATA, b + 5, 1);
		sim_fault(&m, LATE_DATA, b + 9, 1);
	}
	sim_run(&m, 100000);
	check_complete(&m);
	CHECK(m.k.calls == 201);
	CHECK(m.data_sent < 400);

	/* One duplicate of a window's last block: answering it would have
	 * the eager server send every later window twice. */
	sim_init(&m, 512 * 200 + 1, &o, true);
	m.eager = true;
	sim_fault(&m, DUP_DATA, 24, 1);
	sim_run(&m, 100000);
	check_complete(&m);
	CHECK(m.data_sent == 201);
}
