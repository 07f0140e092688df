/* iSCSI PDUs: header fields, receiving PDUs split at every byte, hostile
 * headers (unknown opcodes, initiator opcodes, oversized data segments),
 * and login text keys. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../../net/iscsi_pdu.h"
#include "test.h"

#define MAX_DATA 256

static uint8_t rx_buf[ISCSI_BHS_LEN + 1020 + MAX_DATA + 3];

/* A target PDU: header, AHS words of 0xee, data, padding. Returns its length. */
static size_t make_pdu(uint8_t *out, unsigned op, unsigned ahs_words, const char *data)
{
	size_t len = strlen(data), n;
	iscsi_bhs_init(out, op, false, ISCSI_FLAG_FINAL, len);
	out[4] = (uint8_t)ahs_words;
	iscsi_put32(out + 16, 0x1234);
	n = ISCSI_BHS_LEN;
	memset(out + n, 0xee, ahs_words * 4);
	n += ahs_words * 4;
	memcpy(out + n, data, len);
	n += len;
	memset(out + n, 0, iscsi_pad(len));
	return n + iscsi_pad(len);
}

TEST(iscsi_bhs_fields)
{
	uint8_t bhs[ISCSI_BHS_LEN];
	iscsi_bhs_init(bhs, ISCSI_OP_LOGIN_REQ, true, 0x87, 0x123456);
	CHECK(bhs[0] == 0x43);
	CHECK(bhs[1] == 0x87);
	CHECK(bhs[5] == 0x12 && bhs[6] == 0x34 && bhs[7] == 0x56);
	CHECK(iscsi_data_len(bhs) == 0x123456);
	CHECK(iscsi_opcode(bhs) == ISCSI_OP_LOGIN_REQ);
	iscsi_put32(bhs + 16, 0xdeadbeef);
	CHECK(bhs[16] == 0xde && bhs[19] == 0xef);
	CHECK(iscsi_itt(bhs) == 0xdeadbeef);
	CHECK(iscsi_pad(0) == 0 && iscsi_pad(1) == 3 && iscsi_pad(4) == 0 && iscsi_pad(7) == 1);
	CHECK_STR(iscsi_opcode_name(ISCSI_OP_R2T), "Ready To Transfer");
	CHECK(iscsi_opcode_name(0x17) == NULL);
}

TEST(iscsi_rx_whole_and_split)
{
	uint8_t wire[2 * (ISCSI_BHS_LEN + 8 + 16)];
	struct iscsi_rx rx;
	size_t n1 = make_pdu(wire, ISCSI_OP_SCSI_RSP, 2, "hello");
	size_t n2 = make_pdu(wire + n1, ISCSI_OP_NOP_IN, 0, "");
	size_t total = n1 + n2, used;
	CHECK(n1 == 48 + 8 + 8);

	/* In one piece: the first PDU, then the second from the rest. */
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, total, &used) == ISCSI_RX_PDU);
	CHECK(used == n1);
	CHECK(iscsi_opcode(rx.pdu.bhs) == ISCSI_OP_SCSI_RSP);
	CHECK(rx.pdu.data_len == 5 && memcmp(rx.pdu.data, "hello", 5) == 0);
	CHECK(iscsi_rx_feed(&rx, wire + n1, total - n1, &used) == ISCSI_RX_PDU);
	CHECK(used == n2 && iscsi_opcode(rx.pdu.bhs) == ISCSI_OP_NOP_IN && rx.pdu.data_len == 0);

	/* A byte at a time: each PDU completes on its last byte exactly. */
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	int pdus = 0;
	for (size_t i = 0; i < total; i++) {
		enum iscsi_rx_result r = iscsi_rx_feed(&rx, wire + i, 1, &used);
		CHECK(used == 1);
		if (r == ISCSI_RX_PDU) {
			pdus++;
			CHECK(i == n1 - 1 || i == total - 1);
		} else {
			CHECK(r == ISCSI_RX_MORE);
		}
	}
	CHECK(pdus == 2);
	CHECK(iscsi_opcode(rx.pdu.bhs) == ISCSI_OP_NOP_IN);
}

