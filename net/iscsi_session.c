/* An iSCSI session as a state machine (see iscsi_session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "iscsi_session.h"

#define TEXT_MAX 4096 /* the keys of one login request */

static bool fail(struct iscsi_session *s, const char *fmt, const char *arg)
{
	snprintf(s->error, sizeof(s->error), fmt, arg);
	s->state = ISCSI_FAILED;
	return false;
}

void iscsi_session_init(struct iscsi_session *s, const struct iscsi_config *cfg,
			iscsi_send_fn *send, void *send_ctx, iscsi_random_fn *random)
{
	memset(s, 0, sizeof(*s));
	s->cfg = cfg;
	s->send = send;
	s->send_ctx = send_ctx;
	s->random = random;
	/* ISID type "random" (RFC 7143 section 11.12.5): 0x80 then 5 bytes. */
	random(s->isid, sizeof(s->isid));
	s->isid[0] = 0x80;
	s->itt = 0x1000;
	s->cmd_sn = 1;
}

/* ---------------------------------------------------------------- login */

static bool send_login(struct iscsi_session *s, bool transit, unsigned csg, unsigned nsg,
		       const struct iscsi_text *keys)
{
	uint8_t bhs[ISCSI_BHS_LEN];
	if (keys->overflow)
		return fail(s, "%s", "the login keys do not fit in one request (names too long?)");
	iscsi_bhs_init(bhs, ISCSI_OP_LOGIN_REQ, true,
		       (uint8_t)((transit ? ISCSI_LOGIN_TRANSIT : 0) | csg << 2 | (transit ? nsg : 0)),
		       keys->len);
	memcpy(bhs + 8, s->isid, 6);
	iscsi_put16(bhs + 14, s->tsih);
	iscsi_put32(bhs + 16, s->itt);
	iscsi_put32(bhs + 24, s->cmd_sn);
	iscsi_put32(bhs + 28, s->exp_stat_sn);
	if (!s->send(s->send_ctx, bhs, keys->buf, keys->len))
		return fail(s, "%s", "the connection to the target broke during login");
	return true;
}

static bool send_operational(struct iscsi_session *s)
{
	char buf[TEXT_MAX], number[16];
	struct iscsi_text t;
	iscsi_text_init(&t, buf, sizeof(buf));
	iscsi_text_add(&t, "HeaderDigest", "None");
	iscsi_text_add(&t, "DataDigest", "None");
	iscsi_text_add(&t, "MaxConnections", "1");
	iscsi_text_add(&t, "InitialR2T", "Yes");
	iscsi_text_add(&t, "ImmediateData", "No");
	snprintf(number, sizeof(number), "%u", ISCSI_OUR_MAX_RECV);
	iscsi_text_add(&t, "MaxRecvDataSegmentLength", number);
	snprintf(number, sizeof(number), "%u", ISCSI_OUR_MAX_BURST);
	iscsi_text_add(&t, "MaxBurstLength", number);
	iscsi_text_add(&t, "FirstBurstLength", "65536");
	iscsi_text_add(&t, "DefaultTime2Wait", "0");
	iscsi_text_add(&t, "DefaultTime2Retain", "0");
	iscsi_text_add(&t, "MaxOutstandingR2T", "1");
	iscsi_text_add(&t, "DataPDUInOrder", "Yes");
	iscsi_text_add(&t, "DataSequenceInOrder", "Yes");
	iscsi_text_add(&t, "ErrorRecoveryLevel", "0");
	s->state = ISCSI_LOGIN_OPERATIONAL;
	return send_login(s, true, ISCSI_STAGE_OPERATIONAL, ISCSI_STAGE_FULL_FEATURE, &t);
}

bool iscsi_session_login(struct iscsi_session *s)
{
	char buf[TEXT_MAX];
	struct iscsi_text t;
	bool chap = s->cfg->username[0] != '\0';

	s->state = ISCSI_LOGIN_SECURITY;
	s->tsih = 0;
	s->exp_stat_sn = 0;
	s->auth_chap = false;
	s->cmd = NULL;
	s->target_max_recv = 8192; /* RFC 7143's default until the target says */
	s->max_burst = ISCSI_OUR_MAX_BURST;
	s->itt++;
	iscsi_text_init(&t, buf, sizeof(buf));
	iscsi_text_add(&t, "InitiatorName", s->cfg->initiator);
	iscsi_text_add(&t, "TargetName", s->cfg->target);
	iscsi_text_add(&t, "SessionType", "Normal");
	/* With credentials we offer CHAP and let a target without accounts
	 * pick None; the target must not move on before CHAP is done. */
	iscsi_text_add(&t, "AuthMethod", chap ? "CHAP,None" : "None");
	return send_login(s, !chap, ISCSI_STAGE_SECURITY, ISCSI_STAGE_OPERATIONAL, &t);
}

