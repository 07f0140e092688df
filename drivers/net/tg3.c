/* Broadcom NetXtreme/NetLink Gigabit Ethernet (tg3): the PCI IDs claimed,
 * probe, and the netdev operations (open, close, send, receive, link).
 * Polling only: interrupts stay masked and the status block in host
 * memory says how far the chip has sent and received. */
#include <stdio.h>
#include <string.h>
#include "tg3.h"

#define PCI_VENDOR_BROADCOM 0x14e4
#define TX_WAIT_US          100000 /* a full ring of 1536-byte frames at 10 Mbit/s is ~20 ms */
#define ETH_MIN_FRAME       60
#define ETH_HEADER          14
#define ETH_FCS             4

static const struct pci_id tg3_ids[] = {
	{ PCI_VENDOR_BROADCOM, 0x16b4, "BCM57765" },
	{ PCI_VENDOR_BROADCOM, 0x1686, "BCM57766" }, /* Mac mini 2012/2014 */
	{ PCI_VENDOR_BROADCOM, 0x1682, "BCM57762" }, /* Apple Thunderbolt Gigabit Ethernet */
	{ PCI_VENDOR_BROADCOM, 0x16b0, "BCM57761" },
	{ PCI_VENDOR_BROADCOM, 0x16b1, "BCM57781" },
	{ PCI_VENDOR_BROADCOM, 0x16b5, "BCM57785" },
	{ PCI_VENDOR_BROADCOM, 0x1655, "BCM5717" },
	{ PCI_VENDOR_BROADCOM, 0x1656, "BCM5718" },
	{ PCI_VENDOR_BROADCOM, 0x1657, "BCM5719" },
	{ PCI_VENDOR_BROADCOM, 0x165f, "BCM5720" },
	{ PCI_VENDOR_BROADCOM, 0x1681, "BCM5761" },
	{ PCI_VENDOR_BROADCOM, 0x1684, "BCM5764" },
	{ 0, 0, NULL },
};

static enum tg3_family family_of(uint16_t device)
{
	switch (device) {
	case 0x1655: case 0x1656: case 0x1657: case 0x165f:
		return TG3_5717;
	case 0x1681: case 0x1684:
		return TG3_5761;
	default:
		return TG3_57765;
	}
}

static int tg3_open(struct netdev *dev)
{
	struct tg3 *tp = dev->priv;
	char why[160];
	if (tg3_hw_start(tp, why, sizeof(why)) != 0) {
		snprintf(dev->error, sizeof(dev->error), "tg3 %s: %s", tp->chip, why);
		return -1;
	}
	return 0;
}

static void tg3_close(struct netdev *dev)
{
	struct tg3 *tp = dev->priv;
	if (tp->dma)
		tg3_hw_stop(tp);
}

/* Frames still being sent: from the consumer index the chip last wrote. */
static uint32_t tx_in_flight(struct tg3 *tp)
{
	tp->tx_cons = (tp->status[STATUS_RING0_INDICES] >> 16) % TG3_TX_RING;
	return (tp->tx_prod + TG3_TX_RING - tp->tx_cons) % TG3_TX_RING;
}

