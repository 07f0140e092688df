/* The e1000 driver against a small register-level model of an 82540EM
 * (the 8254x manual's legacy descriptors): MAC from RAL0/RAH0 or the
 * EEPROM, transmit and receive around the rings more than once, hostile
 * receive lengths dropped without overrun, close stopping all DMA. And
 * the path choice taking it for a NIC without firmware path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../drivers/bus/nic_driver.h"
#include "../../drivers/bus/pci_regs.h"
#include "../../drivers/net/e1000_regs.h"
#include "../../firmware/netdev.h"
#include "../../firmware/netprobe.h"
#include "platform_host.h"
#include "platform_host_netprobe.h"
#include "test.h"

#define REGS_BYTES 0x20000

struct model {
	uint32_t regs[REGS_BYTES / 4];
	uint16_t eeprom[64];
	bool rah_loaded;           /* RAL0/RAH0 hold the EEPROM's MAC after reset */
	unsigned sent;
	uint8_t last_frame[2048];
	unsigned last_len;
	bool bad_tx;               /* a descriptor the model did not accept */
};

static uint32_t *reg(struct model *m, unsigned offset)
{
	return &m->regs[offset / 4];
}

static void model_reset(struct model *m)
{
	memset(m->regs, 0, sizeof(m->regs));
	*reg(m, E1000_STATUS) = E1000_STATUS_LU | E1000_STATUS_FD | (2u << E1000_STATUS_SPEED_SHIFT);
	if (m->rah_loaded) {
		*reg(m, E1000_RAL0) = m->eeprom[0] | (uint32_t)m->eeprom[1] << 16;
		*reg(m, E1000_RAH0) = m->eeprom[2] | E1000_RAH_AV;
	}
}

static void *dma(uint64_t bus)
{
	return (void *)(uintptr_t)bus;
}

/* Sends every descriptor from TDH up to TDT, as the NIC would. */
static void model_transmit(struct model *m)
{
	uint32_t len = *reg(m, E1000_TDLEN) / 16;
	struct e1000_tx_desc *ring = dma(*reg(m, E1000_TDBAL) | (uint64_t)*reg(m, E1000_TDBAH) << 32);
	if (!(*reg(m, E1000_TCTL) & E1000_TCTL_EN) || !len)
		return;
	while (*reg(m, E1000_TDH) != *reg(m, E1000_TDT)) {
		struct e1000_tx_desc *d = &ring[*reg(m, E1000_TDH)];
		if (!(d->cmd & E1000_TXD_CMD_EOP) || d->length == 0 || d->length > 2048)
			m->bad_tx = true;
		else
			memcpy(m->last_frame, dma(d->addr), d->length);
		m->last_len = d->length;
		m->sent++;
		d->status |= E1000_TXD_DD;
		*reg(m, E1000_TDH) = (*reg(m, E1000_TDH) + 1) % len;
	}
}

/* Delivers a frame into the next receive descriptor the driver gave the
 * NIC; false when it has none (the frame is lost, as on the wire).
 * claimed_len is what the descriptor says, which a broken or hostile NIC
 * may set larger than what it wrote. */
static bool model_receive(struct model *m, const void *frame, unsigned len, unsigned claimed_len)
{
	uint32_t n = *reg(m, E1000_RDLEN) / 16, head = *reg(m, E1000_RDH);
	struct e1000_rx_desc *ring = dma(*reg(m, E1000_RDBAL) | (uint64_t)*reg(m, E1000_RDBAH) << 32);
	if (!(*reg(m, E1000_RCTL) & E1000_RCTL_EN) || !n || head == *reg(m, E1000_RDT))
		return false;
	memcpy(dma(ring[head].addr), frame, len);
	ring[head].length = (uint16_t)claimed_len;
	ring[head].errors = 0;
	ring[head].status = E1000_RXD_DD | E1000_RXD_EOP;
	*reg(m, E1000_RDH) = (head + 1) % n;
	return true;
}

