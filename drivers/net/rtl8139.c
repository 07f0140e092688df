/* Realtek RTL8139 (10/100): an 8 KiB receive ring the chip writes frames
 * into one after another, each behind a 4-byte header, and four transmit
 * buffers used in turn. Registers through I/O BAR0 (or memory BAR1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../bus/nic_driver.h"
#include "../bus/pci_regs.h"
#include "rtl8139_regs.h"

#define TX_SLOTS 4
#define TX_BYTES 2048
/* The ring, its 16 spare bytes and room for a frame running past the end
 * (RCR.WRAP), then the transmit buffers. */
#define RX_BYTES (RTL_RX_RING + 16 + 2048)
#define DMA_BYTES (RX_BYTES + TX_SLOTS * TX_BYTES)
#define RESET_WAIT_MS 20
#define MAX_FRAME 1522               /* with its CRC and a VLAN tag */
/* The longest a header may claim: the frame must end inside the room past
 * the ring's end; beyond that the ring is out of step. */
#define MAX_RX_LEN 2048

struct rtl {
	struct pci_location loc;
	struct pci_bar regs;
	uint8_t *dma;
	uint64_t dma_bus;
	unsigned rx_offset;              /* where the next frame's header is */
	unsigned tx_next;                /* the slot the next frame goes to */
	bool tx_busy[TX_SLOTS];
};

static uint32_t rd(struct rtl *r, unsigned reg, unsigned width)
{
	return pci_reg_read(&r->regs, reg, width);
}

static void wr(struct rtl *r, unsigned reg, unsigned width, uint32_t value)
{
	pci_reg_write(&r->regs, reg, width, value);
}

static bool chip_reset(struct rtl *r)
{
	uint64_t start = platform_now_ms();
	wr(r, RTL_IMR, 2, 0);
	wr(r, RTL_CR, 1, RTL_CR_RST);
	while (rd(r, RTL_CR, 1) & RTL_CR_RST) {
		if (platform_now_ms() - start > RESET_WAIT_MS)
			return false;
		platform_delay_us(100);
	}
	return true;
}

/* Receiver and transmitter on, the ring empty. */
static void start(struct rtl *r)
{
	r->rx_offset = 0;
	r->tx_next = 0;
	memset(r->tx_busy, 0, sizeof(r->tx_busy));
	wr(r, RTL_CR, 1, RTL_CR_RE | RTL_CR_TE);
	wr(r, RTL_RBSTART, 4, (uint32_t)r->dma_bus);
	wr(r, RTL_RCR, 4, RTL_RCR_APM | RTL_RCR_AB | RTL_RCR_WRAP | RTL_RCR_MXDMA_UNLIMITED |
			  RTL_RCR_RXFTH_NONE);
	wr(r, RTL_TCR, 4, RTL_TCR_IFG_NORMAL | RTL_TCR_MXDMA_1024);
	wr(r, RTL_MAR0, 4, 0);
	wr(r, RTL_MAR0 + 4, 4, 0);
	for (unsigned i = 0; i < TX_SLOTS; i++)
		wr(r, RTL_TSAD0 + 4 * i, 4, (uint32_t)(r->dma_bus + RX_BYTES + i * TX_BYTES));
	wr(r, RTL_CAPR, 2, (uint16_t)(0 - 16));
	wr(r, RTL_IMR, 2, 0);
	wr(r, RTL_ISR, 2, 0xffff);
}

static void rtl_close(struct netdev *dev)
{
	struct rtl *r = dev->priv;
	wr(r, RTL_CR, 1, 0); /* receiver and transmitter off: no more DMA */
	chip_reset(r);
	if (r->dma)
		platform_dma_free(&r->loc, r->dma, DMA_BYTES);
	r->dma = NULL;
}

static int rtl_open(struct netdev *dev)
{
	struct rtl *r = dev->priv;
	if (!chip_reset(r)) {
		snprintf(dev->error, sizeof(dev->error), "rtl8139: the chip did not come out of "
			 "reset within %d ms", RESET_WAIT_MS);
		return -1;
	}
	r->dma = platform_dma_alloc(&r->loc, DMA_BYTES, &r->dma_bus);
	if (!r->dma) {
		snprintf(dev->error, sizeof(dev->error), "rtl8139: no DMA memory for its buffers");
		return -1;
	}
	if (r->dma_bus + DMA_BYTES > 0x100000000ull) {
		snprintf(dev->error, sizeof(dev->error), "rtl8139: DMA memory above 4 GiB");
		rtl_close(dev);
		return -1;
	}
	start(r);
	return 0;
}