TEST(iscsi_rx_hostile)
{
	uint8_t wire[ISCSI_BHS_LEN + 8];
	struct iscsi_rx rx;
	size_t used;

	/* A data segment beyond what we accept: refused at the header. */
	iscsi_bhs_init(wire, ISCSI_OP_DATA_IN, false, 0, MAX_DATA + 1);
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, ISCSI_BHS_LEN, &used) == ISCSI_RX_ERROR);
	CHECK_CONTAINS(rx.error, "SCSI Data-In with a 257-byte data segment");
	/* The largest DataSegmentLength the field holds. */
	iscsi_bhs_init(wire, ISCSI_OP_DATA_IN, false, 0, 0xffffff);
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, ISCSI_BHS_LEN, &used) == ISCSI_RX_ERROR);
	/* An opcode nobody defined, and an initiator's opcode from the target. */
	iscsi_bhs_init(wire, 0x2f, false, 0, 0);
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, ISCSI_BHS_LEN, &used) == ISCSI_RX_ERROR);
	CHECK_CONTAINS(rx.error, "opcode 0x2f");
	iscsi_bhs_init(wire, ISCSI_OP_SCSI_CMD, false, 0, 0);
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, ISCSI_BHS_LEN, &used) == ISCSI_RX_ERROR);
	/* The largest AHS fits the buffer: 255 words, read and skipped. */
	static uint8_t big[ISCSI_BHS_LEN + 1020 + 4];
	iscsi_bhs_init(big, ISCSI_OP_NOP_IN, false, ISCSI_FLAG_FINAL, 4);
	big[4] = 255;
	memset(big + ISCSI_BHS_LEN, 0xaa, 1020);
	memcpy(big + ISCSI_BHS_LEN + 1020, "ping", 4);
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, big, sizeof(big), &used) == ISCSI_RX_PDU);
	CHECK(used == sizeof(big) && rx.pdu.data_len == 4 && memcmp(rx.pdu.data, "ping", 4) == 0);
	/* A truncated PDU never completes. */
	size_t n = make_pdu(wire, ISCSI_OP_SCSI_RSP, 0, "abcd");
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	CHECK(iscsi_rx_feed(&rx, wire, n - 1, &used) == ISCSI_RX_MORE && used == n - 1);
}

struct keys_seen {
	char text[512];
	int count;
};

static void collect(void *ctx, const char *key, const char *value)
{
	struct keys_seen *k = ctx;
	size_t n = strlen(k->text);
	snprintf(k->text + n, sizeof(k->text) - n, "[%s|%s]", key, value);
	k->count++;
}

TEST(iscsi_text_keys)
{
	char buf[64], why[96];
	struct iscsi_text t;
	struct keys_seen k = { "", 0 };

	iscsi_text_init(&t, buf, sizeof(buf));
	iscsi_text_add(&t, "HeaderDigest", "None");
	iscsi_text_add(&t, "Empty", "");
	CHECK(!t.overflow);
	CHECK(t.len == sizeof("HeaderDigest=None") + sizeof("Empty="));
	CHECK(memcmp(buf, "HeaderDigest=None\0Empty=\0", t.len) == 0);
	CHECK(iscsi_text_parse((uint8_t *)buf, t.len, collect, &k, why, sizeof(why)));
	CHECK_STR(k.text, "[HeaderDigest|None][Empty|]");
	/* Keys that do not fit are refused, not truncated. */
	iscsi_text_add(&t, "MaxRecvDataSegmentLength", "262144262144262144");
	CHECK(t.overflow);

	/* Values containing '=' keep them; padding NULs are skipped. */
	k.text[0] = '\0';
	CHECK(iscsi_text_parse((const uint8_t *)"A=b=c\0\0\0", 8, collect, &k, why, sizeof(why)));
	CHECK_STR(k.text, "[A|b=c]");
	/* Malformed: no NUL at the end, no '=', an empty key, a huge value. */
	CHECK(!iscsi_text_parse((const uint8_t *)"A=b", 3, collect, &k, why, sizeof(why)));
	CHECK_CONTAINS(why, "NUL");
	CHECK(!iscsi_text_parse((const uint8_t *)"novalue\0", 8, collect, &k, why, sizeof(why)));
	CHECK_CONTAINS(why, "not key=value");
	CHECK(!iscsi_text_parse((const uint8_t *)"=x\0", 3, collect, &k, why, sizeof(why)));
	static uint8_t huge[ISCSI_TEXT_MAX_VALUE + 8];
	memset(huge, 'v', sizeof(huge));
	memcpy(huge, "K=", 2);
	huge[sizeof(huge) - 1] = '\0';
	CHECK(!iscsi_text_parse(huge, sizeof(huge), collect, &k, why, sizeof(why)));
	CHECK_CONTAINS(why, "too long");
}
