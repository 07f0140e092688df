/* The rtl8139 driver against a small model of the chip (RTL8139C(L)
 * datasheet): frames written one after another into the 8 KiB receive
 * ring behind 4-byte headers, running past its end (RCR.WRAP), the four
 * transmit buffers used in turn. The ring's headers come from the
 * network side: a broken one must restart the receiver, never be
 * followed out of the buffer. */
#include <stdlib.h>
#include <string.h>
#include "../../drivers/bus/nic_driver.h"
#include "../../drivers/bus/pci_regs.h"
#include "../../drivers/net/rtl8139_regs.h"
#include "../../firmware/netdev.h"
#include "platform_host.h"
#include "test.h"

struct chip {
	uint8_t regs[256];
	unsigned write_at;          /* where the chip writes the next frame (CBR) */
	unsigned sent;
	uint8_t last[2048];
	unsigned last_len;
	unsigned resets;
};

static uint8_t *ring(struct chip *c)
{
	uint32_t bus;
	memcpy(&bus, c->regs + RTL_RBSTART, 4);
	return (uint8_t *)(uintptr_t)bus;
}

static uint16_t capr(struct chip *c)
{
	return (uint16_t)(c->regs[RTL_CAPR] | c->regs[RTL_CAPR + 1] << 8);
}

static bool empty(struct chip *c)
{
	return (uint16_t)(capr(c) + 16) % RTL_RX_RING == c->write_at;
}

static void chip_reset(struct chip *c)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	memset(c->regs, 0, sizeof(c->regs));
	memcpy(c->regs + RTL_IDR0, mac, 6);
	c->write_at = 0;
	c->resets++;
	for (int i = 0; i < 4; i++)
		c->regs[RTL_TSD0 + 4 * i + 1] = RTL_TSD_OWN >> 8;
}

static uint32_t chip_read(void *ctx, const struct pci_bar *bar, unsigned off, unsigned width)
{
	struct chip *c = ctx;
	uint32_t v = 0;
	(void)bar;
	if (off + width > sizeof(c->regs))
		return 0xffffffffu;
	if (off == RTL_CR && width == 1)
		return (c->regs[RTL_CR] & ~RTL_CR_BUFE) | (empty(c) ? RTL_CR_BUFE : 0);
	memcpy(&v, c->regs + off, width);
	return v;
}

static void chip_write(void *ctx, const struct pci_bar *bar, unsigned off, unsigned width,
		       uint32_t v)
{
	struct chip *c = ctx;
	(void)bar;
	if (off + width > sizeof(c->regs))
		return;
	if (off == RTL_CR && (v & RTL_CR_RST)) {
		chip_reset(c);
		return;
	}
	memcpy(c->regs + off, &v, width);
	if (off >= RTL_TSD0 && off < RTL_TSD0 + 16 && width == 4) {
		unsigned slot = (off - RTL_TSD0) / 4;
		uint32_t addr;
		memcpy(&addr, c->regs + RTL_TSAD0 + 4 * slot, 4);
		c->last_len = v & RTL_TSD_SIZE_MASK;
		memcpy(c->last, (void *)(uintptr_t)addr, c->last_len);
		c->sent++;
		v = (v & ~RTL_TSD_SIZE_MASK) | c->last_len | RTL_TSD_OWN | RTL_TSD_TOK;
		memcpy(c->regs + off, &v, 4);
	}
}

/* The chip receives a frame: header (status, length with CRC), the frame,
 * 4 CRC bytes, then the next frame 4-byte aligned. */
static bool deliver(struct chip *c, const uint8_t *frame, unsigned len, uint16_t status,
		    uint16_t claimed)
{
	unsigned need = (len + 8 + 3) & ~3u;
	unsigned used = (c->write_at - (uint16_t)(capr(c) + 16)) % RTL_RX_RING;
	if (!(c->regs[RTL_CR] & RTL_CR_RE) || used + need >= RTL_RX_RING)
		return false;
	uint8_t *r = ring(c) + c->write_at;
	r[0] = (uint8_t)status;
	r[1] = (uint8_t)(status >> 8);
	r[2] = (uint8_t)claimed;
	r[3] = (uint8_t)(claimed >> 8);
	memcpy(r + 4, frame, len); /* past the ring's end when it must: RCR.WRAP */
	memset(r + 4 + len, 0xcc, 4);
	c->write_at = (c->write_at + need) % RTL_RX_RING;
	return true;
}

static struct chip *chip;

static struct netdev *bring_up(void)
{
	struct host_pci_function f = host_pci_device(0, 4, 0, 0x10ec, 0x8139, 0x02, 0x00, 0x20);
	uint32_t bar0 = 0xc001;
	memcpy(f.config + 0x10, &bar0, 4);
	f.bar_size[0] = 256;
	host_pci_set(&f, 1);
	free(chip);
	chip = calloc(1, sizeof(*chip));
	chip_reset(chip);
	struct host_reg_model m = { chip_read, chip_write, chip };
	host_reg_model_set(&m);

	const struct pci_id *id;
	const struct nic_driver *drv = nic_driver_find(0x10ec, 0x8139, &id);
	struct pci_device_info info = { .loc = f.loc, .vendor = 0x10ec, .device = 0x8139 };
	struct netdev *dev = calloc(1, sizeof(*dev));
	char why[128];
	if (!drv || drv->probe(&info, id, dev, why, sizeof(why)) != 0) {
		free(dev);
		return NULL;
	}
	if (dev->ops->open(dev) != 0) {
		free(dev->priv);
		free(dev);
		return NULL;
	}
	return dev;
}