static int rtl_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct rtl *r = dev->priv;
	unsigned slot = r->tx_next;
	uint64_t t0 = platform_now_ms();
	size_t padded = len < 60 ? 60 : len;

	if (len > TX_BYTES || len > RTL_TSD_SIZE_MASK)
		return -1;
	/* The chip sets OWN once it has the frame: the buffer may be reused. */
	while (r->tx_busy[slot] && !(rd(r, RTL_TSD0 + 4 * slot, 4) & RTL_TSD_OWN)) {
		if (platform_now_ms() - t0 > 100) {
			snprintf(dev->error, sizeof(dev->error), "rtl8139: the chip took no frame "
				 "for 100 ms (transmit buffers full)");
			return -1;
		}
	}
	uint8_t *buf = r->dma + RX_BYTES + slot * TX_BYTES;
	memcpy(buf, frame, len);
	memset(buf + len, 0, padded - len);
	r->tx_busy[slot] = true;
	/* Writing the size (OWN clear) starts the transmission; early threshold 256 bytes. */
	wr(r, RTL_TSD0 + 4 * slot, 4, (uint32_t)padded | (8u << RTL_TSD_ERTXTH_SHIFT));
	r->tx_next = (slot + 1) % TX_SLOTS;
	return 0;
}

static int rtl_receive(struct netdev *dev, void *buf, size_t size)
{
	struct rtl *r = dev->priv;

	while (!(rd(r, RTL_CR, 1) & RTL_CR_BUFE)) {
		const uint8_t *h = r->dma + r->rx_offset;
		unsigned status = h[0] | h[1] << 8, len = h[2] | h[3] << 8;
		int got = 0;
		/* A header that makes no sense means the ring is out of step:
		 * start the receiver again rather than read garbage. */
		if (!(status & RTL_RX_ROK) || len < 18 || len > MAX_RX_LEN) {
			dev->rx_dropped++;
			chip_reset(r);
			start(r);
			return 0;
		}
		/* A sane but overlong frame is skipped alone: resetting for it
		 * would let a stream of them starve every other frame. */
		if (len <= MAX_FRAME && len - 4 <= size) {
			got = (int)(len - 4);
			memcpy(buf, h + 4, (size_t)got);
		} else {
			dev->rx_dropped++;
		}
		r->rx_offset = (r->rx_offset + len + 4 + 3) & ~3u;
		r->rx_offset %= RTL_RX_RING;
		wr(r, RTL_CAPR, 2, (uint16_t)(r->rx_offset - 16));
		if (got)
			return got;
	}
	return 0;
}

static bool rtl_link_up(struct netdev *dev)
{
	struct rtl *r = dev->priv;
	uint32_t msr = rd(r, RTL_MSR, 1);
	if (msr & RTL_MSR_LINKB)
		return false;
	dev->link_mbps = msr & RTL_MSR_SPEED10 ? 10 : 100;
	dev->link_full_duplex = rd(r, RTL_BMCR, 2) & RTL_BMCR_DUPLEX;
	return true;
}

static const struct netdev_ops rtl_ops = {
	.open = rtl_open,
	.close = rtl_close,
	.transmit = rtl_transmit,
	.receive = rtl_receive,
	.link_up = rtl_link_up,
};

static int rtl_probe(const struct pci_device_info *pci, const struct pci_id *id,
		     struct netdev *netdev, char *why, size_t why_size)
{
	struct rtl *r = calloc(1, sizeof(*r));
	char why_io[96];
	(void)id;

	if (!r) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	r->loc = pci->loc;
	if (!pci_bar_get(&pci->loc, 0, &r->regs, why_io, sizeof(why_io)) &&
	    !pci_bar_get(&pci->loc, 1, &r->regs, why, why_size))
		goto fail;
	if (!chip_reset(r)) {
		snprintf(why, why_size, "the chip did not come out of reset within %d ms",
			 RESET_WAIT_MS);
		goto fail;
	}
	for (unsigned i = 0; i < 6; i++)
		netdev->mac[i] = (uint8_t)rd(r, RTL_IDR0 + i, 1);
	if ((netdev->mac[0] & 1) || !(netdev->mac[0] | netdev->mac[1] | netdev->mac[2] |
				     netdev->mac[3] | netdev->mac[4] | netdev->mac[5])) {
		snprintf(why, why_size, "no valid MAC address in IDR0-5");
		goto fail;
	}
	netdev->priv = r;
	netdev->ops = &rtl_ops;
	netdev->mtu = 1500;
	snprintf(netdev->path, sizeof(netdev->path), "rtl8139");
	return 0;
fail:
	free(r);
	return -1;
}

/* The RTL8139 family shares this register set (RTL8139C(L) datasheet);
 * QEMU models 10ec:8139. */
static const struct pci_id rtl_ids[] = {
	{ 0x10ec, 0x8139, "RTL8139" },
	{ 0, 0, NULL },
};

const struct nic_driver rtl8139_driver = {
	.name = "rtl8139",
	.ids = rtl_ids,
	.covers = "the RTL8139",
	.probe = rtl_probe,
};
