/* The PXE 2.1 API calls bootnet.kpxe drives a NIC with (UNDI, and the
 * ROM's cached DHCP packets), and the checks on the !PXE and PXENV+
 * structures that lead to it. Everything here is platform-independent:
 * the one call into real mode is the port's call function (bios/bios_undi.c
 * on BIOS, a fake UNDI in tests/unit/test_undi_pxe.c), so host tests check
 * the parameter blocks, the status messages and the receive path.
 * Not to be confused with undi_cdb.h: UEFI's NII UNDI is another API. */
#ifndef PXE_UNDI_H
#define PXE_UNDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "netdev.h"

#define PXE_PACKED __attribute__((packed))

struct segoff16 {
	uint16_t off, seg;
} PXE_PACKED;

/* Opcodes. */
enum {
	PXENV_UNDI_STARTUP = 0x0001,
	PXENV_UNDI_INITIALIZE = 0x0003,
	PXENV_UNDI_OPEN = 0x0006,
	PXENV_UNDI_CLOSE = 0x0007,
	PXENV_UNDI_TRANSMIT = 0x0008,
	PXENV_UNDI_GET_INFORMATION = 0x000c,
	PXENV_UNDI_GET_NIC_TYPE = 0x0012,
	PXENV_UNDI_ISR = 0x0014,
	PXENV_GET_CACHED_INFO = 0x0071,
};

/* What every call returns in AX. */
#define PXENV_EXIT_SUCCESS 0x0000
#define PXENV_EXIT_FAILURE 0x0001

/* Parameter blocks (PXE 2.1 specification), byte-packed. Each starts with
 * the status the call writes. */
struct pxenv_undi_startup {
	uint16_t status, ax, bx, dx, di, es;
} PXE_PACKED;

struct pxenv_undi_initialize {
	uint16_t status;
	uint32_t protocol_ini;
	uint8_t reserved[8];
} PXE_PACKED;

#define PXE_FLTR_DIRECTED 0x0001
#define PXE_FLTR_BRDCST 0x0002
struct pxenv_undi_open {
	uint16_t status, open_flag, pkt_filter;
	uint16_t mcast_count;
	uint8_t mcast_addr[8][6];
} PXE_PACKED;

struct pxenv_undi_close {
	uint16_t status;
} PXE_PACKED;

#define PXE_P_UNKNOWN 0       /* the frame carries its own media header */
#define PXE_XMT_DESTADDR 0
struct pxenv_undi_tbd {
	uint16_t immed_length;
	struct segoff16 xmit;
	uint16_t data_blk_count;
	struct {
		uint8_t ptr_type, reserved;
		uint16_t len;
		struct segoff16 ptr;
	} PXE_PACKED data_block[8];
} PXE_PACKED;
struct pxenv_undi_transmit {
	uint16_t status;
	uint8_t protocol, xmit_flag;
	struct segoff16 dest_addr, tbd;
	uint32_t reserved[2];
} PXE_PACKED;

struct pxenv_undi_get_information {
	uint16_t status, base_io, int_number, max_tran_unit, hw_type, hw_addr_len;
	uint8_t current_node_address[16], perm_node_address[16];
	uint16_t rom_address, rx_buf_ct, tx_buf_ct;
} PXE_PACKED;

#define PXE_NIC_PCI 2
#define PXE_NIC_PNP 3
#define PXE_NIC_CARDBUS 4
struct pxenv_undi_get_nic_type {
	uint16_t status;
	uint8_t nic_type;
	struct {
		uint16_t vendor_id, dev_id;
		uint8_t base_class, sub_class, prog_intf, rev;
		uint16_t bus_dev_func, sub_vendor_id, sub_device_id;
	} PXE_PACKED pci;
} PXE_PACKED;

enum {
	PXE_ISR_IN_START = 1, PXE_ISR_IN_PROCESS = 2, PXE_ISR_IN_GET_NEXT = 3,
	PXE_ISR_OUT_OURS = 0, PXE_ISR_OUT_NOT_OURS = 1,
	PXE_ISR_OUT_DONE = 0, PXE_ISR_OUT_TRANSMIT = 2, PXE_ISR_OUT_RECEIVE = 3,
	PXE_ISR_OUT_BUSY = 4,
};
struct pxenv_undi_isr {
	uint16_t status, func_flag, buffer_length, frame_length, frame_header_length;
	struct segoff16 frame;
	uint8_t prot_type, pkt_type;
} PXE_PACKED;

