/* UNDI through the PXE API (pxe_undi.h): the calls, their parameter
 * blocks and what their failures mean. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pxe_undi.h"

int pxe_undi_call(struct pxe_undi *u, uint16_t opcode, const char *name, void *params,
		  size_t size)
{
	uint16_t exit_code = u->port->call(u->port, opcode, params, size);
	uint16_t status;

	memcpy(&status, params, sizeof(status)); /* every block starts with it */
	if (exit_code == PXENV_EXIT_SUCCESS && status == 0)
		return 0;
	if (exit_code == PXENV_EXIT_SUCCESS || exit_code == PXENV_EXIT_FAILURE)
		snprintf(u->error, sizeof(u->error), "%s failed: %s (status 0x%02x)", name,
			 status ? pxe_status_text(status) : "no status given", status);
	else
		snprintf(u->error, sizeof(u->error), "%s failed: the PXE API returned 0x%04x, "
			 "which is neither success nor failure", name, exit_code);
	return -1;
}

void pxe_undi_find_pci(struct pxe_undi *u)
{
	struct pxenv_undi_get_nic_type nic;

	memset(&nic, 0, sizeof(nic));
	if (u->port->call(u->port, PXENV_UNDI_GET_NIC_TYPE, &nic, sizeof(nic)) ==
	    PXENV_EXIT_SUCCESS && nic.status == 0 &&
	    (nic.nic_type == PXE_NIC_PCI || nic.nic_type == PXE_NIC_CARDBUS)) {
		u->has_pci = true;
		u->bus = nic.pci.bus_dev_func >> 8;
		u->dev = (nic.pci.bus_dev_func >> 3) & 0x1f;
		u->fn = nic.pci.bus_dev_func & 7;
		u->vendor_id = nic.pci.vendor_id;
		u->device_id = nic.pci.dev_id;
	}
}

int pxe_undi_probe(struct pxe_undi *u)
{
	struct pxenv_undi_startup startup;
	struct pxenv_undi_initialize init;
	struct pxenv_undi_get_information info;

	/* The ROM that loaded us has usually started UNDI already; a stack
	 * that refuses a second STARTUP for that reason still initializes. */
	memset(&startup, 0, sizeof(startup));
	u->port->call(u->port, PXENV_UNDI_STARTUP, &startup, sizeof(startup));
	memset(&init, 0, sizeof(init));
	if (pxe_undi_call(u, PXENV_UNDI_INITIALIZE, "PXENV_UNDI_INITIALIZE", &init, sizeof(init)))
		return -1;
	u->initialized = true;
	memset(&info, 0, sizeof(info));
	if (pxe_undi_call(u, PXENV_UNDI_GET_INFORMATION, "PXENV_UNDI_GET_INFORMATION", &info,
			  sizeof(info)))
		return -1;
	if (info.hw_addr_len != 6) {
		snprintf(u->error, sizeof(u->error), "PXENV_UNDI_GET_INFORMATION: a hardware "
			 "address of %u bytes; bootnet drives Ethernet (6) only", info.hw_addr_len);
		return -1;
	}
	memcpy(u->mac, info.current_node_address, 6);
	u->mtu = info.max_tran_unit >= 576 && info.max_tran_unit <= 1500 ? info.max_tran_unit : 1500;

	/* Where the NIC is: only a report detail, so a failure is no error. */
	pxe_undi_find_pci(u);
	return 0;
}

/* A BOOTP/DHCP reply: op 2 and the DHCP magic cookie after the fixed part. */
static bool looks_like_reply(const uint8_t *p, size_t len)
{
	static const uint8_t cookie[4] = { 99, 130, 83, 99 };
	return len >= 240 && p[0] == 2 && memcmp(p + 236, cookie, 4) == 0;
}

