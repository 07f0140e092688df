/* The iSCSI session against a scripted target: the keys of each login
 * stage (none and CHAP, mutual included, with wrong secrets), READ with
 * Data-In, WRITE with R2T and Data-Out, status and sense, NOP-In pings,
 * and hostile answers (data beyond the buffer, foreign task tags). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../../net/iscsi_session.h"
#include "test.h"

/* What the session sent: the last few PDUs, each header and data. */
#define SENT_MAX 16
static struct sent {
	uint8_t bhs[ISCSI_BHS_LEN];
	uint8_t data[4096];
	size_t len;
} sent[SENT_MAX];
static int sent_count;

static bool fake_send(void *ctx, const uint8_t *bhs, const void *data, size_t len)
{
	(void)ctx;
	if (sent_count >= SENT_MAX || len > sizeof(sent[0].data))
		return false;
	memcpy(sent[sent_count].bhs, bhs, ISCSI_BHS_LEN);
	if (len)
		memcpy(sent[sent_count].data, data, len);
	sent[sent_count].len = len;
	sent_count++;
	return true;
}

static void fake_random(uint8_t *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(0x10 + i);
}

/* Whether the text of a sent PDU holds key=value. */
static bool sent_has(const struct sent *p, const char *pair)
{
	size_t n = strlen(pair) + 1;
	for (size_t i = 0; i + n <= p->len; i++)
		if ((i == 0 || p->data[i - 1] == '\0') && memcmp(p->data + i, pair, n) == 0)
			return true;
	return false;
}

/* Copies the value of key in a sent PDU's text into out. */
static bool sent_value(const struct sent *p, const char *key, char *out, size_t size)
{
	size_t k = strlen(key);
	for (size_t i = 0; i + k + 1 < p->len; i++)
		if ((i == 0 || p->data[i - 1] == '\0') && memcmp(p->data + i, key, k) == 0 &&
		    p->data[i + k] == '=') {
			snprintf(out, size, "%s", (const char *)p->data + i + k + 1);
			return true;
		}
	return false;
}

static struct iscsi_pdu pdu;
static uint8_t pdu_data[4096];
static uint32_t stat_sn = 100;

/* A login response: flags byte 1, status, keys (a "\0"-separated literal). */
static const struct iscsi_pdu *login_rsp(uint8_t flags, unsigned status, const char *keys,
					 size_t keys_len)
{
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_LOGIN_RSP, false, flags, keys_len);
	iscsi_put16(pdu.bhs + 14, 0x0042);
	iscsi_put32(pdu.bhs + 24, stat_sn++);
	iscsi_put32(pdu.bhs + 28, 1);
	iscsi_put32(pdu.bhs + 32, 64);
	pdu.bhs[36] = (uint8_t)(status >> 8);
	pdu.bhs[37] = (uint8_t)status;
	memcpy(pdu_data, keys, keys_len);
	pdu.data = pdu_data;
	pdu.data_len = keys_len;
	return &pdu;
}
#define KEYS(lit) lit, sizeof(lit) - 1
#define TO_OPER (ISCSI_LOGIN_TRANSIT | ISCSI_STAGE_SECURITY << 2 | ISCSI_STAGE_OPERATIONAL)
#define TO_FULL (ISCSI_LOGIN_TRANSIT | ISCSI_STAGE_OPERATIONAL << 2 | ISCSI_STAGE_FULL_FEATURE)

static struct iscsi_config cfg;
static struct iscsi_session s;

static void start(const char *user, const char *password, const char *ruser, const char *rpw)
{
	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.initiator, sizeof(cfg.initiator), "iqn.2010-04.org.ipxe:test");
	snprintf(cfg.target, sizeof(cfg.target), "iqn.2026-11.lab:disk");
	snprintf(cfg.username, sizeof(cfg.username), "%s", user);
	snprintf(cfg.password, sizeof(cfg.password), "%s", password);
	snprintf(cfg.reverse_username, sizeof(cfg.reverse_username), "%s", ruser);
	snprintf(cfg.reverse_password, sizeof(cfg.reverse_password), "%s", rpw);
	cfg.lun[1] = 1;
	sent_count = 0;
	iscsi_session_init(&s, &cfg, fake_send, NULL, fake_random);
	CHECK(iscsi_session_login(&s));
}

