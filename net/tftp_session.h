/* A TFTP read (download) client as a pure state machine: RFC 1350 with
 * option negotiation (RFC 2347), blksize (RFC 2348), timeout and tsize
 * (RFC 2349) and windowsize (RFC 7440). It owns no socket and no clock:
 * the caller sends what tftp_session_output() produces, feeds every
 * datagram that arrives to tftp_session_input(), calls tftp_session_poll()
 * now and then, and passes the current time in milliseconds to each call.
 *
 * A caller's loop looks like this:
 *
 *	tftp_session_init(&s, "boot.efi", &want, now());
 *	while (!tftp_session_done(&s) && !tftp_session_error(&s)) {
 *		while ((n = tftp_session_output(&s, buf, sizeof(buf), &port, now())))
 *			udp_send(port, buf, n);
 *		if (udp_receive(pkt, &len, &from, until tftp_session_next_timeout(&s)))
 *			tftp_session_input(&s, pkt, len, from, now(), store, ctx);
 *		tftp_session_poll(&s, now());
 *	}
 *	flush tftp_session_output() once more: the final ACK, or the ERROR
 *	that tells the server why we stopped.
 */
#ifndef NET_TFTP_SESSION_H
#define NET_TFTP_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TFTP_PORT 69
/* The largest packet tftp_session_output() produces (a request never
 * exceeds 512 bytes, RFC 2347); output buffers must be at least this. */
#define TFTP_PACKET_MAX 512
#define TFTP_DEFAULT_BLKSIZE 512
#define TFTP_BLKSIZE_MIN 8
#define TFTP_BLKSIZE_MAX 65464
#define TFTP_WINDOWSIZE_MAX 65535
#define TFTP_TIMEOUT_MAX_S 255
/* Retransmission timeout: the first one, and the range it adapts in. */
#define TFTP_RTO_INITIAL_MS 1000
#define TFTP_RTO_MIN_MS 200
#define TFTP_RTO_MAX_MS 5000
/* Consecutive unanswered retransmissions before the server is dead. */
#define TFTP_DEFAULT_RETRIES 8
#define TFTP_SERVER_TEXT_MAX 128
#define TFTP_ERROR_TEXT_MAX 320

/* Why a session failed; tftp_strerror() names each in a few words, and
 * tftp_session_error_text() tells the whole story. */
enum tftp_error {
	TFTP_OK = 0,
	TFTP_ERR_INVALID = -1,		/* bad argument to a tftp_session call */
	TFTP_ERR_FILENAME = -2,		/* empty, or too long for a request */
	TFTP_ERR_SERVER = -3,		/* the server sent an ERROR packet */
	TFTP_ERR_OPTION_REFUSED = -4,	/* OACK value outside what we asked */
	TFTP_ERR_OPTION_UNASKED = -5,	/* OACK option we did not ask for */
	TFTP_ERR_PROTOCOL = -6,		/* malformed OACK, oversized DATA */
	TFTP_ERR_TIMEOUT = -7,		/* the server stopped answering */
	TFTP_ERR_TSIZE = -8,		/* data did not match the announced tsize */
	TFTP_ERR_ABORTED = -9,		/* the data callback stopped the transfer */
};

/* ERROR packet codes (RFC 1350, RFC 2347). */
enum tftp_error_code {
	TFTP_EUNDEF = 0,
	TFTP_ENOTFOUND = 1,
	TFTP_EACCESS = 2,
	TFTP_ENOSPACE = 3,
	TFTP_EBADOP = 4,
	TFTP_EBADID = 5,
	TFTP_EEXISTS = 6,
	TFTP_ENOUSER = 7,
	TFTP_EOPTNEG = 8,
};

/* What the client asks for. A zero field is not asked (blksize 512,
 * windowsize 1, the server's own timeout); values beyond the protocol's
 * ranges are clamped into them. */
struct tftp_options {
	unsigned blksize;	/* 8..65464 */
	unsigned windowsize;	/* 1..65535 */
	bool ask_tsize;		/* ask the server for the file's size */
	unsigned timeout_s;	/* 1..255; also our first retransmission timeout */
	uint16_t server_port;	/* where the request goes; 0: 69 */
	unsigned max_retries;	/* 0: TFTP_DEFAULT_RETRIES */
};

/* Receives one data block: len bytes at byte offset of the file, in order,
 * each byte exactly once. Returns 0 to go on, anything else to stop the
 * transfer (TFTP_ERR_ABORTED). */
typedef int tftp_data_fn(void *ctx, uint64_t offset, const uint8_t *data, size_t len);