/* One cached packet into a new buffer; NULL when absent. */
static uint8_t *cached_packet(struct pxe_undi *u, uint16_t type, size_t *len)
{
	struct pxenv_get_cached_info ci;
	struct pxe_port *port = u->port;
	uint8_t *copy;
	size_t size = port->data_size < 0xffff ? port->data_size : 0xffff;

	memset(&ci, 0, sizeof(ci));
	ci.packet_type = type;
	ci.buffer_size = (uint16_t)size;
	ci.buffer = port->data_at;
	ci.buffer_limit = (uint16_t)size;
	if (port->call(port, PXENV_GET_CACHED_INFO, &ci, sizeof(ci)) != PXENV_EXIT_SUCCESS ||
	    ci.status != 0)
		return NULL;
	if (ci.buffer_size > size)
		ci.buffer_size = (uint16_t)size;  /* a stack that says it wrote more than fits */
	if (!looks_like_reply(port->data, ci.buffer_size))
		return NULL;
	copy = malloc(ci.buffer_size);
	if (!copy)
		return NULL;
	memcpy(copy, port->data, ci.buffer_size);
	*len = ci.buffer_size;
	return copy;
}

void pxe_undi_cached_dhcp(struct pxe_undi *u, struct netdev_cached_dhcp *cached)
{
	size_t len = 0;
	uint8_t *reply;

	cached->ack = cached_packet(u, PXE_PACKET_DHCP_ACK, &cached->ack_len);
	if (!cached->ack)
		return;
	/* The boot server's answer (proxyDHCP or port 4011); a stack that
	 * had none may hand back the ACK again. */
	reply = cached_packet(u, PXE_PACKET_CACHED_REPLY, &len);
	if (reply && !(len == cached->ack_len && memcmp(reply, cached->ack, len) == 0)) {
		cached->pxe_reply = reply;
		cached->pxe_reply_len = len;
	} else {
		free(reply);
	}
	snprintf(cached->source, sizeof(cached->source), "the PXE ROM");
}

int pxe_undi_open(struct pxe_undi *u)
{
	struct pxenv_undi_open open;
	memset(&open, 0, sizeof(open));
	open.pkt_filter = PXE_FLTR_DIRECTED | PXE_FLTR_BRDCST;
	u->isr_processing = false;
	u->frame_got = u->frame_len = 0;
	return pxe_undi_call(u, PXENV_UNDI_OPEN, "PXENV_UNDI_OPEN", &open, sizeof(open));
}

void pxe_undi_close(struct pxe_undi *u)
{
	struct pxenv_undi_close close = { 0 };
	pxe_undi_call(u, PXENV_UNDI_CLOSE, "PXENV_UNDI_CLOSE", &close, sizeof(close));
	u->isr_processing = false;
}

/* The data buffer holds the transmit buffer descriptor, then the frame. */
#define TX_FRAME_AT 128

int pxe_undi_transmit(struct pxe_undi *u, const void *frame, size_t len)
{
	struct pxe_port *port = u->port;
	struct pxenv_undi_transmit tx;
	struct pxenv_undi_tbd tbd;

	if (len < 14 || len > NETDEV_MAX_FRAME || TX_FRAME_AT + len > port->data_size) {
		snprintf(u->error, sizeof(u->error), "PXENV_UNDI_TRANSMIT: a frame of %zu bytes "
			 "cannot be sent", len);
		return -1;
	}
	memcpy(port->data + TX_FRAME_AT, frame, len);
	memset(&tbd, 0, sizeof(tbd));
	tbd.immed_length = (uint16_t)len;
	tbd.xmit = (struct segoff16){ (uint16_t)(port->data_at.off + TX_FRAME_AT), port->data_at.seg };
	memcpy(port->data, &tbd, sizeof(tbd));
	memset(&tx, 0, sizeof(tx));
	tx.protocol = PXE_P_UNKNOWN;
	tx.xmit_flag = PXE_XMT_DESTADDR;
	tx.dest_addr = tbd.xmit;  /* the frame starts with its destination */
	tx.tbd = port->data_at;
	return pxe_undi_call(u, PXENV_UNDI_TRANSMIT, "PXENV_UNDI_TRANSMIT", &tx, sizeof(tx));
}

_Static_assert(sizeof(struct pxenv_undi_tbd) <= TX_FRAME_AT, "the TBD fits before the frame");