/* Operational keys answered; the session reaches the full feature phase. */
static void finish_login(void)
{
	int before = sent_count;
	CHECK(iscsi_session_receive(&s, login_rsp(TO_OPER, 0, KEYS(""))));
	CHECK(sent_count == before + 1);
	struct sent *op = &sent[sent_count - 1];
	CHECK(op->bhs[1] == TO_FULL);
	CHECK(sent_has(op, "HeaderDigest=None") && sent_has(op, "DataDigest=None"));
	CHECK(sent_has(op, "InitialR2T=Yes") && sent_has(op, "ImmediateData=No"));
	CHECK(sent_has(op, "MaxRecvDataSegmentLength=65536"));
	CHECK(sent_has(op, "ErrorRecoveryLevel=0"));
	CHECK(iscsi_session_receive(&s, login_rsp(TO_FULL, 0,
		KEYS("HeaderDigest=None\0DataDigest=None\0MaxRecvDataSegmentLength=1024\0"
		     "MaxBurstLength=131072\0"))));
	CHECK(s.state == ISCSI_FULL_FEATURE);
	CHECK(s.tsih == 0x42 && s.target_max_recv == 1024 && s.max_burst == 131072);
}

TEST(iscsi_login_without_auth)
{
	start("", "", "", "");
	CHECK(sent_count == 1);
	struct sent *first = &sent[0];
	CHECK(iscsi_opcode(first->bhs) == ISCSI_OP_LOGIN_REQ);
	CHECK(first->bhs[0] & ISCSI_FLAG_IMMEDIATE);
	CHECK(first->bhs[1] == TO_OPER);
	CHECK(first->bhs[8] == 0x80);                    /* random ISID */
	CHECK(iscsi_get16(first->bhs + 14) == 0);        /* a new session */
	CHECK(sent_has(first, "InitiatorName=iqn.2010-04.org.ipxe:test"));
	CHECK(sent_has(first, "TargetName=iqn.2026-11.lab:disk"));
	CHECK(sent_has(first, "SessionType=Normal"));
	CHECK(sent_has(first, "AuthMethod=None"));
	CHECK(iscsi_data_len(first->bhs) == first->len);
	/* The target answers AuthMethod=None and moves to operational. */
	finish_login();
	CHECK(iscsi_get32(sent[1].bhs + 28) == 101);     /* ExpStatSN follows StatSN */
}

TEST(iscsi_login_chap_mutual)
{
	char value[64];
	start("alice", "secretsecret", "target1", "targetsecret1");
	CHECK(sent_has(&sent[0], "AuthMethod=CHAP,None"));
	CHECK(!(sent[0].bhs[1] & ISCSI_LOGIN_TRANSIT));
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
	CHECK(sent_count == 2 && sent_has(&sent[1], "CHAP_A=5"));
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0,
		KEYS("CHAP_A=5\0CHAP_I=1\0CHAP_C=0x00112233445566778899aabbccddeeff\0"))));
	CHECK(sent_count == 3);
	CHECK(sent_has(&sent[2], "CHAP_N=alice"));
	/* MD5(1 || "secretsecret" || challenge), from Python's hashlib. */
	CHECK(sent_has(&sent[2], "CHAP_R=0x3d3d7f13199a65926f355637d73daf5c"));
	/* Our challenge for the target: id and bytes from the random source. */
	CHECK(sent_value(&sent[2], "CHAP_I", value, sizeof(value)));
	CHECK_STR(value, "16");
	CHECK(sent_has(&sent[2], "CHAP_C=0x101112131415161718191a1b1c1d1e1f"));
	CHECK(sent[2].bhs[1] == TO_OPER);

	/* The target proves itself: MD5(16 || "targetsecret1" || 10..1f). */
	uint8_t ch[16], r[16];
	char keys[128], hex[40];
	for (int i = 0; i < 16; i++)
		ch[i] = (uint8_t)(0x10 + i);
	chap_md5_response(16, "targetsecret1", ch, 16, r);
	chap_encode_hex(r, 16, hex);
	int n = snprintf(keys, sizeof(keys), "CHAP_N=target1%cCHAP_R=%s", 0, hex) + 1;
	/* Our operational keys follow the target's move. */
	CHECK(iscsi_session_receive(&s, login_rsp(TO_OPER, 0, keys, (size_t)n)));
	CHECK(s.state == ISCSI_LOGIN_OPERATIONAL);
	CHECK(iscsi_session_receive(&s, login_rsp(TO_FULL, 0, KEYS(""))));
	CHECK(s.state == ISCSI_FULL_FEATURE);
}