static const char *login_status_text(unsigned status)
{
	switch (status) {
	case 0x0101: case 0x0102: return "the target moved (redirects are not supported)";
	case 0x0201: return "authentication failed: check ${username} and ${password}";
	case 0x0202: return "this initiator is not allowed to use the target "
			    "(check the target's ACL and ${initiator-iqn})";
	case 0x0203: return "no such target, or not for this initiator: check the target "
			    "name and the target's ACL for ${initiator-iqn}";
	case 0x0204: return "the target has been removed";
	case 0x0205: return "the target does not support iSCSI version 0";
	case 0x0206: return "too many connections";
	case 0x0207: return "a login key the target needs is missing";
	case 0x0209: return "the target does not support normal sessions";
	case 0x020b: return "the target says the login request is invalid";
	case 0x0301: return "the target is unavailable for now";
	case 0x0302: return "the target is out of resources";
	default: return NULL;
	}
}

/* What the target said in one login response. */
struct login_keys {
	struct iscsi_session *s;
	char auth_method[16];
	bool has_chap_a, has_chap_i, has_chap_c, has_chap_n, has_chap_r;
	unsigned chap_a;
	unsigned chap_i;
	char chap_c[2 * CHAP_MAX_CHALLENGE + 3];
	char chap_n[ISCSI_SECRET_MAX];
	char chap_r[2 * CHAP_MD5_LEN + 8];
	char bad_key[64];        /* a digest or other value we cannot accept */
	char malformed[96];      /* a value that is not what its key allows */
};

static void copy_value(char *dst, size_t size, const char *value)
{
	snprintf(dst, size, "%s", value);
}

/* An RFC 7143 number: decimal, or hexadecimal after "0x"/"0X". false when
 * value is neither or above max. */
static bool parse_number(const char *value, unsigned long max, unsigned long *out)
{
	char *end;
	bool hex = value[0] == '0' && (value[1] == 'x' || value[1] == 'X');
	const char *digits = hex ? value + 2 : value;
	if (!*digits || *digits == '-' || *digits == '+' || *digits == ' ')
		return false;
	*out = strtoul(digits, &end, hex ? 16 : 10);
	return !*end && *out <= max;
}

static void login_key(void *ctx, const char *key, const char *value)
{
	struct login_keys *k = ctx;
	struct iscsi_session *s = k->s;
	unsigned long n = strtoul(value, NULL, 10);

	if (strcmp(key, "AuthMethod") == 0) {
		copy_value(k->auth_method, sizeof(k->auth_method), value);
	} else if (strcmp(key, "CHAP_A") == 0) {
		k->has_chap_a = true;
		k->chap_a = (unsigned)n;
	} else if (strcmp(key, "CHAP_I") == 0) {
		unsigned long id = 0;
		k->has_chap_i = parse_number(value, 255, &id);
		k->chap_i = (unsigned)id;
		if (!k->has_chap_i)
			snprintf(k->malformed, sizeof(k->malformed),
				 "CHAP_I=%.40s is not a CHAP identifier (0 to 255)", value);
	} else if (strcmp(key, "CHAP_C") == 0) {
		k->has_chap_c = true;
		copy_value(k->chap_c, sizeof(k->chap_c), value);
	} else if (strcmp(key, "CHAP_N") == 0) {
		k->has_chap_n = true;
		copy_value(k->chap_n, sizeof(k->chap_n), value);
	} else if (strcmp(key, "CHAP_R") == 0) {
		k->has_chap_r = true;
		copy_value(k->chap_r, sizeof(k->chap_r), value);
	} else if (strcmp(key, "MaxRecvDataSegmentLength") == 0) {
		/* The largest Data-Out we may send; keep within sane bounds. */
		if (n >= 512 && n <= 16777215)
			s->target_max_recv = (uint32_t)n;
	} else if (strcmp(key, "MaxBurstLength") == 0) {
		if (n >= 512 && n < s->max_burst)
			s->max_burst = (uint32_t)n;
	} else if ((strcmp(key, "HeaderDigest") == 0 || strcmp(key, "DataDigest") == 0) &&
		   strcmp(value, "None") != 0) {
		copy_value(k->bad_key, sizeof(k->bad_key), key);
	}
}

