/* The TFTP read client's state machine (RFC 1350, 2347, 2348, 2349, 7440).
 * A session sends one request, learns the server's transfer ID from the
 * first answer (OACK, DATA 1 or ERROR), checks what the server accepted,
 * then takes DATA blocks in order, acknowledging the last block of each
 * window, or the last in-order block when it sees a gap so the server
 * resends from there. Block numbers roll over from 65535 to 0, so files of
 * any size work. Its own timer retransmits the current packet with an
 * adaptive timeout (smoothed round-trip time and variance as in TCP,
 * Karn's rule, exponential backoff) and gives up after a bounded number
 * of unanswered retransmissions. No socket, no clock, no allocation: the
 * caller moves the packets and tells the time. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tftp_session.h"

enum opcode {
	OP_RRQ = 1,
	OP_WRQ = 2,
	OP_DATA = 3,
	OP_ACK = 4,
	OP_ERROR = 5,
	OP_OACK = 6,
};

enum state {
	ST_REQUEST,	/* request sent, no answer yet */
	ST_TRANSFER,	/* receiving data */
	ST_DONE,	/* the last block arrived */
	ST_FAILED,
};

/* Why our current packet (the request or an ACK) is due. */
enum send_kind {
	SEND_NONE,
	SEND_NEW,	/* first transmission: its answer times the round trip */
	SEND_RETRY,	/* the timer expired */
	SEND_REPEAT,	/* a gap or a duplicate asks for it again */
};

/* Options we know, in the order a request carries them. */
enum option {
	OPT_BLKSIZE,
	OPT_WINDOWSIZE,
	OPT_TSIZE,
	OPT_TIMEOUT,
	OPT_COUNT,
};

static const char *const option_names[OPT_COUNT] = {
	"blksize", "windowsize", "tsize", "timeout",
};

/* Clock granularity for the retransmission timeout, in milliseconds. */
#define RTT_GRANULARITY_MS 10
/* Round-trip samples above this are clipped (a server that slow is dead). */
#define RTT_SAMPLE_MAX_MS 60000

/* Writes packets: counts every byte, stores those that fit. */
struct writer {
	uint8_t *buf;
	size_t size;
	size_t len;
};

static void put_byte(struct writer *w, uint8_t b)
{
	if (w->len < w->size)
		w->buf[w->len] = b;
	w->len++;
}

static void put_u16(struct writer *w, unsigned v)
{
	put_byte(w, (uint8_t)(v >> 8));
	put_byte(w, (uint8_t)v);
}

/* A string with its terminating NUL. */
static void put_cstr(struct writer *w, const char *str)
{
	do
		put_byte(w, (uint8_t)*str);
	while (*str++);
}

/* A request option: its name, and its value in decimal. */
static void put_option(struct writer *w, enum option opt, unsigned value)
{
	char num[12];

	snprintf(num, sizeof(num), "%u", value);
	put_cstr(w, option_names[opt]);
	put_cstr(w, num);
}