/* RFC 7143 numbers may be hex: CHAP_I=0x01 is identifier 1. */
TEST(iscsi_chap_identifier_decimal_or_hex)
{
	start("alice", "secretsecret", "", "");
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0,
		KEYS("CHAP_A=5\0CHAP_I=0x01\0CHAP_C=0x00112233445566778899aabbccddeeff\0"))));
	/* The same response as for CHAP_I=1 (iscsi_login_chap_mutual). */
	CHECK(sent_has(&sent[sent_count - 1], "CHAP_R=0x3d3d7f13199a65926f355637d73daf5c"));
#define BAD(id) { "CHAP_A=5\0CHAP_I=" id "\0CHAP_C=0x0011\0", sizeof("CHAP_A=5\0CHAP_I=" id "\0CHAP_C=0x0011\0") - 1 }
	static const struct { const char *keys; size_t len; } bad[] = {
		BAD("0x100"), BAD("256"), BAD("1x"), BAD("0x"), BAD("-1"),
	};
#undef BAD
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		start("alice", "secretsecret", "", "");
		CHECK(iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
		CHECK(!iscsi_session_receive(&s, login_rsp(0, 0, bad[i].keys, bad[i].len)));
		CHECK_CONTAINS(s.error, "is not a CHAP identifier (0 to 255)");
	}
}

TEST(iscsi_login_failures)
{
	/* A wrong password: the target's status 0x0201 becomes words. */
	start("alice", "wrong", "", "");
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0,
		KEYS("CHAP_A=5\0CHAP_I=7\0CHAP_C=0x0102\0"))));
	CHECK(!iscsi_session_receive(&s, login_rsp(0, 0x0201, KEYS(""))));
	CHECK(s.state == ISCSI_FAILED);
	CHECK_CONTAINS(s.error, "authentication failed");
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_FULL, 0, KEYS(""))));

	/* The target refuses a login without credentials (tgt does so). */
	start("", "", "", "");
	CHECK(!iscsi_session_receive(&s, login_rsp(0, 0x0201, KEYS(""))));
	CHECK_CONTAINS(s.error, "wants authentication: set ${username}");

	/* The target wants CHAP and we have no credentials. */
	start("", "", "", "");
	CHECK(!iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
	CHECK_CONTAINS(s.error, "${username}");

	/* Mutual CHAP with a target that answers wrongly. */
	start("alice", "secretsecret", "target1", "targetsecret1");
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0, KEYS("AuthMethod=CHAP\0"))));
	CHECK(iscsi_session_receive(&s, login_rsp(0, 0,
		KEYS("CHAP_A=5\0CHAP_I=1\0CHAP_C=0x0011\0"))));
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_OPER, 0,
		KEYS("CHAP_N=target1\0CHAP_R=0x00000000000000000000000000000000\0"))));
	CHECK_CONTAINS(s.error, "reverse-password");

	/* Mutual CHAP asked for, and the target skips authentication. */
	start("alice", "secretsecret", "target1", "targetsecret1");
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_OPER, 0, KEYS("AuthMethod=None\0"))));
	CHECK_CONTAINS(s.error, "did not authenticate itself");

	/* No such target; digests we cannot do; junk text; an unknown status. */
	start("", "", "", "");
	CHECK(!iscsi_session_receive(&s, login_rsp(0, 0x0203, KEYS(""))));
	CHECK_CONTAINS(s.error, "no such target");
	start("", "", "", "");
	CHECK(iscsi_session_receive(&s, login_rsp(TO_OPER, 0, KEYS(""))));
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_FULL, 0, KEYS("HeaderDigest=CRC32C\0"))));
	CHECK_CONTAINS(s.error, "HeaderDigest");
	start("", "", "", "");
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_OPER, 0, KEYS("garbage"))));
	CHECK_CONTAINS(s.error, "malformed login response");
	start("", "", "", "");
	CHECK(!iscsi_session_receive(&s, login_rsp(0, 0x0299, KEYS(""))));
	CHECK_CONTAINS(s.error, "0x0299");
}