/* The target's challenge: answer it, and challenge it in turn for mutual CHAP. */
static bool answer_chap(struct iscsi_session *s, const struct login_keys *k)
{
	uint8_t challenge[CHAP_MAX_CHALLENGE], response[CHAP_MD5_LEN];
	char hex[2 * CHAP_MAX_CHALLENGE + 3], id[8], buf[TEXT_MAX];
	size_t challenge_len;
	struct iscsi_text t;
	const struct iscsi_config *c = s->cfg;

	if (!k->has_chap_a || k->chap_a != CHAP_ALGORITHM_MD5)
		return fail(s, "%s", "the target did not accept CHAP with MD5 (CHAP_A=5)");
	if (!k->has_chap_i || !k->has_chap_c ||
	    !chap_decode(k->chap_c, challenge, sizeof(challenge), &challenge_len))
		return fail(s, "%s", "the target's CHAP challenge is missing or malformed");
	chap_md5_response((uint8_t)k->chap_i, c->password, challenge, challenge_len, response);
	iscsi_text_init(&t, buf, sizeof(buf));
	iscsi_text_add(&t, "CHAP_N", c->username);
	chap_encode_hex(response, CHAP_MD5_LEN, hex);
	iscsi_text_add(&t, "CHAP_R", hex);
	if (c->reverse_username[0]) {
		s->random(&s->our_chap_id, 1);
		s->random(s->our_challenge, sizeof(s->our_challenge));
		snprintf(id, sizeof(id), "%u", s->our_chap_id);
		iscsi_text_add(&t, "CHAP_I", id);
		chap_encode_hex(s->our_challenge, sizeof(s->our_challenge), hex);
		iscsi_text_add(&t, "CHAP_C", hex);
	}
	s->state = ISCSI_LOGIN_CHAP_R;
	return send_login(s, true, ISCSI_STAGE_SECURITY, ISCSI_STAGE_OPERATIONAL, &t);
}

/* After our CHAP response: for mutual CHAP the target must prove itself. */
static bool check_target_chap(struct iscsi_session *s, const struct login_keys *k)
{
	const struct iscsi_config *c = s->cfg;
	if (!c->reverse_username[0])
		return true;
	if (!k->has_chap_n || !k->has_chap_r)
		return fail(s, "%s", "mutual CHAP: the target did not answer our challenge");
	if (strcmp(k->chap_n, c->reverse_username) != 0)
		return fail(s, "mutual CHAP: the target calls itself \"%s\", not ${reverse-username}",
			    k->chap_n);
	if (!chap_check_response(k->chap_r, s->our_chap_id, c->reverse_password,
				 s->our_challenge, sizeof(s->our_challenge)))
		return fail(s, "%s", "mutual CHAP: the target's response is wrong "
			    "(check ${reverse-password})");
	return true;
}

