/* UNDI through the PXE API (firmware/pxe_undi*.c) against a fake UNDI:
 * parameter block layouts, the probe's calls, failures in words, frames
 * sent, frames received in fragments (and hostile fragment lengths), the
 * ROM's cached DHCP packets, the !PXE and PXENV+ checks. */
#include <stdio.h>
#include <stdlib.h>
#include "../../firmware/pxe_undi.h"
#include "test.h"

#define FAKE_SEG 0x2000
#define DATA_OFF 0x100
#define RX_OFF 0x2000

struct isr_step {
	uint16_t flag, buffer_length, frame_length;
	size_t data_at;                /* where in frame_data this fragment starts */
};

struct fake_undi {
	struct pxe_port port;
	uint8_t mem[0x4000];           /* real-mode memory from FAKE_SEG:0000 */
	uint16_t fail_opcode, fail_exit, fail_status;
	uint16_t opcodes[64];
	int ncalls;
	uint16_t isr_flags_in[64];
	int nisr;
	struct isr_step steps[16];
	int nsteps, step;
	uint8_t frame_data[4096];
	uint8_t sent[2048];
	size_t sent_len;
	uint8_t ack[548], reply[548];
	size_t ack_len, reply_len;
	uint16_t claim_extra;          /* cached info: claim this many more bytes than copied */
};

static struct fake_undi *fake_of(struct pxe_port *port)
{
	return (struct fake_undi *)port;
}

static uint8_t *at(struct fake_undi *f, struct segoff16 p)
{
	size_t linear = (size_t)(p.seg - FAKE_SEG) * 16 + p.off;
	return linear < sizeof(f->mem) ? f->mem + linear : NULL;
}

static void fake_read_real(struct pxe_port *port, struct segoff16 p, void *dst, size_t len)
{
	struct fake_undi *f = fake_of(port);
	size_t linear = (size_t)(p.seg - FAKE_SEG) * 16 + p.off;
	if (linear + len <= sizeof(f->mem))
		memcpy(dst, f->mem + linear, len);
	else
		memset(dst, 0xee, len);
}

static void fake_isr(struct fake_undi *f, struct pxenv_undi_isr *isr)
{
	f->isr_flags_in[f->nisr++ % 64] = isr->func_flag;
	if (f->step >= f->nsteps) {
		isr->func_flag = PXE_ISR_OUT_DONE;
		return;
	}
	struct isr_step *s = &f->steps[f->step++];
	isr->func_flag = s->flag;
	isr->buffer_length = s->buffer_length;
	isr->frame_length = s->frame_length;
	isr->frame = (struct segoff16){ RX_OFF, FAKE_SEG };
	if (s->flag == PXE_ISR_OUT_RECEIVE)
		memcpy(f->mem + RX_OFF, f->frame_data + s->data_at,
		       s->buffer_length < 0x1000 ? s->buffer_length : 0x1000);
}

static uint16_t fake_call(struct pxe_port *port, uint16_t opcode, void *params, size_t size)
{
	struct fake_undi *f = fake_of(port);
	uint16_t status = 0;
	(void)size;
	f->opcodes[f->ncalls++ % 64] = opcode;
	if (opcode == f->fail_opcode) {
		memcpy(params, &f->fail_status, 2);
		return f->fail_exit;
	}
	switch (opcode) {
	case PXENV_UNDI_GET_INFORMATION: {
		struct pxenv_undi_get_information *p = params;
		p->hw_addr_len = 6;
		p->max_tran_unit = 1500;
		memcpy(p->current_node_address, "\x52\x54\x00\x12\x34\x56", 6);
		break;
	}
	case PXENV_UNDI_GET_NIC_TYPE: {
		struct pxenv_undi_get_nic_type *p = params;
		p->nic_type = PXE_NIC_PCI;
		p->pci.vendor_id = 0x1af4;
		p->pci.dev_id = 0x1000;
		p->pci.bus_dev_func = 0x0118; /* 01:03.0 */
		break;
	}
	case PXENV_UNDI_TRANSMIT: {
		struct pxenv_undi_transmit *p = params;
		struct pxenv_undi_tbd tbd;
		memcpy(&tbd, at(f, p->tbd), sizeof(tbd));
		f->sent_len = tbd.immed_length;
		memcpy(f->sent, at(f, tbd.xmit), tbd.immed_length);
		break;
	}
	case PXENV_UNDI_ISR:
		fake_isr(f, params);
		break;
	case PXENV_GET_CACHED_INFO: {
		struct pxenv_get_cached_info *p = params;
		const uint8_t *pkt = p->packet_type == PXE_PACKET_DHCP_ACK ? f->ack : f->reply;
		size_t len = p->packet_type == PXE_PACKET_DHCP_ACK ? f->ack_len : f->reply_len;
		if (!len) {
			status = 0x01;
			break;
		}
		if (len > p->buffer_size)
			len = p->buffer_size;
		memcpy(at(f, p->buffer), pkt, len);
		p->buffer_size = (uint16_t)(len + f->claim_extra);
		break;
	}
	}
	memcpy(params, &status, 2);
	return status ? PXENV_EXIT_FAILURE : PXENV_EXIT_SUCCESS;
}

