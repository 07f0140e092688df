/* Intel gigabit NICs with legacy descriptors: the 8254x family (e1000:
 * 82540EM is QEMU's default NIC) and the 82574/82583 (e1000e, QEMU's
 * e1000e). Memory BAR0; MAC from the receive address register the EEPROM
 * loads at reset, else from the EEPROM; one receive and one transmit ring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../bus/nic_driver.h"
#include "../bus/pci_regs.h"
#include "e1000_regs.h"

#define RX_DESCS 32             /* a multiple of 8: the ring's length is 128-byte aligned */
#define TX_DESCS 32
#define BUFFER_BYTES 2048
#define RESET_WAIT_MS 20
#define EEPROM_WAIT_MS 10

struct e1000 {
	struct pci_location loc;
	struct pci_bar regs;
	bool e1000e;
	uint8_t *dma;               /* rings, then RX buffers, then TX buffers */
	uint64_t dma_bus;
	volatile struct e1000_rx_desc *rx;
	volatile struct e1000_tx_desc *tx;
	unsigned rx_next;           /* the next descriptor the NIC fills */
	unsigned tx_tail;           /* the next descriptor we fill */
	unsigned tx_clean;          /* the oldest descriptor not yet known sent */
	struct netdev *netdev;
};

#define DMA_BYTES (RX_DESCS * 16 + TX_DESCS * 16 + (RX_DESCS + TX_DESCS) * BUFFER_BYTES)

static uint32_t rd(struct e1000 *e, unsigned reg)
{
	return pci_reg_read32(&e->regs, reg);
}

static void wr(struct e1000 *e, unsigned reg, uint32_t value)
{
	pci_reg_write32(&e->regs, reg, value);
}

static uint64_t rx_buffer_bus(struct e1000 *e, unsigned i)
{
	return e->dma_bus + RX_DESCS * 16 + TX_DESCS * 16 + (uint64_t)i * BUFFER_BYTES;
}

static uint8_t *rx_buffer(struct e1000 *e, unsigned i)
{
	return e->dma + RX_DESCS * 16 + TX_DESCS * 16 + (size_t)i * BUFFER_BYTES;
}

static uint64_t tx_buffer_bus(struct e1000 *e, unsigned i)
{
	return rx_buffer_bus(e, RX_DESCS + i);
}

static uint8_t *tx_buffer(struct e1000 *e, unsigned i)
{
	return rx_buffer(e, RX_DESCS + i);
}

/* A full reset stops all DMA and brings the registers to their defaults. */
static bool device_reset(struct e1000 *e)
{
	uint64_t start;
	wr(e, E1000_IMC, 0xffffffffu);
	wr(e, E1000_RCTL, 0);
	wr(e, E1000_TCTL, 0);
	platform_delay_us(10000); /* let DMA in flight finish, as the manual asks */
	wr(e, E1000_CTRL, rd(e, E1000_CTRL) | E1000_CTRL_RST);
	platform_delay_us(1000);
	start = platform_now_ms();
	while (rd(e, E1000_CTRL) & E1000_CTRL_RST) {
		if (platform_now_ms() - start > RESET_WAIT_MS)
			return false;
		platform_delay_us(100);
	}
	wr(e, E1000_IMC, 0xffffffffu);
	rd(e, E1000_ICR);
	return true;
}

static bool eeprom_word(struct e1000 *e, unsigned addr, uint16_t *word)
{
	uint32_t done = e->e1000e ? E1000_EERD_DONE_82574 : E1000_EERD_DONE_8254X;
	unsigned shift = e->e1000e ? E1000_EERD_ADDR_SHIFT_82574 : E1000_EERD_ADDR_SHIFT_8254X;
	uint64_t start = platform_now_ms();
	uint32_t v;

	wr(e, E1000_EERD, E1000_EERD_START | (addr << shift));
	while (!((v = rd(e, E1000_EERD)) & done)) {
		if (platform_now_ms() - start > EEPROM_WAIT_MS)
			return false;
		platform_delay_us(10);
	}
	*word = (uint16_t)(v >> E1000_EERD_DATA_SHIFT);
	return true;
}

static bool mac_valid(const uint8_t *mac)
{
	static const uint8_t zero[6], ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	return memcmp(mac, zero, 6) != 0 && memcmp(mac, ones, 6) != 0 && !(mac[0] & 1);
}

static bool read_mac(struct e1000 *e, uint8_t *mac, char *why, size_t why_size)
{
	uint32_t ral = rd(e, E1000_RAL0), rah = rd(e, E1000_RAH0);
	for (int i = 0; i < 4; i++)
		mac[i] = (uint8_t)(ral >> (8 * i));
	mac[4] = (uint8_t)rah;
	mac[5] = (uint8_t)(rah >> 8);
	if ((rah & E1000_RAH_AV) && mac_valid(mac))
		return true;
	for (unsigned w = 0; w < 3; w++) {
		uint16_t word;
		if (!eeprom_word(e, w, &word)) {
			snprintf(why, why_size, "the EEPROM did not answer (word %u)", w);
			return false;
		}
		mac[2 * w] = (uint8_t)word;
		mac[2 * w + 1] = (uint8_t)(word >> 8);
	}
	if (!mac_valid(mac)) {
		snprintf(why, why_size, "no valid MAC address in the EEPROM "
			 "(%02x:%02x:%02x:%02x:%02x:%02x)", mac[0], mac[1], mac[2], mac[3], mac[4],
			 mac[5]);
		return false;
	}
	return true;
}