enum { PXE_PACKET_DHCP_DISCOVER = 1, PXE_PACKET_DHCP_ACK = 2, PXE_PACKET_CACHED_REPLY = 3 };
struct pxenv_get_cached_info {
	uint16_t status, packet_type, buffer_size;
	struct segoff16 buffer;
	uint16_t buffer_limit;
} PXE_PACKED;

/* How calls reach the PXE API. */
struct pxe_port {
	/* Runs opcode with its parameter block (size bytes, copied where
	 * the API reaches it and back); returns the API's exit code (AX). */
	uint16_t (*call)(struct pxe_port *port, uint16_t opcode, void *params, size_t size);
	/* Copies len bytes from the real-mode address at into dst. */
	void (*read_real)(struct pxe_port *port, struct segoff16 at, void *dst, size_t len);
	/* A data buffer the API reaches (frames to send, cached packets). */
	uint8_t *data;
	struct segoff16 data_at;
	size_t data_size;
};

/* One UNDI NIC driven through the port. */
struct pxe_undi {
	struct pxe_port *port;
	char error[160];               /* why the last call failed */
	bool initialized;              /* STARTUP and INITIALIZE succeeded */
	uint8_t mac[6];
	unsigned mtu;
	bool has_pci;
	uint8_t bus, dev, fn;
	uint16_t vendor_id, device_id;
	/* The receive path: ISR processing in progress, the frame being put
	 * together from fragments. */
	bool isr_processing;
	uint8_t frame[NETDEV_MAX_FRAME];
	size_t frame_len, frame_got;
	bool frame_too_big;
	unsigned long frames_dropped;
	struct netdev netdev;
};

/* The status code as words, e.g. "the NIC could not be initialized". */
const char *pxe_status_text(uint16_t status);

/* Runs one call; 0, or -1 with "NAME failed: why (status 0xNN)" in
 * u->error. */
int pxe_undi_call(struct pxe_undi *u, uint16_t opcode, const char *name, void *params,
		  size_t size);

/* STARTUP, INITIALIZE, GET_INFORMATION (MAC, MTU) and GET_NIC_TYPE (the
 * PCI location): 0, or -1 with why in u->error. */
int pxe_undi_probe(struct pxe_undi *u);
/* Asks the UNDI where its NIC is on PCI (PXENV_UNDI_GET_NIC_TYPE): fills
 * has_pci and the location and IDs; nothing when it cannot say. */
void pxe_undi_find_pci(struct pxe_undi *u);
/* The ROM's DHCP packets (ACK, boot server reply) copied into cached;
 * the ones absent or unreadable are left NULL. */
void pxe_undi_cached_dhcp(struct pxe_undi *u, struct netdev_cached_dhcp *cached);

int pxe_undi_open(struct pxe_undi *u);
void pxe_undi_close(struct pxe_undi *u);
int pxe_undi_transmit(struct pxe_undi *u, const void *frame, size_t len);
/* One received frame into buf (its length), 0 when none is waiting;
 * frames bigger than size or NETDEV_MAX_FRAME are dropped and counted. */
int pxe_undi_receive(struct pxe_undi *u, void *buf, size_t size);

/* A netdev over u (path "UNDI"). */
struct netdev *pxe_undi_netdev(struct pxe_undi *u);

/* The !PXE and PXENV+ structures: signature, length and checksum. */
bool pxe_ppxe_valid(const uint8_t *p, size_t avail);
bool pxe_pxenv_valid(const uint8_t *p, size_t avail);
/* Their real-mode entry points, and PXENV+'s pointer to !PXE (2.1 and later). */
struct segoff16 pxe_ppxe_entry(const uint8_t *ppxe);
struct segoff16 pxe_pxenv_entry(const uint8_t *pxenv);
bool pxe_pxenv_ppxe(const uint8_t *pxenv, struct segoff16 *ppxe);

#endif