static bool login_response(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	const uint8_t *bhs = pdu->bhs;
	unsigned status = (unsigned)bhs[36] << 8 | bhs[37];
	bool transit = bhs[1] & ISCSI_LOGIN_TRANSIT;
	unsigned nsg = bhs[1] & 3;
	struct login_keys k;
	char why[96];
	const char *text;

	if (status == 0x0201 && !s->cfg->username[0])
		return fail(s, "%s", "login refused: the target wants authentication: set "
			    "${username} and ${password}");
	if (status) {
		text = login_status_text(status);
		if (text)
			return fail(s, "login refused: %s", text);
		snprintf(why, sizeof(why), "login refused by the target (status 0x%04x)", status);
		return fail(s, "%s", why);
	}
	if (bhs[1] & ISCSI_LOGIN_CONTINUE)
		return fail(s, "%s", "the target split a login response in parts (not supported)");
	s->exp_stat_sn = iscsi_get32(bhs + 24) + 1;
	s->max_cmd_sn = iscsi_get32(bhs + 32);
	memset(&k, 0, sizeof(k));
	k.s = s;
	if (!iscsi_text_parse(pdu->data, pdu->data_len, login_key, &k, why, sizeof(why)))
		return fail(s, "malformed login response: %s", why);
	if (k.malformed[0])
		return fail(s, "malformed login response: %s", k.malformed);
	if (k.bad_key[0])
		return fail(s, "the target insists on %s, which bootnet does not support",
			    k.bad_key);

	switch (s->state) {
	case ISCSI_LOGIN_SECURITY:
		if (strcmp(k.auth_method, "CHAP") == 0) {
			char buf[64];
			struct iscsi_text t;
			if (!s->cfg->username[0])
				return fail(s, "%s", "the target wants CHAP: set ${username} and "
					    "${password}");
			s->auth_chap = true;
			s->state = ISCSI_LOGIN_CHAP_A;
			iscsi_text_init(&t, buf, sizeof(buf));
			iscsi_text_add(&t, "CHAP_A", "5");
			return send_login(s, false, ISCSI_STAGE_SECURITY, 0, &t);
		}
		if (k.auth_method[0] && strcmp(k.auth_method, "None") != 0)
			return fail(s, "the target wants authentication by \"%s\" (bootnet has CHAP)",
				    k.auth_method);
		if (s->cfg->reverse_username[0])
			return fail(s, "%s", "mutual CHAP was asked for, but the target did not "
				    "authenticate itself");
		break;
	case ISCSI_LOGIN_CHAP_A:
		return answer_chap(s, &k);
	case ISCSI_LOGIN_CHAP_R:
		if (!check_target_chap(s, &k))
			return false;
		break;
	case ISCSI_LOGIN_OPERATIONAL:
		break;
	default:
		return fail(s, "%s", "a login response outside a login");
	}
	/* Move on when the target does; ask it to when it has not yet. */
	if (!transit) {
		char empty[1];
		struct iscsi_text t;
		iscsi_text_init(&t, empty, sizeof(empty));
		unsigned csg = s->state == ISCSI_LOGIN_OPERATIONAL ? ISCSI_STAGE_OPERATIONAL
								   : ISCSI_STAGE_SECURITY;
		return send_login(s, true, csg,
				  csg == ISCSI_STAGE_SECURITY ? ISCSI_STAGE_OPERATIONAL
							      : ISCSI_STAGE_FULL_FEATURE, &t);
	}
	if (nsg == ISCSI_STAGE_FULL_FEATURE) {
		s->tsih = iscsi_get16(bhs + 14);
		s->state = ISCSI_FULL_FEATURE;
		return true;
	}
	if (nsg == ISCSI_STAGE_OPERATIONAL && s->state != ISCSI_LOGIN_OPERATIONAL)
		return send_operational(s);
	return fail(s, "%s", "the target moved to an unexpected login stage");
}

/* ---------------------------------------------------------------- commands */

/* StatSN, ExpCmdSN and MaxCmdSN from a PDU that carries them. */
static void update_sequence(struct iscsi_session *s, const uint8_t *bhs, bool advances)
{
	if (advances)
		s->exp_stat_sn = iscsi_get32(bhs + 24) + 1;
	s->max_cmd_sn = iscsi_get32(bhs + 32);
}

bool iscsi_session_window_open(const struct iscsi_session *s)
{
	return (int32_t)(s->cmd_sn - s->max_cmd_sn) <= 0; /* serial number arithmetic */
}

bool iscsi_session_command(struct iscsi_session *s, struct iscsi_command *cmd)
{
	uint8_t bhs[ISCSI_BHS_LEN];
	if (s->state != ISCSI_FULL_FEATURE || s->cmd)
		return fail(s, "%s", "a command was sent outside the full feature phase");
	cmd->done = false;
	cmd->status = 0;
	cmd->received = cmd->sent = cmd->data_sn = 0;
	cmd->sense_len = 0;
	cmd->error[0] = '\0';
	iscsi_bhs_init(bhs, ISCSI_OP_SCSI_CMD, false,
		       (uint8_t)(ISCSI_FLAG_FINAL | ISCSI_CMD_ATTR_SIMPLE |
				 (cmd->len ? (cmd->write ? ISCSI_CMD_WRITE : ISCSI_CMD_READ) : 0)),
		       0);
	memcpy(bhs + 8, s->cfg->lun, 8);
	iscsi_put32(bhs + 16, ++s->itt);
	iscsi_put32(bhs + 20, cmd->len);
	iscsi_put32(bhs + 24, s->cmd_sn++);
	iscsi_put32(bhs + 28, s->exp_stat_sn);
	memcpy(bhs + 32, cmd->cdb, SCSI_CDB_LEN);
	s->cmd = cmd;
	if (!s->send(s->send_ctx, bhs, NULL, 0))
		return fail(s, "%s", "the connection to the target broke");
	return true;
}