static void e1000_close(struct netdev *dev)
{
	struct e1000 *e = dev->priv;
	device_reset(e);
	if (e->e1000e)
		wr(e, E1000_CTRL_EXT, rd(e, E1000_CTRL_EXT) & ~E1000_CTRL_EXT_DRV_LOAD);
	if (e->dma)
		platform_dma_free(&e->loc, e->dma, DMA_BYTES);
	e->dma = NULL;
}

static int e1000_open(struct netdev *dev)
{
	struct e1000 *e = dev->priv;

	if (!device_reset(e)) {
		snprintf(dev->error, sizeof(dev->error), "%s: the NIC did not come out of reset "
			 "within %d ms", dev->path, RESET_WAIT_MS);
		return -1;
	}
	e->dma = platform_dma_alloc(&e->loc, DMA_BYTES, &e->dma_bus);
	if (!e->dma) {
		snprintf(dev->error, sizeof(dev->error), "%s: no DMA memory for its rings", dev->path);
		return -1;
	}
	e->rx = (volatile struct e1000_rx_desc *)e->dma;
	e->tx = (volatile struct e1000_tx_desc *)(e->dma + RX_DESCS * 16);
	e->rx_next = e->tx_tail = e->tx_clean = 0;
	if (e->e1000e)
		wr(e, E1000_CTRL_EXT, rd(e, E1000_CTRL_EXT) | E1000_CTRL_EXT_DRV_LOAD);

	/* Link: let the MAC follow the PHY's autonegotiation. */
	wr(e, E1000_CTRL, (rd(e, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE) &
			  ~(E1000_CTRL_LRST | E1000_CTRL_ILOS | E1000_CTRL_VME | E1000_CTRL_PHY_RST));

	/* Our address in receive address 0; no multicast. */
	wr(e, E1000_RAL0, (uint32_t)dev->mac[0] | (uint32_t)dev->mac[1] << 8 |
			  (uint32_t)dev->mac[2] << 16 | (uint32_t)dev->mac[3] << 24);
	wr(e, E1000_RAH0, (uint32_t)dev->mac[4] | (uint32_t)dev->mac[5] << 8 | E1000_RAH_AV);
	for (unsigned i = 0; i < 128; i++)
		wr(e, E1000_MTA + 4 * i, 0);

	for (unsigned i = 0; i < RX_DESCS; i++)
		e->rx[i].addr = rx_buffer_bus(e, i);
	wr(e, E1000_RDBAL, (uint32_t)e->dma_bus);
	wr(e, E1000_RDBAH, (uint32_t)(e->dma_bus >> 32));
	wr(e, E1000_RDLEN, RX_DESCS * 16);
	wr(e, E1000_RDH, 0);
	/* Every descriptor but one belongs to the NIC (head == tail means empty). */
	wr(e, E1000_RDT, RX_DESCS - 1);
	wr(e, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC);

	uint64_t tx_bus = e->dma_bus + RX_DESCS * 16;
	wr(e, E1000_TDBAL, (uint32_t)tx_bus);
	wr(e, E1000_TDBAH, (uint32_t)(tx_bus >> 32));
	wr(e, E1000_TDLEN, TX_DESCS * 16);
	wr(e, E1000_TDH, 0);
	wr(e, E1000_TDT, 0);
	wr(e, E1000_TIPG, E1000_TIPG_COPPER);
	wr(e, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | E1000_TCTL_CT | E1000_TCTL_COLD);
	return 0;
}

/* Frees the descriptors the NIC has finished sending. */
static void tx_reclaim(struct e1000 *e)
{
	while (e->tx_clean != e->tx_tail && (e->tx[e->tx_clean].status & E1000_TXD_DD))
		e->tx_clean = (e->tx_clean + 1) % TX_DESCS;
}

static int e1000_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct e1000 *e = dev->priv;
	uint64_t start = platform_now_ms();
	unsigned i = e->tx_tail, next = (i + 1) % TX_DESCS;

	if (len > BUFFER_BYTES)
		return -1;
	for (tx_reclaim(e); next == e->tx_clean; tx_reclaim(e)) {
		if (platform_now_ms() - start > 100) {
			snprintf(dev->error, sizeof(dev->error), "%s: the NIC sent nothing for "
				 "100 ms (transmit ring full)", dev->path);
			return -1;
		}
	}
	memcpy(tx_buffer(e, i), frame, len);
	e->tx[i].addr = tx_buffer_bus(e, i);
	e->tx[i].length = (uint16_t)len;
	e->tx[i].cso = 0;
	e->tx[i].css = 0;
	e->tx[i].special = 0;
	e->tx[i].status = 0;
	e->tx[i].cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;
	e->tx_tail = next;
	wr(e, E1000_TDT, next);
	return 0;
}

