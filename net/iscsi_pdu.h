/* iSCSI PDUs (RFC 7143 section 11): the 48-byte basic header segment, the
 * additional header segments, the data segment padded to 4 bytes, and the
 * key=value text of login and text PDUs. Pure: no I/O, no allocation
 * beyond the receive buffer, so it is host-tested and fuzzed. */
#ifndef NET_ISCSI_PDU_H
#define NET_ISCSI_PDU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ISCSI_BHS_LEN 48

/* Opcodes (byte 0, low 6 bits). */
enum iscsi_opcode {
	ISCSI_OP_NOP_OUT = 0x00,
	ISCSI_OP_SCSI_CMD = 0x01,
	ISCSI_OP_LOGIN_REQ = 0x03,
	ISCSI_OP_TEXT_REQ = 0x04,
	ISCSI_OP_DATA_OUT = 0x05,
	ISCSI_OP_LOGOUT_REQ = 0x06,
	ISCSI_OP_NOP_IN = 0x20,
	ISCSI_OP_SCSI_RSP = 0x21,
	ISCSI_OP_LOGIN_RSP = 0x23,
	ISCSI_OP_TEXT_RSP = 0x24,
	ISCSI_OP_DATA_IN = 0x25,
	ISCSI_OP_LOGOUT_RSP = 0x26,
	ISCSI_OP_R2T = 0x31,
	ISCSI_OP_ASYNC = 0x32,
	ISCSI_OP_REJECT = 0x3f,
};

#define ISCSI_FLAG_IMMEDIATE 0x40 /* byte 0 */
#define ISCSI_FLAG_FINAL 0x80     /* byte 1 */
/* Login byte 1: transit, continue, current and next stage. */
#define ISCSI_LOGIN_TRANSIT 0x80
#define ISCSI_LOGIN_CONTINUE 0x40
#define ISCSI_STAGE_SECURITY 0
#define ISCSI_STAGE_OPERATIONAL 1
#define ISCSI_STAGE_FULL_FEATURE 3
/* SCSI command byte 1. */
#define ISCSI_CMD_READ 0x40
#define ISCSI_CMD_WRITE 0x20
#define ISCSI_CMD_ATTR_SIMPLE 0x01
/* Data-In byte 1. */
#define ISCSI_DATA_IN_STATUS 0x01
#define ISCSI_RESIDUAL_UNDERFLOW 0x02
#define ISCSI_RESIDUAL_OVERFLOW 0x04
#define ISCSI_RESERVED_TAG 0xffffffffu

/* A PDU as it travels: the header and the data segment (unpadded). */
struct iscsi_pdu {
	uint8_t bhs[ISCSI_BHS_LEN];
	const uint8_t *data;
	size_t data_len;
};

/* Big-endian fields of the header. */
uint32_t iscsi_get32(const uint8_t *p);
void iscsi_put32(uint8_t *p, uint32_t v);
uint16_t iscsi_get16(const uint8_t *p);
void iscsi_put16(uint8_t *p, uint16_t v);

static inline unsigned iscsi_opcode(const uint8_t *bhs)
{
	return bhs[0] & 0x3f;
}
static inline uint32_t iscsi_itt(const uint8_t *bhs)
{
	return iscsi_get32(bhs + 16);
}
/* DataSegmentLength (bytes 5..7). */
static inline uint32_t iscsi_data_len(const uint8_t *bhs)
{
	return (uint32_t)bhs[5] << 16 | (uint32_t)bhs[6] << 8 | bhs[7];
}
/* "SCSI Response", "R2T"...: for messages. */
const char *iscsi_opcode_name(unsigned opcode);

/* A header with opcode, flags and the data segment length set, the rest 0. */
void iscsi_bhs_init(uint8_t *bhs, unsigned opcode, bool immediate, uint8_t flags,
		    size_t data_len);
/* Bytes of padding after a data segment of len bytes. */
static inline size_t iscsi_pad(size_t len)
{
	return (4 - (len & 3)) & 3;
}

/* Receiving: bytes from the connection, as they come, into whole PDUs. */
enum iscsi_rx_result { ISCSI_RX_MORE, ISCSI_RX_PDU, ISCSI_RX_ERROR };
struct iscsi_rx {
	uint8_t *buf;         /* header, AHS and data of the PDU being read */
	size_t max_data;      /* the largest data segment we accept */
	size_t have;          /* bytes of the current PDU read so far */
	size_t need;          /* bytes the current PDU has in all (0: header not read) */
	struct iscsi_pdu pdu; /* the finished PDU after ISCSI_RX_PDU */
	char error[96];
};
/* buf must hold ISCSI_BHS_LEN + 1020 (the largest AHS) + max_data + 3. */
void iscsi_rx_init(struct iscsi_rx *rx, uint8_t *buf, size_t max_data);
size_t iscsi_rx_buffer_size(size_t max_data);
/* Reads from data[0..len): *used says how many bytes were taken. Returns
 * ISCSI_RX_PDU when a PDU is complete (in rx->pdu, valid until the next
 * call), ISCSI_RX_MORE when all bytes were taken without completing one,
 * ISCSI_RX_ERROR with rx->error for a PDU we refuse (unknown opcode, data
 * segment larger than max_data): the stream cannot be trusted after it. */
enum iscsi_rx_result iscsi_rx_feed(struct iscsi_rx *rx, const uint8_t *data, size_t len,
				   size_t *used);

/* Text keys: "key=value\0key=value\0" as login and text PDUs carry them. */
struct iscsi_text {
	char *buf;
	size_t len, size;
	bool overflow;        /* a key did not fit */
};
void iscsi_text_init(struct iscsi_text *t, char *buf, size_t size);
void iscsi_text_add(struct iscsi_text *t, const char *key, const char *value);
/* Calls visit for each key=value pair in data (a value may be empty). false
 * with why filled in when the text is malformed (a pair without '=', an
 * empty key, a last pair without its NUL, a key or value too long). */
typedef void iscsi_text_visit_fn(void *ctx, const char *key, const char *value);
bool iscsi_text_parse(const uint8_t *data, size_t len, iscsi_text_visit_fn *visit, void *ctx,
		      char *why, size_t why_size);
#define ISCSI_TEXT_MAX_KEY 64 /* RFC 7143: keys are at most 63 bytes */
#define ISCSI_TEXT_MAX_VALUE 2048 /* more than any value we use (CHAP challenges included) */

#endif
