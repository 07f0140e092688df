/* libFuzzer target for what an iSCSI target sends: the input is the byte
 * stream from the connection, cut into PDUs by the receiver, and each PDU
 * handed to a session. The first byte picks where the session starts:
 * logging in (with CHAP and mutual CHAP credentials, so the challenge code
 * runs) or in the full feature phase with a read or a write outstanding.
 * Checked: nothing is written outside the command's buffer (ASan), a
 * failed session always says why, sent PDUs have sane lengths. The
 * stream is also fed again a byte at a time: the same PDUs must come out.
 * The input is also read as an iscsi: root path (DHCP's option 17 names
 * one): parsed fields stay within their buffers and a refusal says why. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../net/iscsi_session.h"

#define require(cond) do { if (!(cond)) abort(); } while (0)
#define MAX_DATA 8192

static bool fuzz_send(void *ctx, const uint8_t *bhs, const void *data, size_t len)
{
	(void)ctx;
	require(iscsi_data_len(bhs) == len);
	require(len == 0 || data);
	return true;
}

static void fuzz_random(uint8_t *buf, size_t len)
{
	memset(buf, 0x5a, len);
}

static uint8_t rx_buf[ISCSI_BHS_LEN + 1020 + MAX_DATA + 3];

static void no_keys(void *ctx, const char *key, const char *value)
{
	(void)ctx;
	require(*key && strlen(key) < ISCSI_TEXT_MAX_KEY && strlen(value) < ISCSI_TEXT_MAX_VALUE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct iscsi_config cfg = {
		.initiator = "iqn.2010-04.org.ipxe:fuzz", .target = "iqn.t:disk",
		.username = "u", .password = "p", .reverse_username = "t", .reverse_password = "q",
	};
	struct iscsi_session s;
	struct iscsi_rx rx;
	struct iscsi_command cmd;
	uint8_t *buf;
	size_t used, pos, pdus = 0, pdus_bytewise = 0;
	char why[96];

	if (size < 1)
		return 0;
	{
		char *text = malloc(size + 7);
		struct iscsi_uri u;
		memcpy(text, "iscsi:", 6);
		memcpy(text + 6, data, size);
		text[size + 6] = '\0';
		why[0] = '\0';
		if (iscsi_uri_parse(text, &u, why, sizeof(why)))
			require(u.server[0] && u.target[0] && u.port);
		else
			require(why[0]);
		free(text);
	}
	unsigned mode = data[0] % 3;
	data++, size--;
	buf = malloc(64);
	memset(&cmd, 0, sizeof(cmd));
	cmd.buf = buf;
	cmd.len = 64;
	cmd.write = mode == 2;
	iscsi_session_init(&s, &cfg, fuzz_send, NULL, fuzz_random);
	iscsi_session_login(&s);
	if (mode) {
		s.state = ISCSI_FULL_FEATURE;
		scsi_cdb_rw(cmd.cdb, cmd.write, 0, 1);
		require(iscsi_session_command(&s, &cmd));
	}

	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	for (pos = 0; pos < size; pos += used) {
		enum iscsi_rx_result r = iscsi_rx_feed(&rx, data + pos, size - pos, &used);
		if (r == ISCSI_RX_ERROR) {
			require(rx.error[0]);
			break;
		}
		if (r != ISCSI_RX_PDU)
			continue;
		pdus++;
		iscsi_text_parse(rx.pdu.data, rx.pdu.data_len, no_keys, NULL, why, sizeof(why));
		if (s.state != ISCSI_FAILED && !iscsi_session_receive(&s, &rx.pdu))
			require(s.error[0] && s.state == ISCSI_FAILED);
		if (cmd.done) {
			require(cmd.received <= cmd.len && cmd.sent <= cmd.len);
			require(cmd.status == SCSI_STATUS_GOOD || cmd.error[0]);
			cmd.done = false;
		}
	}

	/* A byte at a time gives the same PDUs. */
	iscsi_rx_init(&rx, rx_buf, MAX_DATA);
	for (pos = 0; pos < size; pos++) {
		enum iscsi_rx_result r = iscsi_rx_feed(&rx, data + pos, 1, &used);
		if (r == ISCSI_RX_ERROR)
			break;
		pdus_bytewise += r == ISCSI_RX_PDU;
	}
	require(pdus == pdus_bytewise);
	free(buf);
	return 0;
}
