/* iSCSI disks over lwIP TCP (see iscsi.h). lwIP calls back from
 * net_poll(): received bytes go straight through the PDU receiver into
 * the session, and what the session sends is queued and written as the
 * connection's send buffer allows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "lwip/tcp.h"
#include "inet.h"
#include "dns.h"
#include "iscsi.h"
#include "netif.h"

#define CONNECT_TIMEOUT_MS 10000
#define LOGIN_TIMEOUT_MS 15000
#define COMMAND_TIMEOUT_MS 30000
#define LOGOUT_TIMEOUT_MS 2000
#define ATTEMPTS 3                  /* of a command, across reconnects */
#define TRANSFER_DEADLINE_MS 60000  /* one READ/WRITE command, all retries included */
#define MAX_TRANSFER (128 * 1024)   /* bytes per READ or WRITE command */

struct iscsi_disk {
	struct san_disk disk;
	struct iscsi_config cfg;
	struct iscsi_session session;
	struct tcp_pcb *pcb;
	bool connected;
	bool broken;                /* reset, closed or garbage: reconnect */
	char broken_why[128];
	uint8_t *txq;               /* bytes waiting for the send buffer */
	size_t tx_len, tx_size;
	struct iscsi_rx rx;
	uint8_t *rx_buf;
	uint64_t deadline;          /* platform_now_ms() when the transfer gives up; 0: none */
};

static void iscsi_random(uint8_t *buf, size_t len)
{
	extern unsigned int net_random32(void);
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)net_random32();
}

/* ---------------------------------------------------------------- TCP */

static void flush(struct iscsi_disk *d)
{
	size_t done = 0;
	if (!d->pcb || !d->connected)
		return;
	while (done < d->tx_len) {
		size_t room = tcp_sndbuf(d->pcb), n = d->tx_len - done;
		if (n > room)
			n = room;
		if (n > 0xffff)
			n = 0xffff;
		if (!n || tcp_write(d->pcb, d->txq + done, (u16_t)n, TCP_WRITE_FLAG_COPY) != ERR_OK)
			break;
		done += n;
	}
	if (done) {
		memmove(d->txq, d->txq + done, d->tx_len - done);
		d->tx_len -= done;
		tcp_output(d->pcb);
	}
}

static bool queue(struct iscsi_disk *d, const void *bytes, size_t len)
{
	if (d->tx_len + len > d->tx_size) {
		size_t size = (d->tx_len + len) * 2;
		uint8_t *bigger = realloc(d->txq, size);
		if (!bigger)
			return false;
		d->txq = bigger;
		d->tx_size = size;
	}
	memcpy(d->txq + d->tx_len, bytes, len);
	d->tx_len += len;
	return true;
}

/* The session's way out: header, data, padding onto the queue. */
static bool send_pdu(void *ctx, const uint8_t *bhs, const void *data, size_t len)
{
	struct iscsi_disk *d = ctx;
	static const uint8_t zeros[3];
	if (d->broken || !queue(d, bhs, ISCSI_BHS_LEN) || (len && !queue(d, data, len)) ||
	    !queue(d, zeros, iscsi_pad(len)))
		return false;
	flush(d);
	return true;
}

static void set_broken(struct iscsi_disk *d, const char *why)
{
	if (!d->broken)
		snprintf(d->broken_why, sizeof(d->broken_why), "%s", why);
	d->broken = true;
}