static const struct iscsi_pdu *data_in_sn(uint32_t itt, uint32_t data_sn, uint32_t offset,
					  const void *data, size_t len, bool status)
{
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_DATA_IN, false,
		       (uint8_t)(status ? ISCSI_FLAG_FINAL | ISCSI_DATA_IN_STATUS : 0), len);
	iscsi_put32(pdu.bhs + 16, itt);
	iscsi_put32(pdu.bhs + 24, stat_sn);
	if (status)
		stat_sn++;
	iscsi_put32(pdu.bhs + 32, 80);
	iscsi_put32(pdu.bhs + 36, data_sn);
	iscsi_put32(pdu.bhs + 40, offset);
	memcpy(pdu_data, data, len);
	pdu.data = pdu_data;
	pdu.data_len = len;
	return &pdu;
}

/* The first Data-In of a command (DataSN 0); data_in_sn for the others. */
static const struct iscsi_pdu *data_in(uint32_t itt, uint32_t offset, const void *data,
				       size_t len, bool status)
{
	return data_in_sn(itt, 0, offset, data, len, status);
}

TEST(iscsi_read_with_data_in)
{
	uint8_t buf[8];
	struct iscsi_command cmd = { .buf = buf, .len = 8 };
	start("", "", "", "");
	finish_login();
	uint32_t cmd_sn = s.cmd_sn;
	scsi_cdb_read_capacity10(cmd.cdb);
	sent_count = 0;
	CHECK(iscsi_session_command(&s, &cmd));
	CHECK(sent_count == 1);
	const uint8_t *c = sent[0].bhs;
	CHECK(iscsi_opcode(c) == ISCSI_OP_SCSI_CMD && !(c[0] & ISCSI_FLAG_IMMEDIATE));
	CHECK(c[1] == (ISCSI_FLAG_FINAL | ISCSI_CMD_READ | ISCSI_CMD_ATTR_SIMPLE));
	CHECK(c[9] == 1);                                /* LUN 1 */
	CHECK(iscsi_get32(c + 20) == 8);                 /* expected length */
	CHECK(iscsi_get32(c + 24) == cmd_sn && s.cmd_sn == cmd_sn + 1);
	CHECK(iscsi_get32(c + 28) == s.exp_stat_sn);
	CHECK(c[32] == 0x25);
	uint32_t itt = iscsi_itt(c);

	/* Two Data-In PDUs, the last with status. */
	CHECK(iscsi_session_receive(&s, data_in(itt, 0, "\0\0\x0f", 3, false)));
	CHECK(!cmd.done);
	uint32_t exp = s.exp_stat_sn;
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 1, 3, "\xff\0\0\x02\0", 5, true)));
	CHECK(cmd.done && cmd.status == SCSI_STATUS_GOOD && cmd.received == 8);
	CHECK(s.exp_stat_sn == exp + 1);
	uint64_t blocks;
	uint32_t bs;
	CHECK(scsi_parse_capacity10(buf, 8, &blocks, &bs));
	CHECK(blocks == 0x1000 && bs == 512);
}