static struct fake_undi *fake_new(struct pxe_undi *u)
{
	struct fake_undi *f = calloc(1, sizeof(*f));
	f->port.call = fake_call;
	f->port.read_real = fake_read_real;
	f->port.data = f->mem + DATA_OFF;
	f->port.data_at = (struct segoff16){ DATA_OFF, FAKE_SEG };
	f->port.data_size = 0x1000;
	f->fail_opcode = 0xffff;
	memset(u, 0, sizeof(*u));
	u->port = &f->port;
	return f;
}

TEST(pxe_parameter_blocks_match_the_spec)
{
	CHECK(sizeof(struct pxenv_undi_startup) == 12);
	CHECK(sizeof(struct pxenv_undi_initialize) == 14);
	CHECK(sizeof(struct pxenv_undi_open) == 56);
	CHECK(sizeof(struct pxenv_undi_transmit) == 20);
	CHECK(sizeof(struct pxenv_undi_tbd) == 72);
	CHECK(sizeof(struct pxenv_undi_get_information) == 50);
	CHECK(sizeof(struct pxenv_undi_get_nic_type) == 17);
	CHECK(sizeof(struct pxenv_undi_isr) == 16);
	CHECK(sizeof(struct pxenv_get_cached_info) == 12);
}

TEST(pxe_probe_reads_mac_and_pci_location)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	CHECK(pxe_undi_probe(&u) == 0);
	CHECK(u.initialized);
	CHECK(memcmp(u.mac, "\x52\x54\x00\x12\x34\x56", 6) == 0);
	CHECK(u.mtu == 1500);
	CHECK(u.has_pci && u.bus == 1 && u.dev == 3 && u.fn == 0);
	CHECK(f->ncalls == 4);
	CHECK(f->opcodes[0] == PXENV_UNDI_STARTUP && f->opcodes[1] == PXENV_UNDI_INITIALIZE);
	CHECK(f->opcodes[2] == PXENV_UNDI_GET_INFORMATION && f->opcodes[3] == PXENV_UNDI_GET_NIC_TYPE);
	struct netdev *dev = pxe_undi_netdev(&u);
	CHECK_STR(dev->path, "UNDI");
	CHECK(dev->on_pci && dev->pci.bus == 1 && dev->pci.dev == 3);
	free(f);
}

TEST(pxe_failure_status_becomes_a_message)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	f->fail_opcode = PXENV_UNDI_INITIALIZE;
	f->fail_exit = PXENV_EXIT_FAILURE;
	f->fail_status = 0x63;
	CHECK(pxe_undi_probe(&u) == -1);
	CHECK_STR(u.error, "PXENV_UNDI_INITIALIZE failed: the NIC could not be initialized (status 0x63)");
	CHECK(!u.initialized);

	/* STARTUP refused (UNDI already started by the ROM): still probes. */
	f->fail_opcode = PXENV_UNDI_STARTUP;
	f->fail_status = 0x6a;
	CHECK(pxe_undi_probe(&u) == 0);
	CHECK(u.initialized);

	f->fail_opcode = PXENV_UNDI_OPEN;
	f->fail_status = 0x99;
	CHECK(pxe_undi_open(&u) == -1);
	CHECK_STR(u.error, "PXENV_UNDI_OPEN failed: unknown status (status 0x99)");

	f->fail_status = 0;      /* failure without a status */
	CHECK(pxe_undi_open(&u) == -1);
	CHECK_CONTAINS(u.error, "no status given");

	f->fail_exit = 0x1234;   /* neither success nor failure */
	CHECK(pxe_undi_open(&u) == -1);
	CHECK_CONTAINS(u.error, "returned 0x1234");
	free(f);
}