static void tear_down(struct netdev *dev)
{
	dev->ops->close(dev);
	CHECK((chip->regs[RTL_CR] & (RTL_CR_RE | RTL_CR_TE)) == 0);
	CHECK(host_dma_live_count() == 0);
	free(dev->priv);
	free(dev);
	host_reg_model_set(NULL);
}

TEST(rtl8139_sends_through_its_four_buffers_padding_short_frames)
{
	struct netdev *dev = bring_up();
	uint8_t frame[1514];
	CHECK(dev != NULL);
	if (!dev)
		return;
	CHECK(dev->mac[0] == 0x52 && dev->mac[5] == 0x56);
	CHECK(dev->ops->link_up(dev) && dev->link_mbps == 100);
	for (unsigned i = 0; i < 10; i++) {
		unsigned len = i == 0 ? 42 : 100 + 100 * i;
		memset(frame, (int)(i + 1), len);
		CHECK(dev->ops->transmit(dev, frame, len) == 0);
		CHECK(chip->sent == i + 1);
		CHECK(chip->last_len == (len < 60 ? 60 : len));
		CHECK(chip->last[len - 1] == i + 1);
		if (len < 60)
			CHECK(chip->last[59] == 0);
	}
	tear_down(dev);
}

TEST(rtl8139_receives_frames_around_the_ring_and_past_its_end)
{
	struct netdev *dev = bring_up();
	uint8_t frame[1514], got[1536];
	unsigned wrapped = 0;
	if (!CHECK(dev != NULL))
		return;
	unsigned resets_at_open = chip->resets;
	/* 300 frames of odd sizes: the 8 KiB ring goes round many times, and
	 * some frames start near its end and run past it. */
	for (unsigned i = 0; i < 300; i++) {
		unsigned len = 60 + (i * 97) % 1455;
		for (unsigned k = 0; k < len; k++)
			frame[k] = (uint8_t)(i + k);
		unsigned at = chip->write_at;
		CHECK(deliver(chip, frame, len, RTL_RX_ROK, (uint16_t)(len + 4)));
		wrapped += at + 4 + len > RTL_RX_RING;
		int n = dev->ops->receive(dev, got, sizeof(got));
		CHECK(n == (int)len);
		CHECK(n == (int)len && memcmp(got, frame, len) == 0);
		CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	}
	CHECK(wrapped > 3);
	CHECK(chip->resets == resets_at_open); /* never a restart */
	tear_down(dev);
}

TEST(rtl8139_restarts_its_receiver_on_a_header_that_makes_no_sense)
{
	struct netdev *dev = bring_up();
	uint8_t frame[1514], got[1536];
	if (!CHECK(dev != NULL))
		return;
	unsigned resets_at_open = chip->resets;
	memset(frame, 0x5a, sizeof(frame));
	/* A length far beyond a frame: not followed out of the ring. */
	CHECK(deliver(chip, frame, 100, RTL_RX_ROK, 60000));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	CHECK(dev->rx_dropped == 1 && chip->resets == resets_at_open + 1);
	/* The receiver works again from the ring's start. */
	CHECK(deliver(chip, frame, 200, RTL_RX_ROK, 204));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 200);
	/* A frame marked bad, and one shorter than a header: the same. */
	CHECK(deliver(chip, frame, 100, 0, 104));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	CHECK(deliver(chip, frame, 10, RTL_RX_ROK, 2));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	CHECK(dev->rx_dropped == 3);
	/* A good frame larger than the caller's buffer is dropped, not cut. */
	CHECK(deliver(chip, frame, 1000, RTL_RX_ROK, 1004));
	CHECK(deliver(chip, frame, 64, RTL_RX_ROK, 68));
	CHECK(dev->ops->receive(dev, got, 500) == 64);
	CHECK(dev->rx_dropped == 4);
	tear_down(dev);
}

TEST(rtl8139_drops_an_overlong_frame_alone_and_keeps_vlan_frames)
{
	struct netdev *dev = bring_up();
	uint8_t frame[2040], got[2048];
	if (!CHECK(dev != NULL))
		return;
	unsigned resets_at_open = chip->resets;
	memset(frame, 0x3c, sizeof(frame));
	/* A VLAN-tagged full frame (1518 bytes + CRC) is delivered. */
	CHECK(deliver(chip, frame, 1518, RTL_RX_ROK, 1522));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 1518);
	/* Longer frames with a sane header are dropped one by one, the
	 * frames queued behind them still delivered, the chip never reset. */
	for (unsigned i = 0; i < 20; i++) {
		CHECK(deliver(chip, frame, 1600 + i * 20, RTL_RX_ROK, (uint16_t)(1604 + i * 20)));
		frame[0] = (uint8_t)i;
		CHECK(deliver(chip, frame, 100, RTL_RX_ROK, 104));
		CHECK(dev->ops->receive(dev, got, sizeof(got)) == 100);
		CHECK(got[0] == i);
	}
	CHECK(dev->rx_dropped == 20);
	CHECK(chip->resets == resets_at_open);
	/* A length past the ring's spare room is impossible: restart. */
	CHECK(deliver(chip, frame, 100, RTL_RX_ROK, 2100));
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	CHECK(dev->rx_dropped == 21 && chip->resets == resets_at_open + 1);
	tear_down(dev);
}