static void finish(struct iscsi_session *s, uint8_t status)
{
	struct iscsi_command *cmd = s->cmd;
	cmd->status = status;
	if (status != SCSI_STATUS_GOOD)
		scsi_describe_status(status, cmd->sense, cmd->sense_len, cmd->error,
				     sizeof(cmd->error));
	cmd->done = true;
	s->cmd = NULL;
}

static bool data_in(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	struct iscsi_command *cmd = s->cmd;
	const uint8_t *bhs = pdu->bhs;
	uint32_t offset = iscsi_get32(bhs + 40);

	if (!cmd || iscsi_itt(bhs) != s->itt || cmd->write)
		return fail(s, "%s", "the target sent data for a command we did not send");
	if (offset > cmd->len || pdu->data_len > cmd->len - offset)
		return fail(s, "%s", "the target sent more data than the command asked for");
	/* We agreed DataPDUInOrder=Yes and DataSequenceInOrder=Yes: each
	 * Data-In follows the last. Counting bytes alone would let a repeated
	 * or overlapping PDU leave a hole in the buffer while the count is full. */
	if (offset != cmd->received || iscsi_get32(bhs + 36) != cmd->data_sn) {
		char why[200];
		if (offset != cmd->received)
			snprintf(why, sizeof(why), "the target sent Data-In at offset %u where %u "
				 "was due (out of order, repeated or overlapping, though "
				 "DataPDUInOrder=Yes was agreed)", offset, cmd->received);
		else
			snprintf(why, sizeof(why), "the target sent Data-In with DataSN %u where "
				 "%u was due", iscsi_get32(bhs + 36), cmd->data_sn);
		return fail(s, "%s", why);
	}
	cmd->data_sn++;
	memcpy(cmd->buf + offset, pdu->data, pdu->data_len);
	cmd->received += (uint32_t)pdu->data_len;
	if (bhs[1] & ISCSI_DATA_IN_STATUS) {
		update_sequence(s, bhs, true);
		finish(s, bhs[3]);
	} else {
		update_sequence(s, bhs, false);
	}
	return true;
}

static bool scsi_response(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	struct iscsi_command *cmd = s->cmd;
	const uint8_t *bhs = pdu->bhs;

	if (!cmd || iscsi_itt(bhs) != s->itt)
		return fail(s, "%s", "the target answered a command we did not send");
	update_sequence(s, bhs, true);
	if (bhs[2] != 0) { /* iSCSI response: the target could not run it */
		snprintf(cmd->error, sizeof(cmd->error),
			 "the target failed the command (iSCSI response 0x%02x)", bhs[2]);
		cmd->status = 0xff;
		cmd->done = true;
		s->cmd = NULL;
		return true;
	}
	/* Sense data: a 2-byte length, then the sense bytes. */
	if (pdu->data_len >= 2) {
		size_t len = iscsi_get16(pdu->data);
		if (len > pdu->data_len - 2)
			len = pdu->data_len - 2;
		if (len > sizeof(cmd->sense))
			len = sizeof(cmd->sense);
		memcpy(cmd->sense, pdu->data + 2, len);
		cmd->sense_len = len;
	}
	finish(s, bhs[3]);
	return true;
}

/* The target is ready for data: send what it asked for in Data-Out PDUs. */
static bool ready_to_transfer(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	struct iscsi_command *cmd = s->cmd;
	const uint8_t *bhs = pdu->bhs;
	uint32_t offset = iscsi_get32(bhs + 40), length = iscsi_get32(bhs + 44);
	uint32_t ttt = iscsi_get32(bhs + 20), data_sn = 0;

	if (!cmd || iscsi_itt(bhs) != s->itt || !cmd->write)
		return fail(s, "%s", "the target asked for data (R2T) for no write of ours");
	if (offset > cmd->len || length > cmd->len - offset || length == 0)
		return fail(s, "%s", "the target asked for data beyond the write (R2T)");
	update_sequence(s, bhs, false);
	while (length) {
		uint8_t out[ISCSI_BHS_LEN];
		uint32_t chunk = length < s->target_max_recv ? length : s->target_max_recv;
		iscsi_bhs_init(out, ISCSI_OP_DATA_OUT, false,
			       (uint8_t)(chunk == length ? ISCSI_FLAG_FINAL : 0), chunk);
		memcpy(out + 8, s->cfg->lun, 8);
		iscsi_put32(out + 16, s->itt);
		iscsi_put32(out + 20, ttt);
		iscsi_put32(out + 28, s->exp_stat_sn);
		iscsi_put32(out + 36, data_sn++);
		iscsi_put32(out + 40, offset);
		if (!s->send(s->send_ctx, out, cmd->buf + offset, chunk))
			return fail(s, "%s", "the connection to the target broke during a write");
		cmd->sent += chunk;
		offset += chunk;
		length -= chunk;
	}
	return true;
}