TEST(iscsi_check_condition_and_hostile_data)
{
	uint8_t buf[16];
	struct iscsi_command cmd = { .buf = buf, .len = 16 };
	start("", "", "", "");
	finish_login();
	scsi_cdb_rw(cmd.cdb, false, 1000, 1);
	CHECK(iscsi_session_command(&s, &cmd));
	uint32_t itt = iscsi_itt(sent[sent_count - 1].bhs);
	/* CHECK CONDITION with fixed-format sense: out of range. */
	static const uint8_t sense_pdu[] = { 0, 18, 0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0,
					     0x21, 0x00, 0, 0, 0, 0 };
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_SCSI_RSP, false, ISCSI_FLAG_FINAL, sizeof(sense_pdu));
	pdu.bhs[3] = SCSI_STATUS_CHECK_CONDITION;
	iscsi_put32(pdu.bhs + 16, itt);
	pdu.data = sense_pdu;
	pdu.data_len = sizeof(sense_pdu);
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(cmd.done && cmd.status == SCSI_STATUS_CHECK_CONDITION);
	CHECK_CONTAINS(cmd.error, "ILLEGAL REQUEST, logical block address out of range");

	/* Data beyond the command's buffer: a protocol error, no overrun. */
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(!iscsi_session_receive(&s, data_in(itt, 12, "12345", 5, false)));
	CHECK_CONTAINS(s.error, "more data than the command asked for");

	/* Data for a task we never started. */
	start("", "", "", "");
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	CHECK(!iscsi_session_receive(&s, data_in(0x7777, 0, "x", 1, true)));
	CHECK_CONTAINS(s.error, "did not send");
	/* An offset that would wrap around. */
	start("", "", "", "");
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(!iscsi_session_receive(&s, data_in(itt, 0xfffffffe, "abcd", 4, false)));
}

/* DataPDUInOrder=Yes: a repeated, overlapping, skipping or misnumbered
 * Data-In ends the session instead of leaving a hole counted as data. */
TEST(iscsi_data_in_must_come_in_order)
{
	uint8_t buf[8];
	struct iscsi_command cmd = { .buf = buf, .len = 8 };
	uint32_t itt;
	scsi_cdb_read_capacity10(cmd.cdb);

	start("", "", "", "");
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 0, 0, "abcd", 4, false)));
	/* The same 4 bytes again would make received == len with 4..7 unwritten. */
	CHECK(!iscsi_session_receive(&s, data_in_sn(itt, 1, 0, "abcd", 4, true)));
	CHECK(s.state == ISCSI_FAILED && !cmd.done);
	CHECK_CONTAINS(s.error, "Data-In at offset 0 where 4 was due");

	start("", "", "", "");                           /* overlapping */
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 0, 0, "abcd", 4, false)));
	CHECK(!iscsi_session_receive(&s, data_in_sn(itt, 1, 2, "cdef", 4, false)));
	CHECK_CONTAINS(s.error, "offset 2 where 4 was due");

	start("", "", "", "");                           /* a gap first */
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(!iscsi_session_receive(&s, data_in_sn(itt, 0, 4, "efgh", 4, true)));
	CHECK_CONTAINS(s.error, "offset 4 where 0 was due");

	start("", "", "", "");                           /* DataSN skipped */
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 0, 0, "abcd", 4, false)));
	CHECK(!iscsi_session_receive(&s, data_in_sn(itt, 2, 4, "efgh", 4, true)));
	CHECK_CONTAINS(s.error, "DataSN 2 where 1 was due");

	start("", "", "", "");                           /* in order: accepted */
	finish_login();
	CHECK(iscsi_session_command(&s, &cmd));
	itt = iscsi_itt(sent[sent_count - 1].bhs);
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 0, 0, "abcd", 4, false)));
	CHECK(iscsi_session_receive(&s, data_in_sn(itt, 1, 4, "efgh", 4, true)));
	CHECK(cmd.done && cmd.received == 8 && memcmp(buf, "abcdefgh", 8) == 0);
}