TEST(pxe_transmit_hands_over_the_frame)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	uint8_t frame[600];
	for (size_t i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	CHECK(pxe_undi_transmit(&u, frame, sizeof(frame)) == 0);
	CHECK(f->sent_len == sizeof(frame));
	CHECK(memcmp(f->sent, frame, sizeof(frame)) == 0);

	uint8_t big[NETDEV_MAX_FRAME + 1] = { 0 };
	f->sent_len = 0;
	CHECK(pxe_undi_transmit(&u, big, sizeof(big)) == -1);
	CHECK_CONTAINS(u.error, "cannot be sent");
	CHECK(f->sent_len == 0);
	free(f);
}

TEST(pxe_isr_reassembles_fragments)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	uint8_t buf[NETDEV_MAX_FRAME];
	for (size_t i = 0; i < sizeof(f->frame_data); i++)
		f->frame_data[i] = (uint8_t)(i ^ 0x5a);
	f->steps[0] = (struct isr_step){ PXE_ISR_OUT_TRANSMIT, 0, 0, 0 };
	f->steps[1] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 100, 300, 0 };
	f->steps[2] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 200, 300, 100 };
	f->nsteps = 3;
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 300);
	CHECK(memcmp(buf, f->frame_data, 300) == 0);
	CHECK(f->isr_flags_in[0] == PXE_ISR_IN_PROCESS);
	CHECK(f->isr_flags_in[1] == PXE_ISR_IN_GET_NEXT && f->isr_flags_in[2] == PXE_ISR_IN_GET_NEXT);
	/* The round goes on with GET_NEXT until DONE, then starts afresh. */
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 0);
	CHECK(f->isr_flags_in[3] == PXE_ISR_IN_GET_NEXT);
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 0);
	CHECK(f->isr_flags_in[4] == PXE_ISR_IN_PROCESS);
	free(f);
}

TEST(pxe_isr_drops_frames_too_big_and_survives_hostile_lengths)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	uint8_t buf[NETDEV_MAX_FRAME];
	memset(f->frame_data, 0xab, sizeof(f->frame_data));
	/* 3000 bytes in two fragments: dropped, counted; then a good frame. */
	f->steps[0] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 1500, 3000, 0 };
	f->steps[1] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 1500, 3000, 1500 };
	/* A fragment claiming more than its frame: clipped to the frame. */
	f->steps[2] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 4000, 64, 0 };
	f->nsteps = 3;
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 64);
	CHECK(u.frames_dropped == 1);

	/* Empty fragments of a frame never complete it: dropped, no endless loop. */
	f->step = 0;
	f->steps[0] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 0, 500, 0 };
	f->nsteps = 1;
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 0);
	CHECK(u.frames_dropped == 2);

	/* A frame bigger than the caller's buffer is dropped, not overrun. */
	f->step = 0;
	f->steps[0] = (struct isr_step){ PXE_ISR_OUT_RECEIVE, 200, 200, 0 };
	f->nsteps = 1;
	CHECK(pxe_undi_receive(&u, buf, 100) == 0);
	CHECK(u.frames_dropped == 3);

	/* An ISR call that fails ends the round cleanly. */
	f->step = 0;
	f->nsteps = 0;
	f->fail_opcode = PXENV_UNDI_ISR;
	f->fail_exit = PXENV_EXIT_FAILURE;
	f->fail_status = 0x6a;
	CHECK(pxe_undi_receive(&u, buf, sizeof(buf)) == 0);
	CHECK(!u.isr_processing);
	CHECK_CONTAINS(u.error, "wrong state");
	free(f);
}

static size_t make_reply(uint8_t *p, uint8_t last_octet)
{
	memset(p, 0, 300);
	p[0] = 2;                         /* BOOTREPLY */
	p[16] = 10, p[17] = 77, p[18] = 0, p[19] = last_octet; /* yiaddr */
	p[236] = 99, p[237] = 130, p[238] = 83, p[239] = 99;
	p[240] = 53, p[241] = 1, p[242] = 5, p[243] = 255;
	return 300;
}