static err_t on_receive(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct iscsi_disk *d = arg;
	(void)err;
	if (!p) {
		set_broken(d, "the target closed the connection");
		return ERR_OK;
	}
	for (struct pbuf *q = p; q && !d->broken; q = q->next) {
		const uint8_t *bytes = q->payload;
		size_t pos = 0, used;
		while (pos < q->len && !d->broken) {
			enum iscsi_rx_result r = iscsi_rx_feed(&d->rx, bytes + pos, q->len - pos, &used);
			pos += used;
			if (r == ISCSI_RX_ERROR)
				set_broken(d, d->rx.error);
			else if (r == ISCSI_RX_PDU)
				iscsi_session_receive(&d->session, &d->rx.pdu);
		}
	}
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static void on_error(void *arg, err_t err)
{
	struct iscsi_disk *d = arg;
	d->pcb = NULL; /* lwIP has freed it */
	set_broken(d, err == ERR_RST ? "the target reset the connection"
				     : "the connection to the target was lost");
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct iscsi_disk *d = arg;
	(void)pcb, (void)err;
	d->connected = true;
	flush(d);
	return ERR_OK;
}

static void disconnect(struct iscsi_disk *d)
{
	if (d->pcb) {
		tcp_arg(d->pcb, NULL);
		tcp_recv(d->pcb, NULL);
		tcp_err(d->pcb, NULL);
		if (tcp_close(d->pcb) != ERR_OK)
			tcp_abort(d->pcb);
		d->pcb = NULL;
	}
	d->connected = false;
	d->tx_len = 0;
}

/* ms, cut to what is left before the transfer's deadline: without it the
 * retries and reconnects of one block read could add up to many minutes. */
static uint64_t within_deadline(const struct iscsi_disk *d, uint64_t ms)
{
	uint64_t now = platform_now_ms();
	if (!d->deadline)
		return ms;
	if (now >= d->deadline)
		return 0;
	return ms < d->deadline - now ? ms : d->deadline - now;
}

static bool connect_to(struct iscsi_disk *d, char *err, size_t err_size)
{
	uint64_t limit = within_deadline(d, CONNECT_TIMEOUT_MS);
	ip_addr_t server;
	char addr[INET_TEXT_MAX];
	inet_text(d->disk.server_addr, addr, sizeof(addr));
	disconnect(d);
	d->broken = false;
	d->broken_why[0] = '\0';
	iscsi_rx_init(&d->rx, d->rx_buf, ISCSI_OUR_MAX_RECV);
	d->pcb = tcp_new();
	if (!d->pcb) {
		snprintf(err, err_size, "out of memory for a connection");
		return false;
	}
	tcp_arg(d->pcb, d);
	tcp_recv(d->pcb, on_receive);
	tcp_err(d->pcb, on_error);
	ip_addr_set_ip4_u32(&server, d->disk.server_addr);
	if (tcp_connect(d->pcb, &server, d->disk.server_port, on_connected) != ERR_OK) {
		snprintf(err, err_size, "cannot connect to %s (no route: is the network up? try dhcp)",
			 addr);
		disconnect(d);
		return false;
	}
	uint64_t start = platform_now_ms();
	while (!d->connected && !d->broken) {
		net_poll();
		if (platform_now_ms() - start > limit) {
			snprintf(err, err_size, "no answer from %s port %u within %llu s", addr,
				 d->disk.server_port, (unsigned long long)(limit + 999) / 1000);
			disconnect(d);
			return false;
		}
	}
	if (d->broken) {
		snprintf(err, err_size, "%s refused the connection on port %u (is the target "
			 "running?)", addr, d->disk.server_port);
		disconnect(d);
		return false;
	}
	return true;
}

/* Polls until done() or the connection breaks or ms pass. */
static bool wait_until(struct iscsi_disk *d, bool (*done)(struct iscsi_disk *d, void *ctx),
		       void *ctx, uint64_t ms)
{
	uint64_t start = platform_now_ms();
	ms = within_deadline(d, ms);
	while (!done(d, ctx)) {
		if (d->broken || d->session.state == ISCSI_FAILED)
			return false;
		if (platform_now_ms() - start > ms) {
			set_broken(d, "the target stopped answering");
			return false;
		}
		net_poll();
		flush(d);
	}
	return true;
}

/* ---------------------------------------------------------------- session */

static bool login_over(struct iscsi_disk *d, void *ctx)
{
	(void)ctx;
	return d->session.state == ISCSI_FULL_FEATURE;
}

/* A fresh connection and a login. false with err filled in. */
static bool connect_and_login(struct iscsi_disk *d, char *err, size_t err_size)
{
	if (!connect_to(d, err, err_size))
		return false;
	if (iscsi_session_login(&d->session) &&
	    wait_until(d, login_over, NULL, LOGIN_TIMEOUT_MS))
		return true;
	if (d->session.state == ISCSI_FAILED)
		snprintf(err, err_size, "%s", d->session.error);
	else
		snprintf(err, err_size, "login failed: %s", d->broken_why[0] ? d->broken_why
						: "the connection broke");
	disconnect(d);
	return false;
}

static bool command_over(struct iscsi_disk *d, void *ctx)
{
	(void)d;
	return ((struct iscsi_command *)ctx)->done;
}

static bool window_open(struct iscsi_disk *d, void *ctx)
{
	(void)ctx;
	return iscsi_session_window_open(&d->session);
}

/* Runs cmd, reconnecting and sending it again when the connection breaks
 * (before or during it). */
static int run_reconnecting(struct iscsi_disk *d, struct iscsi_command *cmd)
{
	char why[200] = "";
	int attempt;
	if (d->broken)
		snprintf(why, sizeof(why), "%s", d->broken_why);
	for (attempt = 0; attempt < ATTEMPTS && within_deadline(d, 1); attempt++) {
		if (attempt || d->broken || !d->pcb || d->session.state != ISCSI_FULL_FEATURE) {
			if (why[0])
				console_printf("iSCSI: %s; reconnecting to %s\n", why,
					       d->disk.target);
			if (!connect_and_login(d, why, sizeof(why)))
				continue;
		}
		if (wait_until(d, window_open, NULL, COMMAND_TIMEOUT_MS) &&
		    iscsi_session_command(&d->session, cmd) &&
		    wait_until(d, command_over, cmd, COMMAND_TIMEOUT_MS)) {
			if (cmd->status == SCSI_STATUS_GOOD)
				return 0;
			snprintf(d->disk.error, sizeof(d->disk.error), "%s", cmd->error);
			return -1;
		}
		snprintf(why, sizeof(why), "%s", d->session.state == ISCSI_FAILED ? d->session.error
			 : d->broken_why[0] ? d->broken_why : "the connection broke");
		disconnect(d);
		d->session.state = ISCSI_IDLE;
		d->session.cmd = NULL;
	}
	if (attempt < ATTEMPTS)
		snprintf(d->disk.error, sizeof(d->disk.error), "%s (gave up after %d attempt%s: "
			 "one transfer may take at most %d s, retries included)", why[0] ? why : "out of time", attempt,
			 attempt == 1 ? "" : "s", TRANSFER_DEADLINE_MS / 1000);
	else
		snprintf(d->disk.error, sizeof(d->disk.error), "%s (gave up after %d attempts)",
			 why, ATTEMPTS);
	return -1;
}

/* A target reports UNIT ATTENTION once after a login or a reset (and after
 * a disk change): the command did not run and is sent again. */
static int run_command(struct iscsi_disk *d, struct iscsi_command *cmd)
{
	int rc = -1;
	for (int i = 0; i < 4; i++) {
		rc = run_reconnecting(d, cmd);
		if (rc == 0 || cmd->status != SCSI_STATUS_CHECK_CONDITION ||
		    scsi_sense_key(cmd->sense, cmd->sense_len) != SCSI_SENSE_UNIT_ATTENTION)
			break;
	}
	return rc;
}

static int transfer(struct san_disk *disk, bool write, uint64_t lba, uint32_t count,
		    uint8_t *buf)
{
	struct iscsi_disk *d = disk->priv;
	uint32_t per_command = MAX_TRANSFER / disk->block_size;
	if (!per_command)
		per_command = 1;
	if (lba > disk->block_count || count > disk->block_count - lba) {
		snprintf(disk->error, sizeof(disk->error), "blocks %llu..%llu are beyond the disk's "
			 "end (%llu blocks)", (unsigned long long)lba,
			 (unsigned long long)(lba + count - 1), (unsigned long long)disk->block_count);
		return -1;
	}
	while (count) {
		uint32_t n = count < per_command ? count : per_command;
		struct iscsi_command cmd = { .buf = buf, .len = n * disk->block_size,
					     .write = write };
		/* One deadline for each command's transfer (at most MAX_TRANSFER
		 * bytes), across its retries and reconnects. */
		d->deadline = platform_now_ms() + TRANSFER_DEADLINE_MS;
		scsi_cdb_rw(cmd.cdb, write, lba, n);
		if (run_command(d, &cmd) != 0) {
			d->deadline = 0;
			return -1;
		}
		if (!write && cmd.received < cmd.len) {
			d->deadline = 0;
			snprintf(disk->error, sizeof(disk->error), "the target sent %u of %u bytes "
				 "for block %llu", cmd.received, cmd.len, (unsigned long long)lba);
			return -1;
		}
		lba += n;
		count -= n;
		buf += cmd.len;
	}
	d->deadline = 0;
	return 0;
}

static int disk_read(struct san_disk *disk, uint64_t lba, uint32_t count, void *buf)
{
	return transfer(disk, false, lba, count, buf);
}

static int disk_write(struct san_disk *disk, uint64_t lba, uint32_t count, const void *buf)
{
	return transfer(disk, true, lba, count, (uint8_t *)buf);
}

static bool logged_out(struct iscsi_disk *d, void *ctx)
{
	(void)ctx;
	return d->session.state == ISCSI_LOGGED_OUT;
}

static void disk_close(struct san_disk *disk)
{
	struct iscsi_disk *d = disk->priv;
	if (!d)
		return;
	if (d->pcb && !d->broken && iscsi_session_logout(&d->session))
		wait_until(d, logged_out, NULL, LOGOUT_TIMEOUT_MS);
	disconnect(d);
	free(d->txq);
	free(d->rx_buf);
	disk->priv = NULL;
	free(d);
}

/* READ CAPACITY (10), and (16) when the disk is too big for it. */
static int read_capacity(struct iscsi_disk *d, char *err, size_t err_size)
{
	uint8_t data[SCSI_READ_CAPACITY16_LEN];
	struct iscsi_command cmd = { .buf = data, .len = SCSI_READ_CAPACITY10_LEN };
	scsi_cdb_read_capacity10(cmd.cdb);
	if (run_command(d, &cmd) != 0) {
		snprintf(err, err_size, "READ CAPACITY failed: %s", d->disk.error);
		return -1;
	}
	if (!scsi_parse_capacity10(data, cmd.received, &d->disk.block_count,
				   &d->disk.block_size) ||
	    d->disk.block_count == 0x100000000ull) {
		cmd = (struct iscsi_command){ .buf = data, .len = SCSI_READ_CAPACITY16_LEN };
		scsi_cdb_read_capacity16(cmd.cdb, SCSI_READ_CAPACITY16_LEN);
		if (run_command(d, &cmd) != 0 ||
		    !scsi_parse_capacity16(data, cmd.received, &d->disk.block_count,
					   &d->disk.block_size)) {
			snprintf(err, err_size, "READ CAPACITY (16) failed: %s", d->disk.error[0] ?
				 d->disk.error : "a malformed answer");
			return -1;
		}
	}
	if (d->disk.block_size < 512 || d->disk.block_size > 65536 ||
	    (d->disk.block_size & (d->disk.block_size - 1))) {
		snprintf(err, err_size, "the disk's block size (%u bytes) is not one bootnet can use",
			 d->disk.block_size);
		return -1;
	}
	return 0;
}

/* A dotted quad as it is; a name through DNS, which says why it failed. */
static bool resolve_server(const char *server, uint32_t *addr, char *why, size_t why_size)
{
	return dns_resolve(server, addr, why, why_size) == 0;
}

struct san_disk *iscsi_san_open(const char *uri, const struct iscsi_config *cfg, char *err,
				size_t err_size)
{
	struct iscsi_uri u;
	struct iscsi_disk *d;
	char why[160];

	if (!iscsi_uri_parse(uri, &u, why, sizeof(why))) {
		snprintf(err, err_size, "%s: %s", uri, why);
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d || !(d->rx_buf = malloc(iscsi_rx_buffer_size(ISCSI_OUR_MAX_RECV)))) {
		free(d);
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	/* From here on every failure goes through disk_close, which frees
	 * only what priv points to. */
	d->disk.priv = d;
	d->disk.close = disk_close;
	if (!resolve_server(u.server, &d->disk.server_addr, why, sizeof(why))) {
		snprintf(err, err_size, "%s: %s", uri, why);
		goto fail;
	}
	d->cfg = *cfg;
	snprintf(d->cfg.target, sizeof(d->cfg.target), "%s", u.target);
	memcpy(d->cfg.lun, u.lun, sizeof(d->cfg.lun));
	snprintf(d->disk.uri, sizeof(d->disk.uri), "%s", uri);
	snprintf(d->disk.target, sizeof(d->disk.target), "%s", u.target);
	memcpy(d->disk.lun, u.lun, sizeof(d->disk.lun));
	d->disk.server_port = u.port;
	d->disk.auth = cfg->reverse_username[0] ? SAN_AUTH_MUTUAL_CHAP
		       : cfg->username[0] ? SAN_AUTH_CHAP : SAN_AUTH_NONE;
	d->disk.block_size = 512; /* until READ CAPACITY says */
	d->disk.read = disk_read;
	d->disk.write = disk_write;
	iscsi_session_init(&d->session, &d->cfg, send_pdu, d, iscsi_random);
	if (!connect_and_login(d, why, sizeof(why))) {
		snprintf(err, err_size, "%s: %s", uri, why);
		goto fail;
	}
	if (read_capacity(d, why, sizeof(why)) != 0) {
		snprintf(err, err_size, "%s: %s", uri, why);
		goto fail;
	}
	return &d->disk;
fail:
	disk_close(&d->disk);
	return NULL;
}