/* What is in effect: negotiated values, progress and timing. */
struct tftp_info {
	unsigned blksize;
	unsigned windowsize;
	unsigned timeout_s;		/* 0 unless the server accepted ours */
	bool options_acked;		/* the server answered with an OACK */
	bool tsize_known;
	uint64_t tsize;
	uint16_t server_port;		/* the server's TID; 0 until it answers */
	uint64_t bytes;			/* delivered so far */
	unsigned rto_ms;		/* retransmission timeout before backoff */
	unsigned srtt_ms;		/* smoothed round-trip time; 0: none measured */
	unsigned retransmissions;	/* timer-driven, over the whole session */
};

/* The session; its fields are private to tftp_session.c. */
struct tftp_session {
	int state;
	int error;
	/* The request, built once; retransmitted as is. */
	uint8_t request[TFTP_PACKET_MAX];
	size_t request_len;
	uint16_t request_port;
	/* What we asked for, and what is in effect. */
	struct tftp_options want;
	unsigned blksize;
	unsigned windowsize;
	unsigned timeout_s;
	bool options_acked;
	bool tsize_known;
	uint64_t tsize;
	/* The server's transfer ID, fixed by its first reply. */
	bool tid_known;
	uint16_t server_port;
	/* Receive position: last in-order block, bytes and blocks so far. */
	uint16_t last_block;
	uint64_t offset;
	uint64_t blocks;
	unsigned window_count;
	bool gap_acked;
	uint64_t ack_sent_ms;
	/* Output: our current packet, an ERROR for a stranger, one for the server. */
	int send_kind;
	bool stray_pending;
	uint16_t stray_port;
	bool error_pending;
	uint16_t error_code_out;
	const char *error_msg_out;
	/* Timer, round-trip estimate and retransmission count. */
	bool timer_armed;
	uint64_t deadline_ms;
	uint64_t quiet_since_ms;
	bool rtt_pending;
	uint64_t rtt_start_ms;
	bool have_rtt;
	int64_t srtt8;
	int64_t rttvar4;
	unsigned rto_ms;
	unsigned retries;
	unsigned max_retries;
	unsigned retransmissions;
	/* The failure: the server's own code and words, and the whole story. */
	int server_code;
	char server_text[TFTP_SERVER_TEXT_MAX];
	char error_text[TFTP_ERROR_TEXT_MAX];
};

/* Starts a download of filename. want may be NULL (no options). Returns 0,
 * or TFTP_ERR_FILENAME / TFTP_ERR_INVALID, in which case the session is
 * failed and says why in tftp_session_error_text(). */
int tftp_session_init(struct tftp_session *s, const char *filename,
		      const struct tftp_options *want, uint64_t now_ms);

/* The next packet to send now: the request, an ACK, a retransmission, an
 * ERROR. Writes it to buf, its destination UDP port to *to_port, and
 * returns its length; 0 when there is nothing (more) to send. Call it
 * until it returns 0. size must be at least TFTP_PACKET_MAX. */
size_t tftp_session_output(struct tftp_session *s, uint8_t *buf, size_t size,
			   uint16_t *to_port, uint64_t now_ms);

/* A datagram of len bytes arrived from UDP port from_port (the caller has
 * checked it came from the server's address). Data goes to on_data (which
 * may be NULL). Returns 0, or the session's error once it has failed. */
int tftp_session_input(struct tftp_session *s, const uint8_t *pkt, size_t len,
		       uint16_t from_port, uint64_t now_ms, tftp_data_fn *on_data, void *ctx);

/* Handles timeouts: queues retransmissions, and fails the session with
 * TFTP_ERR_TIMEOUT once max_retries in a row went unanswered. Returns 0
 * or the session's error. */
int tftp_session_poll(struct tftp_session *s, uint64_t now_ms);

/* When tftp_session_poll() next has something to do; UINT64_MAX if never. */
uint64_t tftp_session_next_timeout(const struct tftp_session *s);

/* True once the last block has arrived; the final ACK may still be waiting
 * in tftp_session_output(). */
bool tftp_session_done(const struct tftp_session *s);

/* 0, or why the session failed (enum tftp_error). */
int tftp_session_error(const struct tftp_session *s);

/* The failure in full, with the server's own message; "" if none. */
const char *tftp_session_error_text(const struct tftp_session *s);

/* The server's ERROR code (enum tftp_error_code), or -1 if it sent none. */
int tftp_session_server_code(const struct tftp_session *s);

/* Fills *info with what is in effect now. */
void tftp_session_info(const struct tftp_session *s, struct tftp_info *info);

/* A few words for an enum tftp_error. */
const char *tftp_strerror(int err);

/* A few words for an ERROR packet code: 1 "file not found", ... */
const char *tftp_error_code_name(unsigned code);

#endif