/* A NOP-In with a target transfer tag wants a NOP-Out back (a ping). */
static bool nop_in(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	const uint8_t *bhs = pdu->bhs;
	uint32_t ttt = iscsi_get32(bhs + 20);
	uint8_t out[ISCSI_BHS_LEN];

	update_sequence(s, bhs, iscsi_itt(bhs) != ISCSI_RESERVED_TAG);
	if (ttt == ISCSI_RESERVED_TAG)
		return true;
	iscsi_bhs_init(out, ISCSI_OP_NOP_OUT, true, ISCSI_FLAG_FINAL,
		       pdu->data_len);
	memcpy(out + 8, bhs + 8, 8);
	iscsi_put32(out + 16, ISCSI_RESERVED_TAG);
	iscsi_put32(out + 20, ttt);
	iscsi_put32(out + 24, s->cmd_sn);
	iscsi_put32(out + 28, s->exp_stat_sn);
	if (!s->send(s->send_ctx, out, pdu->data, pdu->data_len))
		return fail(s, "%s", "the connection to the target broke");
	return true;
}

bool iscsi_session_logout(struct iscsi_session *s)
{
	uint8_t bhs[ISCSI_BHS_LEN];
	if (s->state != ISCSI_FULL_FEATURE)
		return false;
	iscsi_bhs_init(bhs, ISCSI_OP_LOGOUT_REQ, true, ISCSI_FLAG_FINAL | 0 /* close session */, 0);
	iscsi_put32(bhs + 16, ++s->itt);
	iscsi_put32(bhs + 24, s->cmd_sn);
	iscsi_put32(bhs + 28, s->exp_stat_sn);
	s->state = ISCSI_LOGGING_OUT;
	return s->send(s->send_ctx, bhs, NULL, 0);
}

bool iscsi_session_receive(struct iscsi_session *s, const struct iscsi_pdu *pdu)
{
	unsigned op = iscsi_opcode(pdu->bhs);
	bool logging_in = s->state >= ISCSI_LOGIN_SECURITY && s->state <= ISCSI_LOGIN_OPERATIONAL;
	char what[64];

	if (s->state == ISCSI_FAILED)
		return false;
	if (logging_in != (op == ISCSI_OP_LOGIN_RSP) && op != ISCSI_OP_REJECT) {
		snprintf(what, sizeof(what), "%s", iscsi_opcode_name(op) ? iscsi_opcode_name(op)
									: "an unknown PDU");
		return fail(s, "the target sent %s at the wrong time", what);
	}
	switch (op) {
	case ISCSI_OP_LOGIN_RSP:
		return login_response(s, pdu);
	case ISCSI_OP_DATA_IN:
		return data_in(s, pdu);
	case ISCSI_OP_SCSI_RSP:
		return scsi_response(s, pdu);
	case ISCSI_OP_R2T:
		return ready_to_transfer(s, pdu);
	case ISCSI_OP_NOP_IN:
		return nop_in(s, pdu);
	case ISCSI_OP_LOGOUT_RSP:
		update_sequence(s, pdu->bhs, true);
		s->state = ISCSI_LOGGED_OUT;
		return true;
	case ISCSI_OP_ASYNC:
		update_sequence(s, pdu->bhs, true);
		/* Events 1..4 all mean the target is dropping us. */
		if (pdu->bhs[36] >= 1 && pdu->bhs[36] <= 4)
			return fail(s, "%s", "the target asked us to log out (it is going away)");
		return true;
	case ISCSI_OP_REJECT:
		snprintf(what, sizeof(what), "0x%02x", pdu->bhs[2]);
		return fail(s, "the target rejected a PDU of ours (reason %s)", what);
	default:
		snprintf(what, sizeof(what), "%s", iscsi_opcode_name(op) ? iscsi_opcode_name(op)
									: "an unknown PDU");
		return fail(s, "the target sent %s, which bootnet does not handle", what);
	}
}