static uint32_t model_read(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width)
{
	struct model *m = ctx;
	(void)bar;
	if (offset + width > REGS_BYTES || width != 4)
		return 0xffffffffu;
	return *reg(m, offset);
}

static void model_write(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width,
			uint32_t value)
{
	struct model *m = ctx;
	(void)bar;
	if (offset + width > REGS_BYTES || width != 4)
		return;
	if (offset == E1000_CTRL && (value & E1000_CTRL_RST)) {
		model_reset(m); /* RST clears itself */
		return;
	}
	if (offset == E1000_EERD && (value & E1000_EERD_START)) {
		unsigned addr = (value >> E1000_EERD_ADDR_SHIFT_8254X) & 0xff;
		*reg(m, offset) = E1000_EERD_DONE_8254X |
				  (uint32_t)(addr < 64 ? m->eeprom[addr] : 0xffff) << 16;
		return;
	}
	if (offset == E1000_ICR)
		return;
	*reg(m, offset) = value;
	if (offset == E1000_TDT)
		model_transmit(m);
}

static struct model *model;
static struct host_pci_function nic;

static void machine(bool rah_loaded)
{
	static const uint16_t mac_words[3] = { 0x5452, 0x1200, 0x5634 }; /* 52:54:00:12:34:56 */
	free(model);
	model = calloc(1, sizeof(*model));
	memcpy(model->eeprom, mac_words, sizeof(mac_words));
	model->rah_loaded = rah_loaded;
	model_reset(model);
	nic = host_pci_device(0, 2, 0, 0x8086, 0x100e, 0x02, 0x00, 3);
	uint32_t bar0 = 0xfeb80000u;
	memcpy(nic.config + 0x10, &bar0, 4);
	nic.bar_size[0] = REGS_BYTES;
	host_pci_set(&nic, 1);
	host_netpaths_set(NULL, 0);
	host_fw_paths_set(NULL, 0);
	struct host_reg_model rm = { model_read, model_write, model };
	host_reg_model_set(&rm);
	host_console_reset();
	netdev_remove_all();
}

static struct netdev *probe_e1000(char *why, size_t why_size)
{
	const struct pci_id *id;
	const struct nic_driver *drv = nic_driver_find(0x8086, 0x100e, &id);
	struct pci_device_info info = { .loc = nic.loc, .vendor = 0x8086, .device = 0x100e };
	struct netdev *dev = calloc(1, sizeof(*dev));
	if (!drv || drv->probe(&info, id, dev, why, why_size) != 0) {
		free(dev);
		return NULL;
	}
	return dev;
}

static void release(struct netdev *dev)
{
	free(dev->priv);
	free(dev);
}

