/* The tg3 driver's private state and the functions its files share:
 * tg3.c (probe and the netdev operations), tg3_reset.c (core reset and the
 * bootcode handshake), tg3_hw.c (rings and engines), tg3_nvram.c (NVRAM
 * and the MAC address), tg3_phy.c (MII, autonegotiation, link). */
#ifndef TG3_H
#define TG3_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../bus/nic_driver.h"
#include "../bus/pci_regs.h"
#include "tg3_regs.h"

extern const struct nic_driver tg3_driver;

/* Chip families that differ in what the driver does. */
enum tg3_family {
	TG3_5761,   /* 5761, 5764: CPMU-era, one return ring */
	TG3_57765,  /* 57761/57765/57781/57785, 57762/57766 */
	TG3_5717,   /* 5717/5718/5719/5720: a PHY per function */
};

/* Ring sizes: the send and standard receive rings are 512 entries on
 * every supported chip; the return ring is programmed to match. */
#define TG3_TX_RING      512
#define TG3_STD_RING     512
#define TG3_RET_RING     512
#define TG3_TX_BUFFERS   16     /* frames in flight at most */
#define TG3_RX_BUFFERS   64     /* receive buffers posted */
#define TG3_BUF_SIZE     1536   /* per buffer: a full frame with VLAN tag and FCS */

struct tg3 {
	struct pci_bar bar;
	struct pci_location loc;
	const char *chip;            /* "BCM57766" */
	uint8_t revision;            /* PCI revision ID */
	enum tg3_family family;
	uint16_t device;             /* PCI device ID, for per-chip fixes */
	bool asic_57766;             /* 57766/57762: a boot ROM that may not answer the mailbox */
	uint8_t phy_addr;
	uint32_t grc_mode;
	uint8_t mac[6];
	const char *mac_source;      /* where the address came from, for the report */
	uint32_t found_mac_high, found_mac_low; /* MAC_ADDR_0 as found before our reset */
	bool running;                /* engines enabled (between open and close) */

	/* Link, as last read from the PHY. */
	bool link;
	unsigned speed;              /* 10, 100, 1000 */
	bool full_duplex;
	bool link_checked;
	uint64_t link_checked_ms;

	/* One DMA block holds the status block, rings and buffers. */
	uint8_t *dma;
	size_t dma_size;
	uint64_t dma_bus;
	volatile uint32_t *status, *tx_ring, *std_ring, *ret_ring;
	uint8_t *tx_bufs, *rx_bufs;
	uint32_t tx_prod, tx_cons;   /* send ring: next free slot, oldest in flight */
	uint32_t std_prod;           /* standard ring: next slot to post */
	uint32_t ret_cons;           /* return ring: next entry to read */
	uint8_t rx_buf_of_slot[TG3_STD_RING];
};

/* Registers and NIC memory. */
static inline uint32_t tg3_read(struct tg3 *tp, unsigned reg)
{
	return pci_reg_read32(&tp->bar, reg);
}
static inline void tg3_write(struct tg3 *tp, unsigned reg, uint32_t value)
{
	pci_reg_write32(&tp->bar, reg, value);
}
uint32_t tg3_mem_read(struct tg3 *tp, uint32_t offset);
void tg3_mem_write(struct tg3 *tp, uint32_t offset, uint32_t value);
/* Polls reg every 10 us until (value & mask) == want; false after timeout_us. */
bool tg3_wait_reg(struct tg3 *tp, unsigned reg, uint32_t mask, uint32_t want,
		  uint32_t timeout_us);

/* tg3_reset.c: resets the core and waits for the bootcode; 0, or -1 with why. */
int tg3_chip_reset(struct tg3 *tp, char *why, size_t why_size);
/* tg3_hw.c */
int tg3_hw_start(struct tg3 *tp, char *why, size_t why_size);
void tg3_hw_stop(struct tg3 *tp);
/* Posts the buffer that was in used_slot again, in the next free slot. */
void tg3_rx_repost(struct tg3 *tp, uint32_t used_slot);
/* tg3_nvram.c: fills tp->mac and tp->mac_source; 0, or -1 with why. */
int tg3_read_mac_address(struct tg3 *tp, char *why, size_t why_size);
/* tg3_phy.c */
/* Stops the MAC's own PHY polling so MI frames are ours (after each reset). */
void tg3_mi_take(struct tg3 *tp);
/* Starts autonegotiation (unless the link is up already). */
int tg3_phy_start(struct tg3 *tp, char *why, size_t why_size);
/* Reads link, speed and duplex from the PHY now. */
bool tg3_phy_poll(struct tg3 *tp);
/* The same at most every 100 ms, and the MAC follows a change. */
bool tg3_link_poll_cached(struct tg3 *tp);
/* Port mode, duplex and slot time for the link in tp. */
void tg3_mac_apply_link(struct tg3 *tp);

/* For the device report: "BCM57766 rev 01, link up 1000/full". */
void tg3_describe(struct netdev *dev, char *buf, size_t size);

#endif