static int tg3_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct tg3 *tp = dev->priv;
	uint32_t slot = tp->tx_prod, waited = 0;
	volatile uint32_t *bd = tp->tx_ring + slot * TXD_WORDS;
	uint8_t *buf;
	uint64_t bus;

	if (!tp->running) {
		snprintf(dev->error, sizeof(dev->error), "tg3: cannot send, the device is not open");
		return -1;
	}
	if (len < ETH_HEADER || len > TG3_BUF_SIZE - ETH_FCS) {
		snprintf(dev->error, sizeof(dev->error), "tg3: cannot send a %u-byte frame",
			 (unsigned)len);
		return -1;
	}
	tg3_link_poll_cached(tp); /* the MAC follows a renegotiated speed */
	while (tx_in_flight(tp) >= TG3_TX_BUFFERS) {
		if (waited >= TX_WAIT_US) {
			snprintf(dev->error, sizeof(dev->error),
				 "tg3: send ring stuck: the chip has sent none of the last %d frames "
				 "in %u ms",
				 TG3_TX_BUFFERS, TX_WAIT_US / 1000);
			return -1;
		}
		platform_delay_us(10);
		waited += 10;
	}
	/* Buffers go round with the ring: slot's buffer is free once fewer
	 * than TG3_TX_BUFFERS frames are in flight. */
	buf = tp->tx_bufs + (slot % TG3_TX_BUFFERS) * TG3_BUF_SIZE;
	bus = tp->dma_bus + (uint64_t)(buf - tp->dma);
	memcpy(buf, frame, len);
	if (len < ETH_MIN_FRAME) {
		memset(buf + len, 0, ETH_MIN_FRAME - len);
		len = ETH_MIN_FRAME;
	}
	bd[TXD_ADDR_HIGH] = (uint32_t)(bus >> 32);
	bd[TXD_ADDR_LOW] = (uint32_t)bus;
	bd[TXD_LEN_FLAGS] = (uint32_t)len << 16 | TXD_FLAG_END;
	bd[TXD_VLAN] = 0;
	tp->tx_prod = (slot + 1) % TG3_TX_RING;
	tg3_write(tp, MBOX_SNDHOST_PROD_IDX_0, tp->tx_prod);
	return 0;
}

/* Why a return ring entry cannot be delivered, or NULL when it can. */
static const char *rx_entry_problem(uint32_t slot, uint32_t flags, uint32_t errors, uint32_t len)
{
	if (flags & (RXD_FLAG_JUMBO | RXD_FLAG_MINI) || slot >= TG3_STD_RING)
		return "not from the standard ring";
	if ((flags & RXD_FLAG_ERROR) && (errors & ~RXD_ERR_ODD_NIBBLE_MII))
		return "receive error";
	if (len < ETH_HEADER + ETH_FCS || len > TG3_BUF_SIZE)
		return "bad length";
	return NULL;
}

static int tg3_receive(struct netdev *dev, void *out, size_t size)
{
	struct tg3 *tp = dev->priv;

	if (!tp->running)
		return 0;
	/* Bad entries are skipped, at most a ring's worth per call. */
	for (int entries = 0; entries < TG3_RET_RING; entries++) {
		uint32_t prod = tp->status[STATUS_RING0_INDICES] & 0xffff;
		volatile uint32_t *bd = tp->ret_ring + tp->ret_cons * RXD_WORDS;
		uint32_t slot, len, flags, errors;
		const char *problem;

		if (prod >= TG3_RET_RING) {
			snprintf(dev->error, sizeof(dev->error),
				 "tg3: the chip reports return ring entry %u of %d", (unsigned)prod,
				 TG3_RET_RING);
			return -1;
		}
		if (prod == tp->ret_cons)
			return 0;
		slot = bd[RXD_IDX_LEN] >> 16;
		len = bd[RXD_IDX_LEN] & 0xffff;
		flags = bd[RXD_TYPE_FLAGS] & 0xffff;
		errors = bd[RXD_ERR_VLAN] & RXD_ERR_MASK;
		problem = rx_entry_problem(slot, flags, errors, len);
		if (!problem && len - ETH_FCS > size)
			problem = "larger than the caller's buffer";
		if (!problem)
			memcpy(out, tp->rx_bufs + tp->rx_buf_of_slot[slot] * TG3_BUF_SIZE,
			       len - ETH_FCS);
		/* A slot out of range names no buffer of ours: nothing to repost. */
		if (slot < TG3_STD_RING && !(flags & (RXD_FLAG_JUMBO | RXD_FLAG_MINI)))
			tg3_rx_repost(tp, slot);
		tp->ret_cons = (tp->ret_cons + 1) % TG3_RET_RING;
		tg3_write(tp, MBOX_RCVRET_CON_IDX_0, tp->ret_cons);
		tg3_write(tp, MBOX_RCV_STD_PROD_IDX, tp->std_prod);
		if (!problem)
			return (int)(len - ETH_FCS);
		dev->rx_dropped++;
	}
	return 0;
}