TEST(iscsi_write_answers_r2t)
{
	uint8_t buf[2500];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)i;
	struct iscsi_command cmd = { .buf = buf, .len = sizeof(buf), .write = true };
	start("", "", "", "");
	finish_login();                                  /* target takes 1024 per PDU */
	scsi_cdb_rw(cmd.cdb, true, 8, 5);
	CHECK(cmd.cdb[0] == 0x2a);
	sent_count = 0;
	CHECK(iscsi_session_command(&s, &cmd));
	CHECK(sent[0].bhs[1] == (ISCSI_FLAG_FINAL | ISCSI_CMD_WRITE | ISCSI_CMD_ATTR_SIMPLE));
	uint32_t itt = iscsi_itt(sent[0].bhs);
	/* R2T for the whole write: three Data-Out PDUs of at most 1024. */
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_R2T, false, ISCSI_FLAG_FINAL, 0);
	iscsi_put32(pdu.bhs + 16, itt);
	iscsi_put32(pdu.bhs + 20, 0xabcd);
	iscsi_put32(pdu.bhs + 40, 0);
	iscsi_put32(pdu.bhs + 44, sizeof(buf));
	pdu.data_len = 0;
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(sent_count == 4);
	uint32_t expect_offset = 0;
	for (int i = 1; i < 4; i++) {
		const uint8_t *d = sent[i].bhs;
		CHECK(iscsi_opcode(d) == ISCSI_OP_DATA_OUT);
		CHECK(iscsi_itt(d) == itt && iscsi_get32(d + 20) == 0xabcd);
		CHECK(iscsi_get32(d + 36) == (uint32_t)(i - 1));   /* DataSN */
		CHECK(iscsi_get32(d + 40) == expect_offset);
		CHECK(memcmp(sent[i].data, buf + expect_offset, sent[i].len) == 0);
		CHECK(((d[1] & ISCSI_FLAG_FINAL) != 0) == (i == 3));
		expect_offset += (uint32_t)sent[i].len;
	}
	CHECK(expect_offset == sizeof(buf) && sent[3].len == 2500 - 2048);
	/* An R2T reaching past the write is refused. */
	iscsi_put32(pdu.bhs + 40, 2000);
	iscsi_put32(pdu.bhs + 44, 1000);
	CHECK(!iscsi_session_receive(&s, &pdu));
	CHECK_CONTAINS(s.error, "beyond the write");
}

TEST(iscsi_nop_in_ping_answered)
{
	start("", "", "", "");
	finish_login();
	CHECK(iscsi_session_window_open(&s));
	sent_count = 0;
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_NOP_IN, false, ISCSI_FLAG_FINAL, 4);
	iscsi_put32(pdu.bhs + 16, ISCSI_RESERVED_TAG);
	iscsi_put32(pdu.bhs + 20, 0x5555);
	memcpy(pdu_data, "ping", 4);
	pdu.data = pdu_data;
	pdu.data_len = 4;
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(sent_count == 1);
	CHECK(iscsi_opcode(sent[0].bhs) == ISCSI_OP_NOP_OUT);
	CHECK(iscsi_itt(sent[0].bhs) == ISCSI_RESERVED_TAG);
	CHECK(iscsi_get32(sent[0].bhs + 20) == 0x5555);
	CHECK(sent[0].len == 4 && memcmp(sent[0].data, "ping", 4) == 0);
	/* The target closes its command window (MaxCmdSN behind CmdSN), then
	 * opens it again, by NOP-Ins that want no answer. */
	iscsi_put32(pdu.bhs + 20, ISCSI_RESERVED_TAG);
	iscsi_put32(pdu.bhs + 32, s.cmd_sn - 1);
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(!iscsi_session_window_open(&s));
	iscsi_put32(pdu.bhs + 32, s.cmd_sn);
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(iscsi_session_window_open(&s));
	/* Without a target transfer tag, nothing is sent back. */
	iscsi_put32(pdu.bhs + 20, ISCSI_RESERVED_TAG);
	CHECK(iscsi_session_receive(&s, &pdu));
	CHECK(sent_count == 1);
	/* A Reject ends the session with its reason. */
	iscsi_bhs_init(pdu.bhs, ISCSI_OP_REJECT, false, ISCSI_FLAG_FINAL, 0);
	pdu.bhs[2] = 0x04;
	pdu.data_len = 0;
	CHECK(!iscsi_session_receive(&s, &pdu));
	CHECK_CONTAINS(s.error, "rejected");
	/* A login response in the full feature phase is out of place. */
	start("", "", "", "");
	finish_login();
	CHECK(!iscsi_session_receive(&s, login_rsp(TO_FULL, 0, KEYS(""))));
	CHECK_CONTAINS(s.error, "wrong time");
}
