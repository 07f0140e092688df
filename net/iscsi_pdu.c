/* iSCSI PDUs (see iscsi_pdu.h). */
#include <stdio.h>
#include <string.h>
#include "iscsi_pdu.h"

#define MAX_AHS_BYTES (255 * 4) /* TotalAHSLength is one byte, in words */

uint32_t iscsi_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void iscsi_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

uint16_t iscsi_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

void iscsi_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

const char *iscsi_opcode_name(unsigned opcode)
{
	switch (opcode) {
	case ISCSI_OP_NOP_OUT: return "NOP-Out";
	case ISCSI_OP_SCSI_CMD: return "SCSI Command";
	case ISCSI_OP_LOGIN_REQ: return "Login Request";
	case ISCSI_OP_TEXT_REQ: return "Text Request";
	case ISCSI_OP_DATA_OUT: return "SCSI Data-Out";
	case ISCSI_OP_LOGOUT_REQ: return "Logout Request";
	case ISCSI_OP_NOP_IN: return "NOP-In";
	case ISCSI_OP_SCSI_RSP: return "SCSI Response";
	case ISCSI_OP_LOGIN_RSP: return "Login Response";
	case ISCSI_OP_TEXT_RSP: return "Text Response";
	case ISCSI_OP_DATA_IN: return "SCSI Data-In";
	case ISCSI_OP_LOGOUT_RSP: return "Logout Response";
	case ISCSI_OP_R2T: return "Ready To Transfer";
	case ISCSI_OP_ASYNC: return "Asynchronous Message";
	case ISCSI_OP_REJECT: return "Reject";
	default: return NULL;
	}
}

void iscsi_bhs_init(uint8_t *bhs, unsigned opcode, bool immediate, uint8_t flags,
		    size_t data_len)
{
	memset(bhs, 0, ISCSI_BHS_LEN);
	bhs[0] = (uint8_t)((opcode & 0x3f) | (immediate ? ISCSI_FLAG_IMMEDIATE : 0));
	bhs[1] = flags;
	bhs[5] = (uint8_t)(data_len >> 16);
	bhs[6] = (uint8_t)(data_len >> 8);
	bhs[7] = (uint8_t)data_len;
}

size_t iscsi_rx_buffer_size(size_t max_data)
{
	return ISCSI_BHS_LEN + MAX_AHS_BYTES + max_data + 3;
}

void iscsi_rx_init(struct iscsi_rx *rx, uint8_t *buf, size_t max_data)
{
	memset(rx, 0, sizeof(*rx));
	rx->buf = buf;
	rx->max_data = max_data;
}

/* The header is in: check it and work out the PDU's whole length. */
static bool header_done(struct iscsi_rx *rx)
{
	const uint8_t *bhs = rx->buf;
	unsigned op = iscsi_opcode(bhs);
	size_t ahs = (size_t)bhs[4] * 4, data = iscsi_data_len(bhs);

	/* Only what a target sends: an initiator opcode here means garbage. */
	if (!(op & 0x20) || !iscsi_opcode_name(op)) {
		snprintf(rx->error, sizeof(rx->error), "unknown or unexpected PDU opcode 0x%02x", op);
		return false;
	}
	if (data > rx->max_data) {
		snprintf(rx->error, sizeof(rx->error),
			 "%s with a %zu-byte data segment, more than the %zu we allow",
			 iscsi_opcode_name(op), data, rx->max_data);
		return false;
	}
	rx->need = ISCSI_BHS_LEN + ahs + data + iscsi_pad(data);
	return true;
}

enum iscsi_rx_result iscsi_rx_feed(struct iscsi_rx *rx, const uint8_t *data, size_t len,
				   size_t *used)
{
	*used = 0;
	while (*used < len) {
		size_t want = (rx->need ? rx->need : ISCSI_BHS_LEN) - rx->have;
		size_t take = len - *used < want ? len - *used : want;
		memcpy(rx->buf + rx->have, data + *used, take);
		rx->have += take;
		*used += take;
		if (!rx->need && rx->have == ISCSI_BHS_LEN && !header_done(rx))
			return ISCSI_RX_ERROR;
		if (rx->need && rx->have == rx->need) {
			memcpy(rx->pdu.bhs, rx->buf, ISCSI_BHS_LEN);
			rx->pdu.data = rx->buf + ISCSI_BHS_LEN + (size_t)rx->buf[4] * 4;
			rx->pdu.data_len = iscsi_data_len(rx->buf);
			rx->have = 0;
			rx->need = 0;
			return ISCSI_RX_PDU;
		}
	}
	return ISCSI_RX_MORE;
}

void iscsi_text_init(struct iscsi_text *t, char *buf, size_t size)
{
	t->buf = buf;
	t->len = 0;
	t->size = size;
	t->overflow = false;
}

void iscsi_text_add(struct iscsi_text *t, const char *key, const char *value)
{
	size_t k = strlen(key), v = strlen(value);
	if (t->len + k + 1 + v + 1 > t->size) {
		t->overflow = true;
		return;
	}
	memcpy(t->buf + t->len, key, k);
	t->buf[t->len + k] = '=';
	memcpy(t->buf + t->len + k + 1, value, v);
	t->buf[t->len + k + 1 + v] = '\0';
	t->len += k + 1 + v + 1;
}

bool iscsi_text_parse(const uint8_t *data, size_t len, iscsi_text_visit_fn *visit, void *ctx,
		      char *why, size_t why_size)
{
	char key[ISCSI_TEXT_MAX_KEY], value[ISCSI_TEXT_MAX_VALUE];
	size_t pos = 0;

	while (pos < len) {
		const uint8_t *pair = data + pos;
		const uint8_t *end = memchr(pair, '\0', len - pos);
		const uint8_t *eq;
		size_t pair_len;
		if (!end) {
			snprintf(why, why_size, "the last key is not ended by a NUL byte");
			return false;
		}
		pair_len = (size_t)(end - pair);
		if (pair_len == 0) { /* padding or a stray NUL: skip it */
			pos++;
			continue;
		}
		eq = memchr(pair, '=', pair_len);
		if (!eq || eq == pair) {
			snprintf(why, why_size, "\"%.40s\" is not key=value", (const char *)pair);
			return false;
		}
		if ((size_t)(eq - pair) >= sizeof(key) ||
		    (size_t)(end - eq - 1) >= sizeof(value)) {
			snprintf(why, why_size, "key \"%.40s\" or its value is too long",
				 (const char *)pair);
			return false;
		}
		memcpy(key, pair, (size_t)(eq - pair));
		key[eq - pair] = '\0';
		memcpy(value, eq + 1, (size_t)(end - eq - 1));
		value[end - eq - 1] = '\0';
		visit(ctx, key, value);
		pos += pair_len + 1;
	}
	return true;
}