static bool tg3_link_up(struct netdev *dev)
{
	return tg3_link_poll_cached(dev->priv);
}

static const struct netdev_ops tg3_ops = {
	.open = tg3_open,
	.close = tg3_close,
	.transmit = tg3_transmit,
	.receive = tg3_receive,
	.link_up = tg3_link_up,
};

void tg3_describe(struct netdev *dev, char *buf, size_t size)
{
	struct tg3 *tp = dev->priv;
	if (tg3_link_poll_cached(tp))
		snprintf(buf, size, "%s rev %02x, link up %u/%s", tp->chip, tp->revision, tp->speed,
			 tp->full_duplex ? "full" : "half");
	else
		snprintf(buf, size, "%s rev %02x, link down", tp->chip, tp->revision);
}

/* Leaves the chip reset with interrupts masked, finds its MAC address and
 * starts autonegotiation; the rings wait for open. */
static int tg3_probe(const struct pci_device_info *pci, const struct pci_id *id,
		     struct netdev *netdev, char *why, size_t why_size)
{
	struct tg3 *tp = platform_alloc(sizeof(*tp));
	uint32_t asic_rev = 0;
	char detail[160];

	if (!tp) {
		snprintf(why, why_size, "out of memory for the driver's state");
		return -1;
	}
	memset(tp, 0, sizeof(*tp));
	tp->loc = pci->loc;
	tp->chip = id->name;
	tp->revision = pci->revision;
	tp->family = family_of(pci->device);
	tp->device = pci->device;
	tp->phy_addr = tp->family == TG3_5717 ? (uint8_t)(pci->loc.fn + 1) : 1;
	if (tp->family == TG3_57765 &&
	    platform_pci_config_read(&tp->loc, TG3_GEN15_PRODID_ASICREV, 4, &asic_rev))
		tp->asic_57766 = asic_rev >> ASIC_REV_SHIFT == ASIC_REV_57766;
	tp->grc_mode = GRC_MODE_WSWAP_NONFRM_DATA | GRC_MODE_BSWAP_DATA | GRC_MODE_WSWAP_DATA |
		       GRC_MODE_HOST_STACKUP | GRC_MODE_HOST_SENDBDS;

	if (!pci_bar_get(&tp->loc, 0, &tp->bar, detail, sizeof(detail))) {
		snprintf(why, why_size, "%s: registers unreachable: %s", id->name, detail);
		goto failed;
	}
	if (tp->bar.is_io || tp->bar.size < 0x10000) {
		snprintf(why, why_size, "%s: BAR0 is not the 64 KiB register window", id->name);
		goto failed;
	}
	platform_pci_config_write(&tp->loc, TG3_MISC_HOST_CTRL, 4,
				  MISC_HOST_CTRL_MASK_PCI_INT | MISC_HOST_CTRL_CLEAR_INT |
					  MISC_HOST_CTRL_WORD_SWAP | MISC_HOST_CTRL_INDIR_ACCESS |
					  MISC_HOST_CTRL_PCISTATE_RW);
	/* What the system firmware left in the MAC registers: Apple's puts the
	 * address there, and the reset may clear it. */
	tp->found_mac_high = tg3_read(tp, MAC_ADDR_0_HIGH);
	tp->found_mac_low = tg3_read(tp, MAC_ADDR_0_LOW);

	if (tg3_chip_reset(tp, detail, sizeof(detail)) != 0 ||
	    tg3_read_mac_address(tp, detail, sizeof(detail)) != 0 ||
	    tg3_phy_start(tp, detail, sizeof(detail)) != 0) {
		snprintf(why, why_size, "%s: %s", id->name, detail);
		goto failed;
	}
	netdev->ops = &tg3_ops;
	netdev->priv = tp;
	memcpy(netdev->mac, tp->mac, sizeof(tp->mac));
	netdev->mtu = 1500;
	snprintf(netdev->path, sizeof(netdev->path), "tg3");
	return 0;

failed:
	platform_free(tp);
	return -1;
}

const struct nic_driver tg3_driver = {
	.name = "tg3",
	.ids = tg3_ids,
	.probe = tg3_probe,
};