TEST(pxe_cached_dhcp_packets)
{
	struct pxe_undi u;
	struct fake_undi *f = fake_new(&u);
	struct netdev_cached_dhcp c;

	/* An ACK, and a boot server reply that is only the ACK again. */
	f->ack_len = make_reply(f->ack, 130);
	memcpy(f->reply, f->ack, f->ack_len);
	f->reply_len = f->ack_len;
	memset(&c, 0, sizeof(c));
	pxe_undi_cached_dhcp(&u, &c);
	CHECK(c.ack && c.ack_len == 300 && c.ack[19] == 130);
	CHECK(c.pxe_reply == NULL);
	CHECK_STR(c.source, "the PXE ROM");
	free(c.ack);

	/* A real boot server reply. */
	make_reply(f->reply, 0);
	memset(&c, 0, sizeof(c));
	pxe_undi_cached_dhcp(&u, &c);
	CHECK(c.ack && c.pxe_reply && c.pxe_reply_len == 300);
	free(c.ack);
	free(c.pxe_reply);

	/* A stack that claims to have written more than the buffer holds. */
	f->claim_extra = 0xf000;
	memset(&c, 0, sizeof(c));
	pxe_undi_cached_dhcp(&u, &c);
	CHECK(c.ack && c.ack_len == f->port.data_size);
	free(c.ack);
	free(c.pxe_reply);
	f->claim_extra = 0;

	/* Not a BOOTP reply (a request, or garbage): nothing kept. */
	f->ack[0] = 1;
	memset(&c, 0, sizeof(c));
	pxe_undi_cached_dhcp(&u, &c);
	CHECK(c.ack == NULL && c.pxe_reply == NULL);

	/* No packet at all: the call fails, nothing kept. */
	f->ack_len = 0;
	pxe_undi_cached_dhcp(&u, &c);
	CHECK(c.ack == NULL);
	free(f);
}

static void checksum(uint8_t *p, size_t len, size_t at_byte)
{
	uint8_t sum = 0;
	p[at_byte] = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	p[at_byte] = (uint8_t)-sum;
}

TEST(pxe_structures_are_checked)
{
	uint8_t ppxe[88] = "!PXE", pxenv[44] = "PXENV+";
	struct segoff16 e;

	ppxe[4] = 88;
	ppxe[16] = 0x34, ppxe[17] = 0x12, ppxe[18] = 0x00, ppxe[19] = 0x9c;
	checksum(ppxe, 88, 5);
	CHECK(pxe_ppxe_valid(ppxe, sizeof(ppxe)));
	e = pxe_ppxe_entry(ppxe);
	CHECK(e.seg == 0x9c00 && e.off == 0x1234);
	CHECK(!pxe_ppxe_valid(ppxe, 40));   /* says it is longer than what we have */
	ppxe[30] ^= 1;
	CHECK(!pxe_ppxe_valid(ppxe, sizeof(ppxe)));
	ppxe[30] ^= 1;
	ppxe[0] = '?';
	CHECK(!pxe_ppxe_valid(ppxe, sizeof(ppxe)));

	pxenv[6] = 0x01, pxenv[7] = 0x02;   /* version 2.1 */
	pxenv[8] = 44;
	pxenv[10] = 0x00, pxenv[11] = 0x01, pxenv[12] = 0x00, pxenv[13] = 0x9d;
	pxenv[0x28] = 0x20, pxenv[0x2a] = 0x00, pxenv[0x2b] = 0x9e;
	checksum(pxenv, 44, 9);
	CHECK(pxe_pxenv_valid(pxenv, sizeof(pxenv)));
	e = pxe_pxenv_entry(pxenv);
	CHECK(e.seg == 0x9d00 && e.off == 0x0100);
	CHECK(pxe_pxenv_ppxe(pxenv, &e) && e.seg == 0x9e00 && e.off == 0x20);
	pxenv[7] = 0x01;                    /* 2.0 has no !PXE pointer */
	checksum(pxenv, 44, 9);
	CHECK(pxe_pxenv_valid(pxenv, sizeof(pxenv)));
	CHECK(!pxe_pxenv_ppxe(pxenv, &e));
	pxenv[9] ^= 0xff;
	CHECK(!pxe_pxenv_valid(pxenv, sizeof(pxenv)));
}
