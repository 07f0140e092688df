/* A register-level model of a Broadcom 57766-class Gigabit Ethernet chip
 * for the host tests, written from the programmer's reference guides'
 * description of the hardware (not from the driver): the register file
 * behind BAR0, NIC memory behind the memory window, the bootcode's part
 * of a core reset, NVRAM behind its arbitration, the MI interface to a
 * copper PHY that autonegotiates, and DMA of send and receive descriptors
 * and frames into host memory (on the host, bus address == pointer). */
#ifndef TG3_MODEL_H
#define TG3_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "platform_host.h"

#define TG3_MODEL_MAX_FRAMES 1024
#define TG3_MODEL_FRAME_MAX  1536

/* Where the bootcode finds the MAC address it publishes after reset. */
enum tg3_model_mac_publish {
	MODEL_MAC_NONE,        /* publishes nothing (Apple: no NVRAM, no OTP address) */
	MODEL_MAC_SRAM,        /* the "HK" mailbox in NIC memory and the MAC registers */
	MODEL_MAC_REGS_ONLY,   /* only the MAC registers */
};

struct tg3_model_config {
	uint16_t device_id;          /* default 0x1686 (BCM57766) */
	uint8_t revision;
	uint8_t fn;                  /* PCI function number */
	/* Bootcode. */
	bool bootcode_dead;          /* never answers the firmware handshake */
	bool rom_only;               /* the boot ROM parks in its service loop instead of
				      * answering the mailbox (a 57766 without NVRAM) */
	unsigned boot_ms;            /* time it takes after reset (default 20) */
	enum tg3_model_mac_publish publish;
	uint8_t bootcode_mac[6];
	/* What the system firmware left in MAC_ADDR_0 before the driver came. */
	uint8_t firmware_mac[6];
	/* NVRAM: an image (bootstrap or self-boot), or none. */
	const uint8_t *nvram;
	size_t nvram_size;
	bool nvram_never_grants;
	/* The link partner. */
	bool no_cable;
	uint16_t partner_adv;        /* its ADVERTISE bits (default 10/100 half and full) */
	uint16_t partner_1000;       /* its 1000BASE-T abilities as STAT1000 shows them */
	unsigned autoneg_ms;         /* default 2000 */
	bool no_phy;                 /* nothing answers on the MI bus */
};

struct tg3_model_frame {
	size_t len;
	uint8_t data[TG3_MODEL_FRAME_MAX];
};

struct tg3_model {
	struct tg3_model_config cfg;
	struct pci_location loc;
	uint32_t regs[0x10000 / 4];
	uint32_t sram[0x10000 / 4];
	/* Reset and bootcode. */
	bool booting;
	uint64_t reset_at_ms;
	bool magic_at_reset;
	int resets;
	int resets_with_dma_on;      /* resets while a DMA engine was still enabled */
	/* PHY. */
	uint16_t phy[32];
	bool an_running;
	uint64_t an_started_ms;
	bool link_latched_low;
	int mi_busy_reads;
	uint32_t mi_result;
	/* NVRAM. */
	bool nvram_granted;
	/* Rings: the chip's side of each index. */
	uint32_t tx_cons, std_prod, std_cons, ret_prod, ret_cons_host;
	uint8_t tx_partial[TG3_MODEL_FRAME_MAX];
	size_t tx_partial_len;
	/* What the model saw. */
	struct tg3_model_frame *frames; /* sent frames, in order */
	int frame_count;             /* all sent (frames keeps the first TG3_MODEL_MAX_FRAMES) */
	int doorbells_while_stopped;
	int dma_writes;              /* status block and receive writes into host memory */
	char violation[256];         /* the first thing the driver did against the guide */
	bool gone;                   /* unplugged: every register reads all ones */
	bool tx_stalled;             /* the send engine hangs (tg3_model_stall_tx) */
};

/* The PCI function for the model's chip: Broadcom vendor ID, class 0200,
 * BAR0 a 64 KiB memory BAR. */
struct host_pci_function tg3_model_pci_function(const struct tg3_model_config *cfg);
/* Creates the model and installs it as the host's register model; the
 * function must already be set with host_pci_set. */
struct tg3_model *tg3_model_create(const struct tg3_model_config *cfg);
void tg3_model_destroy(struct tg3_model *m);

/* A frame arriving from the wire: 0, or -1 (with why in m->violation
 * left alone) when the chip could not take it: receive path off, no
 * buffer posted, return ring full. */
int tg3_model_receive(struct tg3_model *m, const void *frame, size_t len);
/* The same with a return descriptor as given: reported length (with FCS),
 * extra flags and error bits, for malformed and errored frames. */
int tg3_model_receive_raw(struct tg3_model *m, const void *frame, size_t len,
			  uint32_t reported_len, uint32_t flags, uint32_t errors);
/* Cable plugged or pulled: the PHY renegotiates or drops the link. */
void tg3_model_set_cable(struct tg3_model *m, bool plugged);
/* The send engine hangs, or goes on with what was posted meanwhile. */
void tg3_model_stall_tx(struct tg3_model *m, bool stalled);
/* Whether any DMA engine is enabled now. */
bool tg3_model_dma_enabled(const struct tg3_model *m);
/* Builds an NVRAM bootstrap image (magic 0x669955aa) holding mac. */
void tg3_model_nvram_bootstrap(uint8_t *image, size_t size, const uint8_t *mac);

#endif