static int e1000_receive(struct netdev *dev, void *buf, size_t size)
{
	struct e1000 *e = dev->priv;

	for (;;) {
		volatile struct e1000_rx_desc *d = &e->rx[e->rx_next];
		uint8_t status = d->status;
		int got = 0;
		if (!(status & E1000_RXD_DD))
			return 0;
		__asm__ volatile("" ::: "memory"); /* the length after DD */
		unsigned len = d->length;
		/* Whole, error-free frames that fit; the rest is dropped. */
		if ((status & E1000_RXD_EOP) && !d->errors && len && len <= size &&
		    len <= BUFFER_BYTES) {
			memcpy(buf, rx_buffer(e, e->rx_next), len);
			got = (int)len;
		} else {
			dev->rx_dropped++;
		}
		d->status = 0;
		d->addr = rx_buffer_bus(e, e->rx_next);
		/* The descriptor just emptied goes back to the NIC. */
		wr(e, E1000_RDT, e->rx_next);
		e->rx_next = (e->rx_next + 1) % RX_DESCS;
		if (got)
			return got;
	}
}

static bool e1000_link_up(struct netdev *dev)
{
	struct e1000 *e = dev->priv;
	uint32_t status = rd(e, E1000_STATUS);
	static const unsigned speeds[4] = { 10, 100, 1000, 1000 };
	if (!(status & E1000_STATUS_LU))
		return false;
	dev->link_mbps = speeds[(status >> E1000_STATUS_SPEED_SHIFT) & 3];
	dev->link_full_duplex = status & E1000_STATUS_FD;
	return true;
}

static const struct netdev_ops e1000_ops = {
	.open = e1000_open,
	.close = e1000_close,
	.transmit = e1000_transmit,
	.receive = e1000_receive,
	.link_up = e1000_link_up,
};

static int probe(const struct pci_device_info *pci, struct netdev *netdev, bool e1000e, char *why,
		 size_t why_size)
{
	struct e1000 *e = calloc(1, sizeof(*e));
	if (!e) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	e->e1000e = e1000e;
	e->netdev = netdev;
	e->loc = pci->loc;
	if (!pci_bar_get(&pci->loc, 0, &e->regs, why, why_size))
		goto fail;
	if (e->regs.is_io || e->regs.size < 0x10000) {
		snprintf(why, why_size, "BAR0 is not the 128 KiB register window it should be");
		goto fail;
	}
	if (!device_reset(e)) {
		snprintf(why, why_size, "the NIC did not come out of reset within %d ms",
			 RESET_WAIT_MS);
		goto fail;
	}
	if (!read_mac(e, netdev->mac, why, why_size))
		goto fail;
	netdev->priv = e;
	netdev->ops = &e1000_ops;
	netdev->mtu = 1500;
	snprintf(netdev->path, sizeof(netdev->path), "%s", e1000e ? "e1000e" : "e1000");
	return 0;
fail:
	free(e);
	return -1;
}

static int e1000_probe(const struct pci_device_info *pci, const struct pci_id *id,
		       struct netdev *netdev, char *why, size_t why_size)
{
	(void)id;
	return probe(pci, netdev, false, why, why_size);
}

static int e1000e_probe(const struct pci_device_info *pci, const struct pci_id *id,
			struct netdev *netdev, char *why, size_t why_size)
{
	(void)id;
	return probe(pci, netdev, true, why, why_size);
}

/* 82540 and 82545 copper parts: one register set and EEPROM interface
 * (the 8254x manual; the 82541/82547 place EERD's fields elsewhere and the
 * 82546's second port takes its MAC differently, so they are left out).
 * QEMU models 100e and 100f; the others are as the manual describes them,
 * untested on hardware. */
static const struct pci_id e1000_ids[] = {
	{ 0x8086, 0x100e, "82540EM" },
	{ 0x8086, 0x1015, "82540EM (LOM)" },
	{ 0x8086, 0x1016, "82540EP (LOM)" },
	{ 0x8086, 0x1017, "82540EP" },
	{ 0x8086, 0x101e, "82540EP (mobile)" },
	{ 0x8086, 0x100f, "82545EM" },
	{ 0x8086, 0x1026, "82545GM" },
	{ 0, 0, NULL },
};

/* 82574 and its sibling 82583 (the 82574 and 82583 datasheets): QEMU's
 * e1000e models 10d3. */
static const struct pci_id e1000e_ids[] = {
	{ 0x8086, 0x10d3, "82574L" },
	{ 0x8086, 0x10f6, "82574LA" },
	{ 0x8086, 0x150c, "82583V" },
	{ 0, 0, NULL },
};

const struct nic_driver e1000_driver = {
	.name = "e1000",
	.ids = e1000_ids,
	.covers = "the 8254x",
	.probe = e1000_probe,
};

const struct nic_driver e1000e_driver = {
	.name = "e1000e",
	.ids = e1000e_ids,
	.covers = "the 82574/82583",
	.probe = e1000e_probe,
};