TEST(e1000_reads_its_mac_from_ral0_or_else_from_the_eeprom)
{
	char why[128] = "";
	static const uint8_t want[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	machine(true);
	struct netdev *dev = probe_e1000(why, sizeof(why));
	CHECK(dev != NULL);
	CHECK(dev && memcmp(dev->mac, want, 6) == 0);
	CHECK(dev && strcmp(dev->path, "e1000") == 0);
	if (dev)
		release(dev);

	machine(false); /* RAL0 empty: the EEPROM is read */
	dev = probe_e1000(why, sizeof(why));
	CHECK(dev && memcmp(dev->mac, want, 6) == 0);
	if (dev)
		release(dev);

	machine(false);
	memset(model->eeprom, 0xff, sizeof(model->eeprom)); /* blank EEPROM */
	CHECK(probe_e1000(why, sizeof(why)) == NULL);
	CHECK_STR(why, "no valid MAC address in the EEPROM (ff:ff:ff:ff:ff:ff)");
	CHECK(host_dma_live_count() == 0);
}

TEST(e1000_sends_and_receives_around_both_rings_and_stops_on_close)
{
	char why[128];
	uint8_t frame[1514], got[1536];
	machine(true);
	struct netdev *dev = probe_e1000(why, sizeof(why));
	CHECK(dev != NULL);
	if (!dev)
		return;
	CHECK(dev->ops->open(dev) == 0);
	CHECK(dev->ops->link_up(dev) && dev->link_mbps == 1000 && dev->link_full_duplex);

	/* 100 frames each way through 32-entry rings: both wrap three times. */
	for (unsigned i = 0; i < 100; i++) {
		unsigned len = 60 + i * 14;
		memset(frame, (int)i, len);
		CHECK(dev->ops->transmit(dev, frame, len) == 0);
		CHECK(model->sent == i + 1 && model->last_len == len && model->last_frame[len - 1] == (uint8_t)i);

		CHECK(model_receive(model, frame, len, len));
		CHECK(dev->ops->receive(dev, got, sizeof(got)) == (int)len);
		CHECK(got[0] == (uint8_t)i && got[len - 1] == (uint8_t)i);
		CHECK(dev->ops->receive(dev, got, sizeof(got)) == 0);
	}
	CHECK(!model->bad_tx);

	/* The ring fills when nobody reads: 31 descriptors, then nothing. */
	unsigned delivered = 0;
	while (model_receive(model, frame, 100, 100))
		delivered++;
	CHECK(delivered == 31);
	for (unsigned i = 0; i < delivered; i++)
		CHECK(dev->ops->receive(dev, got, sizeof(got)) == 100);
	CHECK(model_receive(model, frame, 100, 100)); /* room again */
	CHECK(dev->ops->receive(dev, got, sizeof(got)) == 100);

	/* A NIC claiming more than a buffer holds, or more than the caller's
	 * buffer: dropped, counted, and the next frame still arrives. */
	CHECK(model_receive(model, frame, 100, 4000));
	CHECK(model_receive(model, frame, 100, 1600));
	CHECK(model_receive(model, frame, 64, 64));
	CHECK(dev->ops->receive(dev, got, 1536) == 64);
	CHECK(dev->rx_dropped == 2);

	dev->ops->close(dev);
	CHECK(!(*reg(model, E1000_RCTL) & E1000_RCTL_EN));
	CHECK(!(*reg(model, E1000_TCTL) & E1000_TCTL_EN));
	CHECK(host_dma_live_count() == 0);
	release(dev);
}

TEST(netprobe_drives_a_nic_without_firmware_path_natively)
{
	int n;
	machine(true);
	CHECK(netprobe_run("snp,native,nii") == 1);
	const struct netprobe_nic *r = netprobe_results(&n);
	CHECK(n == 1 && r[0].attempts == 2);
	CHECK_STR(r[0].attempt[0].text, "SNP: none on this device");
	CHECK_STR(r[0].attempt[1].text, "e1000: 82540EM rev 03, link up 1000/full");
	CHECK_STR(r[0].netdev_name, "net0");
	struct netdev *dev = netdev_first();
	CHECK(dev && dev->is_open && dev->claims_pci);
	CHECK(host_pci_claimed_count() == 1);
	/* Closing gives the function back to the firmware. */
	netdev_remove_all();
	CHECK(host_pci_claimed_count() == 0);
	CHECK(host_dma_live_count() == 0);
	host_reg_model_set(NULL);
}

TEST(exit_boot_services_stops_dma_of_native_nics_only)
{
	machine(true);
	CHECK(netprobe_run("native") == 1);
	struct netdev *dev = netdev_first();
	CHECK(dev && dev->is_open && dev->claims_pci);
	struct host_pci_function *f = host_pci_find(&nic.loc);
	CHECK(f && (f->config[4] & 0x04));
	netdev_stop_dma_all();
	CHECK(f && !(f->config[4] & 0x04));      /* bus mastering off */
	CHECK(f && (f->config[4] & 0x03) == 0x03); /* decoding kept */
	CHECK(dev->is_open);
	netdev_remove_all();
	host_reg_model_set(NULL);
}
