/* An iSCSI session over one connection (RFC 7143), as a state machine
 * without I/O: PDUs come in through iscsi_session_receive(), PDUs go out
 * through the send callback. The login (security negotiation with CHAP or
 * none, operational negotiation, full feature phase), then one SCSI
 * command at a time: Data-In into the caller's buffer, R2T answered with
 * Data-Out, status and sense into a message, NOP-In answered. net/iscsi.c
 * drives it over TCP; the host tests drive it with a fake target. */
#ifndef NET_ISCSI_SESSION_H
#define NET_ISCSI_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "iscsi_chap.h"
#include "iscsi_pdu.h"
#include "iscsi_uri.h"
#include "scsi.h"

#define ISCSI_SECRET_MAX 256
/* The data segments we accept: what we declare as MaxRecvDataSegmentLength. */
#define ISCSI_OUR_MAX_RECV 65536
#define ISCSI_OUR_MAX_BURST 262144

struct iscsi_config {
	char initiator[ISCSI_NAME_MAX];
	char target[ISCSI_NAME_MAX];
	uint8_t lun[8];            /* the SCSI LUN field, as on the wire */
	/* CHAP: the target checks us with username/password; with
	 * reverse_username set, we check the target too (mutual). */
	char username[ISCSI_SECRET_MAX], password[ISCSI_SECRET_MAX];
	char reverse_username[ISCSI_SECRET_MAX], reverse_password[ISCSI_SECRET_MAX];
};

/* Sends one PDU: header, data segment (len bytes, padded by the callee).
 * false when the connection cannot take it. */
typedef bool iscsi_send_fn(void *ctx, const uint8_t *bhs, const void *data, size_t len);
/* Fills buf with random bytes (the ISID, the mutual CHAP challenge). */
typedef void iscsi_random_fn(uint8_t *buf, size_t len);

enum iscsi_state {
	ISCSI_IDLE,
	ISCSI_LOGIN_SECURITY,    /* AuthMethod offered */
	ISCSI_LOGIN_CHAP_A,      /* CHAP_A sent, waiting for the challenge */
	ISCSI_LOGIN_CHAP_R,      /* our response sent */
	ISCSI_LOGIN_OPERATIONAL, /* operational keys sent */
	ISCSI_FULL_FEATURE,
	ISCSI_LOGGING_OUT,
	ISCSI_LOGGED_OUT,
	ISCSI_FAILED,            /* error says why; the connection must go */
};

struct iscsi_command {
	uint8_t cdb[SCSI_CDB_LEN];
	uint8_t *buf;            /* data in (read) or out (write) */
	uint32_t len;            /* expected transfer length */
	bool write;
	/* Results. */
	bool done;
	uint8_t status;          /* SCSI status */
	uint32_t received;       /* Data-In bytes placed, from offset 0 without gaps */
	uint32_t data_sn;        /* the DataSN the next Data-In must carry */
	uint32_t sent;           /* Data-Out bytes sent */
	uint8_t sense[64];
	size_t sense_len;
	char error[160];         /* when status is not GOOD, or a protocol error */
};

struct iscsi_session {
	const struct iscsi_config *cfg;
	iscsi_send_fn *send;
	void *send_ctx;
	iscsi_random_fn *random;
	enum iscsi_state state;
	bool auth_chap;          /* the target chose CHAP */
	uint8_t isid[6];
	uint16_t tsih;
	uint32_t itt;            /* the tag of the current task */
	uint32_t cmd_sn, exp_stat_sn, max_cmd_sn;
	/* Negotiated. */
	uint32_t target_max_recv;  /* data segment size the target accepts */
	uint32_t max_burst;
	/* Mutual CHAP: what we asked the target. */
	uint8_t our_chap_id;
	uint8_t our_challenge[16];
	struct iscsi_command *cmd; /* the outstanding command, or NULL */
	char error[200];
};

/* Ready to log in (a new ISID; the same one is kept across reconnects so
 * that a new login replaces the old session). */
void iscsi_session_init(struct iscsi_session *s, const struct iscsi_config *cfg,
			iscsi_send_fn *send, void *send_ctx, iscsi_random_fn *random);
/* Starts a login on a fresh connection: sends the first Login Request. */
bool iscsi_session_login(struct iscsi_session *s);
/* One PDU from the target. Returns false when the session failed (state
 * ISCSI_FAILED, s->error says why). */
bool iscsi_session_receive(struct iscsi_session *s, const struct iscsi_pdu *pdu);
/* Whether the target's command window (up to MaxCmdSN) takes the next
 * command; when closed, a NOP-In or another answer will open it. */
bool iscsi_session_window_open(const struct iscsi_session *s);
/* Sends a SCSI command (state must be ISCSI_FULL_FEATURE, none outstanding). */
bool iscsi_session_command(struct iscsi_session *s, struct iscsi_command *cmd);
/* Sends a Logout Request (close the session). */
bool iscsi_session_logout(struct iscsi_session *s);

#endif