static uint16_t get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static unsigned clamp_unsigned(unsigned v, unsigned lo, unsigned hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Replaces what a console should not print (control bytes, non-ASCII). */
static void sanitize(char *text)
{
	for (; *text; text++)
		if ((unsigned char)*text < 0x20 || (unsigned char)*text >= 0x7f)
			*text = '?';
}

/* Fails the session with err and a formatted story. If code_out is not
 * negative and the server is known, an ERROR with that code and msg_out
 * is queued for it. */
__attribute__((format(printf, 5, 6)))
static void fail(struct tftp_session *s, int err, int code_out, const char *msg_out,
		 const char *fmt, ...)
{
	va_list args;

	s->state = ST_FAILED;
	s->error = err;
	s->timer_armed = false;
	s->send_kind = SEND_NONE;
	s->rtt_pending = false;
	s->error_pending = code_out >= 0 && s->tid_known;
	s->error_code_out = (uint16_t)(code_out < 0 ? 0 : code_out);
	s->error_msg_out = msg_out ? msg_out : "";
	va_start(args, fmt);
	vsnprintf(s->error_text, sizeof(s->error_text), fmt, args);
	va_end(args);
	sanitize(s->error_text);
}

/* Asks for our current packet to go out; a fresh ACK outranks a repeat. */
static void want_send(struct tftp_session *s, enum send_kind kind)
{
	if (kind == SEND_NEW || s->send_kind == SEND_NONE)
		s->send_kind = kind;
}

/* The timeout for the next wait: the RTO doubled per retransmission so far. */
static unsigned current_timeout(const struct tftp_session *s)
{
	unsigned t = s->rto_ms;

	for (unsigned i = 0; i < s->retries && t < TFTP_RTO_MAX_MS; i++)
		t *= 2;
	return t < TFTP_RTO_MAX_MS ? t : TFTP_RTO_MAX_MS;
}

/* Folds one round-trip sample into SRTT and RTTVAR (RFC 6298, in TCP's
 * scaled integers: srtt8 = 8 * SRTT, rttvar4 = 4 * RTTVAR) and sets RTO. */
static void rtt_sample(struct tftp_session *s, uint64_t sample_ms)
{
	int64_t r = sample_ms > RTT_SAMPLE_MAX_MS ? RTT_SAMPLE_MAX_MS : (int64_t)sample_ms;
	int64_t rto, var;

	if (!s->have_rtt) {
		s->srtt8 = r * 8;
		s->rttvar4 = r * 2;
		s->have_rtt = true;
	} else {
		int64_t delta = r - s->srtt8 / 8;
		s->srtt8 += delta;
		if (delta < 0)
			delta = -delta;
		s->rttvar4 += delta - s->rttvar4 / 4;
	}
	var = s->rttvar4 > RTT_GRANULARITY_MS ? s->rttvar4 : RTT_GRANULARITY_MS;
	rto = s->srtt8 / 8 + var;
	s->rto_ms = (unsigned)(rto < TFTP_RTO_MIN_MS ? TFTP_RTO_MIN_MS :
			       rto > TFTP_RTO_MAX_MS ? TFTP_RTO_MAX_MS : rto);
}

/* The server answered usefully: time the round trip if the packet it
 * answers went out once, and restart the timer without backoff. */
static void progress(struct tftp_session *s, uint64_t now_ms)
{
	if (s->rtt_pending && now_ms >= s->rtt_start_ms)
		rtt_sample(s, now_ms - s->rtt_start_ms);
	s->rtt_pending = false;
	s->retries = 0;
	s->quiet_since_ms = now_ms;
	s->timer_armed = true;
	s->deadline_ms = now_ms + s->rto_ms;
}

/* Builds the request: RRQ, file name, "octet", then the options asked
 * for (RFC 2347). Fails the session if the file name does not fit. */
static int build_request(struct tftp_session *s, const char *filename)
{
	struct writer w = { s->request, sizeof(s->request), 0 };
	size_t name_len = strlen(filename);

	put_u16(&w, OP_RRQ);
	put_cstr(&w, filename);
	put_cstr(&w, "octet");
	if (s->want.blksize)
		put_option(&w, OPT_BLKSIZE, s->want.blksize);
	if (s->want.windowsize)
		put_option(&w, OPT_WINDOWSIZE, s->want.windowsize);
	if (s->want.ask_tsize)
		put_option(&w, OPT_TSIZE, 0);
	if (s->want.timeout_s)
		put_option(&w, OPT_TIMEOUT, s->want.timeout_s);
	if (w.len > w.size) {
		fail(s, TFTP_ERR_FILENAME, -1, NULL,
		     "file name \"%.48s...\" is too long: %zu bytes, but at most %zu fit in "
		     "a TFTP request with these options", filename, name_len,
		     w.size - (w.len - name_len));
		return s->error;
	}
	s->request_len = w.len;
	return 0;
}

int tftp_session_init(struct tftp_session *s, const char *filename,
		      const struct tftp_options *want, uint64_t now_ms)
{
	if (!s)
		return TFTP_ERR_INVALID;
	memset(s, 0, sizeof(*s));
	s->server_code = -1;
	if (want)
		s->want = *want;
	if (s->want.blksize)
		s->want.blksize = clamp_unsigned(s->want.blksize, TFTP_BLKSIZE_MIN,
						 TFTP_BLKSIZE_MAX);
	if (s->want.windowsize > TFTP_WINDOWSIZE_MAX)
		s->want.windowsize = TFTP_WINDOWSIZE_MAX;
	if (s->want.timeout_s > TFTP_TIMEOUT_MAX_S)
		s->want.timeout_s = TFTP_TIMEOUT_MAX_S;
	s->request_port = s->want.server_port ? s->want.server_port : TFTP_PORT;
	s->max_retries = s->want.max_retries ? s->want.max_retries : TFTP_DEFAULT_RETRIES;
	s->blksize = TFTP_DEFAULT_BLKSIZE;
	s->windowsize = 1;
	s->rto_ms = clamp_unsigned(s->want.timeout_s ? s->want.timeout_s * 1000 :
				   TFTP_RTO_INITIAL_MS, TFTP_RTO_MIN_MS, TFTP_RTO_MAX_MS);
	s->quiet_since_ms = now_ms;

	if (!filename) {
		fail(s, TFTP_ERR_INVALID, -1, NULL, "no file name given");
		return s->error;
	}
	if (!*filename) {
		fail(s, TFTP_ERR_FILENAME, -1, NULL, "empty file name");
		return s->error;
	}
	if (build_request(s, filename))
		return s->error;
	s->state = ST_REQUEST;
	s->send_kind = SEND_NEW;
	return 0;
}

/* An ERROR packet: code, message, NUL. */
static size_t put_error(uint8_t *buf, size_t size, unsigned code, const char *msg)
{
	struct writer w = { buf, size, 0 };

	put_u16(&w, OP_ERROR);
	put_u16(&w, code);
	put_cstr(&w, msg);
	return w.len <= size ? w.len : 0;
}

/* Our current packet went out: time it if it is fresh, arm the timer. */
static void sent(struct tftp_session *s, uint64_t now_ms)
{
	s->rtt_pending = s->send_kind == SEND_NEW;
	s->rtt_start_ms = now_ms;
	s->send_kind = SEND_NONE;
	s->timer_armed = s->state != ST_DONE;
	s->deadline_ms = now_ms + current_timeout(s);
}

size_t tftp_session_output(struct tftp_session *s, uint8_t *buf, size_t size,
			   uint16_t *to_port, uint64_t now_ms)
{
	uint16_t unused;
	struct writer w = { buf, size, 0 };

	if (!s || !buf || size < TFTP_PACKET_MAX)
		return 0;
	if (!to_port)
		to_port = &unused;
	if (s->stray_pending) {
		s->stray_pending = false;
		*to_port = s->stray_port;
		return put_error(buf, size, TFTP_EBADID, "Unknown transfer ID");
	}
	switch (s->state) {
	case ST_REQUEST:
		if (s->send_kind == SEND_NONE)
			return 0;
		memcpy(buf, s->request, s->request_len);
		*to_port = s->request_port;
		sent(s, now_ms);
		return s->request_len;
	case ST_TRANSFER:
	case ST_DONE:
		if (s->send_kind == SEND_NONE)
			return 0;
		put_u16(&w, OP_ACK);
		put_u16(&w, s->last_block);
		*to_port = s->server_port;
		/* The server starts its next window after what this ACK says. */
		s->window_count = 0;
		s->ack_sent_ms = now_ms;
		sent(s, now_ms);
		return w.len;
	case ST_FAILED:
		if (!s->error_pending)
			return 0;
		s->error_pending = false;
		*to_port = s->server_port;
		return put_error(buf, size, s->error_code_out, s->error_msg_out);
	}
	return 0;
}

/* Reads a decimal option value: digits only, no sign, no overflow. */
static bool parse_decimal(const char *text, uint64_t *out)
{
	uint64_t v = 0;

	if (!*text)
		return false;
	for (; *text; text++) {
		if (*text < '0' || *text > '9')
			return false;
		if (v > (UINT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (uint64_t)(*text - '0');
	}
	*out = v;
	return true;
}

/* Which known option a name is, or OPT_COUNT. */
static enum option option_by_name(const char *name)
{
	for (int i = 0; i < OPT_COUNT; i++)
		if (strcasecmp(name, option_names[i]) == 0)
			return (enum option)i;
	return OPT_COUNT;
}

/* What we asked for an option (0: we did not ask). */
static unsigned asked_value(const struct tftp_session *s, enum option opt)
{
	switch (opt) {
	case OPT_BLKSIZE: return s->want.blksize;
	case OPT_WINDOWSIZE: return s->want.windowsize;
	case OPT_TSIZE: return s->want.ask_tsize;
	case OPT_TIMEOUT: return s->want.timeout_s;
	case OPT_COUNT: break;
	}
	return 0;
}

/* Options accepted so far from one OACK. */
struct oack {
	bool seen[OPT_COUNT];
	uint64_t value[OPT_COUNT];
};

/* Checks one answered option against what we asked; fails the session
 * (ERROR 8 to the server) if we cannot accept it. */
static bool check_option(struct tftp_session *s, struct oack *o, const char *name,
			 const char *text)
{
	enum option opt = option_by_name(name);
	unsigned asked = opt == OPT_COUNT ? 0 : asked_value(s, opt);
	uint64_t v;
	uint64_t lo = 1, hi = asked;

	if (!asked) {
		fail(s, TFTP_ERR_OPTION_UNASKED, TFTP_EOPTNEG, "Option not requested",
		     "server answered with an option we did not ask for: %.32s=%.32s", name, text);
		return false;
	}
	if (o->seen[opt]) {
		fail(s, TFTP_ERR_PROTOCOL, TFTP_EOPTNEG, "Option repeated",
		     "server answered option %s twice", option_names[opt]);
		return false;
	}
	if (!parse_decimal(text, &v)) {
		fail(s, TFTP_ERR_PROTOCOL, TFTP_EOPTNEG, "Option value not a number",
		     "server answered option %s with \"%.32s\", which is not a number",
		     option_names[opt], text);
		return false;
	}
	if (opt == OPT_BLKSIZE)
		lo = TFTP_BLKSIZE_MIN;
	else if (opt == OPT_TIMEOUT)
		lo = asked; /* RFC 2349: the server must echo our timeout */
	else if (opt == OPT_TSIZE)
		lo = 0, hi = UINT64_MAX;
	if (v < lo || v > hi) {
		fail(s, TFTP_ERR_OPTION_REFUSED, TFTP_EOPTNEG, "Option value not acceptable",
		     "server refused option %s=%u: it answered %llu, outside %llu..%llu",
		     option_names[opt], asked, (unsigned long long)v, (unsigned long long)lo,
		     (unsigned long long)hi);
		return false;
	}
	o->seen[opt] = true;
	o->value[opt] = v;
	return true;
}

/* Parses an OACK's name/value pairs and checks each; on success puts the
 * answered values in effect (the others keep their RFC 1350 defaults). */
static bool accept_oack(struct tftp_session *s, const uint8_t *pkt, size_t len)
{
	struct oack o;
	const uint8_t *p = pkt + 2, *end = pkt + len;

	memset(&o, 0, sizeof(o));
	while (p < end) {
		const uint8_t *name_end = memchr(p, 0, (size_t)(end - p));
		const uint8_t *value_end;
		const char *name = (const char *)p;

		if (!name_end || name_end + 1 >= end) {
			fail(s, TFTP_ERR_PROTOCOL, TFTP_EOPTNEG, "Malformed OACK",
			     "malformed OACK from server: an option without a value");
			return false;
		}
		value_end = memchr(name_end + 1, 0, (size_t)(end - (name_end + 1)));
		if (!value_end || name == (const char *)name_end) {
			fail(s, TFTP_ERR_PROTOCOL, TFTP_EOPTNEG, "Malformed OACK",
			     "malformed OACK from server: %s", value_end ?
			     "an empty option name" : "a value without its terminating NUL");
			return false;
		}
		if (!check_option(s, &o, name, (const char *)(name_end + 1)))
			return false;
		p = value_end + 1;
	}
	s->options_acked = true;
	if (o.seen[OPT_BLKSIZE])
		s->blksize = (unsigned)o.value[OPT_BLKSIZE];
	if (o.seen[OPT_WINDOWSIZE])
		s->windowsize = (unsigned)o.value[OPT_WINDOWSIZE];
	if (o.seen[OPT_TIMEOUT])
		s->timeout_s = (unsigned)o.value[OPT_TIMEOUT];
	s->tsize_known = o.seen[OPT_TSIZE];
	s->tsize = o.value[OPT_TSIZE];
	return true;
}

/* The first answer fixes the server's transfer ID (RFC 1350, 4). */
static void lock_tid(struct tftp_session *s, uint16_t port)
{
	s->tid_known = true;
	s->server_port = port;
}

/* OACK: in answer to our request, check it and ACK block 0; again before
 * any data, our ACK 0 was lost, so repeat it; later, ignore it. */
static void on_oack(struct tftp_session *s, const uint8_t *pkt, size_t len, uint16_t port,
		    uint64_t now_ms)
{
	if (s->state == ST_TRANSFER && s->options_acked && s->blocks == 0) {
		want_send(s, SEND_REPEAT);
		return;
	}
	if (s->state != ST_REQUEST)
		return;
	lock_tid(s, port);
	if (!accept_oack(s, pkt, len))
		return;
	s->state = ST_TRANSFER;
	s->last_block = 0;
	progress(s, now_ms);
	want_send(s, SEND_NEW);
}

/* The last block arrived: check it against tsize, then ACK it. */
static void finish(struct tftp_session *s)
{
	if (s->tsize_known && s->offset != s->tsize) {
		fail(s, TFTP_ERR_TSIZE, TFTP_EUNDEF, "File shorter than tsize",
		     "transfer ended after %llu bytes, but the server announced a size "
		     "(tsize) of %llu", (unsigned long long)s->offset,
		     (unsigned long long)s->tsize);
		return;
	}
	s->state = ST_DONE;
	s->timer_armed = false;
	want_send(s, SEND_NEW);
}

/* The block we expected: deliver it, then ACK if it ends a window or the
 * file. */
static void accept_block(struct tftp_session *s, uint16_t block, const uint8_t *data,
			 size_t len, uint64_t now_ms, tftp_data_fn *on_data, void *ctx)
{
	if (s->tsize_known && len > s->tsize - s->offset) {
		fail(s, TFTP_ERR_TSIZE, TFTP_EUNDEF, "More data than tsize",
		     "server sent more data than the size (tsize) it announced: block %u "
		     "would end at byte %llu of %llu", block,
		     (unsigned long long)(s->offset + len), (unsigned long long)s->tsize);
		return;
	}
	if (len && on_data) {
		int rc = on_data(ctx, s->offset, data, len);
		if (rc) {
			fail(s, TFTP_ERR_ABORTED, TFTP_EUNDEF, "Transfer cancelled",
			     "transfer stopped by the receiver (code %d) after %llu bytes", rc,
			     (unsigned long long)s->offset);
			return;
		}
	}
	s->offset += len;
	s->last_block = block;
	s->blocks++;
	s->window_count++;
	s->gap_acked = false;
	progress(s, now_ms);
	if (len < s->blksize)
		finish(s);
	else if (s->window_count >= s->windowsize)
		want_send(s, SEND_NEW);
}

/* A DATA block during the transfer: in order, ahead of a gap, or old. */
static void on_transfer_data(struct tftp_session *s, uint16_t block, const uint8_t *data,
			     size_t len, uint64_t now_ms, tftp_data_fn *on_data, void *ctx)
{
	uint16_t expected = (uint16_t)(s->last_block + 1);
	uint16_t ahead = (uint16_t)(block - expected);

	if (len > s->blksize) {
		fail(s, TFTP_ERR_PROTOCOL, TFTP_EBADOP, "Block larger than blksize",
		     "server sent %zu bytes in block %u, more than the block size %u", len,
		     block, s->blksize);
		return;
	}
	if (block == expected) {
		accept_block(s, block, data, len, now_ms, on_data, ctx);
	} else if (ahead < s->windowsize) {
		/* A block of this window went missing: once per gap, tell the
		 * server the last one we have so it resends from there. */
		if (!s->gap_acked)
			want_send(s, SEND_REPEAT);
		s->gap_acked = true;
	} else if (block == s->last_block && s->window_count == 0 &&
		   now_ms - s->ack_sent_ms >= s->rto_ms) {
		/* The server repeats the block we acknowledged a while ago:
		 * its timer says our ACK was lost, so repeat it. Sooner, the
		 * repeat answers an extra ACK of ours; answering that would
		 * double the traffic for good (Sorcerer's Apprentice), and
		 * our own timer is there if the ACK really was lost. A repeat
		 * mid-window is the network's doing. */
		want_send(s, SEND_REPEAT);
	}
}

/* DATA: block 1 in answer to our request means the server ignored our
 * options (RFC 2347): fall back to 512-byte lock-step. */
static void on_data(struct tftp_session *s, const uint8_t *pkt, size_t len, uint16_t port,
		    uint64_t now_ms, tftp_data_fn *fn, void *ctx)
{
	uint16_t block;

	if (len < 4)
		return;
	block = get_u16(pkt + 2);
	if (s->state == ST_REQUEST) {
		if (block != 1)
			return;
		lock_tid(s, port);
		s->blksize = TFTP_DEFAULT_BLKSIZE;
		s->windowsize = 1;
		s->state = ST_TRANSFER;
	}
	if (s->state == ST_TRANSFER)
		on_transfer_data(s, block, pkt + 4, len - 4, now_ms, fn, ctx);
	else if (s->state == ST_DONE && block == s->last_block)
		want_send(s, SEND_REPEAT);
}

/* ERROR from the server: the session fails with its code and words. */
static void on_error(struct tftp_session *s, const uint8_t *pkt, size_t len)
{
	size_t n = 0;
	unsigned code;

	if (len < 4 || s->state == ST_DONE)
		return;
	code = get_u16(pkt + 2);
	while (n < len - 4 && n < sizeof(s->server_text) - 1 && pkt[4 + n])
		n++;
	memcpy(s->server_text, pkt + 4, n);
	s->server_text[n] = '\0';
	sanitize(s->server_text);
	s->server_code = (int)code;
	if (n)
		fail(s, TFTP_ERR_SERVER, -1, NULL, "%s (TFTP error %u): \"%s\"",
		     tftp_error_code_name(code), code, s->server_text);
	else
		fail(s, TFTP_ERR_SERVER, -1, NULL, "%s (TFTP error %u)", tftp_error_code_name(code),
		     code);
}

/* A packet from a port other than the server's: answer ERROR 5 (never to
 * an ERROR, lest two strangers argue forever) and otherwise ignore it. */
static void on_stray(struct tftp_session *s, uint16_t opcode, uint16_t port)
{
	if (opcode == OP_ERROR)
		return;
	s->stray_pending = true;
	s->stray_port = port;
}

int tftp_session_input(struct tftp_session *s, const uint8_t *pkt, size_t len,
		       uint16_t from_port, uint64_t now_ms, tftp_data_fn *fn, void *ctx)
{
	uint16_t opcode;

	if (!s)
		return TFTP_ERR_INVALID;
	if (s->state == ST_FAILED)
		return s->error;
	if (!pkt || len < 2 || from_port == 0)
		return 0;
	opcode = get_u16(pkt);
	if (s->tid_known && from_port != s->server_port) {
		on_stray(s, opcode, from_port);
		return 0;
	}
	switch (opcode) {
	case OP_DATA:
		on_data(s, pkt, len, from_port, now_ms, fn, ctx);
		break;
	case OP_OACK:
		on_oack(s, pkt, len, from_port, now_ms);
		break;
	case OP_ERROR:
		on_error(s, pkt, len);
		break;
	default:
		/* RRQ, WRQ, ACK or unknown: nothing a reading client expects. */
		break;
	}
	return s->state == ST_FAILED ? s->error : 0;
}

int tftp_session_poll(struct tftp_session *s, uint64_t now_ms)
{
	uint64_t quiet;

	if (!s)
		return TFTP_ERR_INVALID;
	if (s->state == ST_FAILED)
		return s->error;
	if (!s->timer_armed || now_ms < s->deadline_ms)
		return 0;
	s->timer_armed = false;
	if (s->retries < s->max_retries) {
		s->retries++;
		s->retransmissions++;
		want_send(s, SEND_RETRY);
		return 0;
	}
	quiet = now_ms - s->quiet_since_ms;
	if (s->state == ST_REQUEST)
		fail(s, TFTP_ERR_TIMEOUT, -1, NULL,
		     "server did not answer (no reply to %u retransmissions of the request "
		     "over %llu.%llu s)", s->retries, (unsigned long long)(quiet / 1000),
		     (unsigned long long)(quiet % 1000 / 100));
	else
		fail(s, TFTP_ERR_TIMEOUT, -1, NULL,
		     "server stopped answering (no reply to %u retransmissions over "
		     "%llu.%llu s, after %llu bytes)", s->retries,
		     (unsigned long long)(quiet / 1000), (unsigned long long)(quiet % 1000 / 100),
		     (unsigned long long)s->offset);
	return s->error;
}

uint64_t tftp_session_next_timeout(const struct tftp_session *s)
{
	if (!s || s->state == ST_FAILED || !s->timer_armed)
		return UINT64_MAX;
	return s->deadline_ms;
}

bool tftp_session_done(const struct tftp_session *s)
{
	return s && s->state == ST_DONE;
}

int tftp_session_error(const struct tftp_session *s)
{
	return s ? s->error : TFTP_ERR_INVALID;
}

const char *tftp_session_error_text(const struct tftp_session *s)
{
	return s ? s->error_text : "";
}

int tftp_session_server_code(const struct tftp_session *s)
{
	return s ? s->server_code : -1;
}

void tftp_session_info(const struct tftp_session *s, struct tftp_info *info)
{
	if (!info)
		return;
	memset(info, 0, sizeof(*info));
	if (!s)
		return;
	info->blksize = s->blksize;
	info->windowsize = s->windowsize;
	info->timeout_s = s->timeout_s;
	info->options_acked = s->options_acked;
	info->tsize_known = s->tsize_known;
	info->tsize = s->tsize;
	info->server_port = s->tid_known ? s->server_port : 0;
	info->bytes = s->offset;
	info->rto_ms = s->rto_ms;
	info->srtt_ms = s->have_rtt ? (unsigned)(s->srtt8 / 8) : 0;
	info->retransmissions = s->retransmissions;
}

const char *tftp_strerror(int err)
{
	switch (err) {
	case TFTP_OK: return "no error";
	case TFTP_ERR_INVALID: return "invalid argument";
	case TFTP_ERR_FILENAME: return "bad file name";
	case TFTP_ERR_SERVER: return "server reported an error";
	case TFTP_ERR_OPTION_REFUSED: return "server refused an option";
	case TFTP_ERR_OPTION_UNASKED: return "server answered with an option we did not ask for";
	case TFTP_ERR_PROTOCOL: return "malformed packet from server";
	case TFTP_ERR_TIMEOUT: return "server stopped answering";
	case TFTP_ERR_TSIZE: return "data does not match the announced size";
	case TFTP_ERR_ABORTED: return "transfer stopped by the receiver";
	}
	return "unknown TFTP error";
}

const char *tftp_error_code_name(unsigned code)
{
	switch (code) {
	case TFTP_EUNDEF: return "server-defined error";
	case TFTP_ENOTFOUND: return "file not found";
	case TFTP_EACCESS: return "access violation";
	case TFTP_ENOSPACE: return "disk full or allocation exceeded";
	case TFTP_EBADOP: return "illegal TFTP operation";
	case TFTP_EBADID: return "unknown transfer ID";
	case TFTP_EEXISTS: return "file already exists";
	case TFTP_ENOUSER: return "no such user";
	case TFTP_EOPTNEG: return "option negotiation refused";
	}
	return "unknown error code";
}
