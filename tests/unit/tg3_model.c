/* The tg3 chip model (see tg3_model.h). Register offsets and bits are
 * spelled out here again, from the guides, rather than taken from the
 * driver's header, so a wrong number in the driver shows as a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg3_model.h"
#include "../../drivers/bus/pci_regs.h"

/* Configuration space (shadowed in BAR0's first 256 bytes). */
#define C_COMMAND        0x04
#define C_MISC_HOST_CTRL 0x68
#define C_MEM_WIN_BASE   0x7c
#define C_MEM_WIN_DATA   0x84
#define MASK_PCI_INT     0x2
/* Registers. */
#define R_MBOX_INT0      0x0204
#define R_MBOX_STD_PROD  0x026c
#define R_MBOX_RET_CONS  0x0284
#define R_MBOX_SND_PROD  0x0304
#define R_MAC_MODE       0x0400
#define   TDE            0x00200000
#define   RDE            0x00400000
#define R_MAC_ADDR0_HI   0x0410
#define R_MAC_ADDR0_LO   0x0414
#define R_MI_COM         0x044c
#define R_MI_MODE        0x0454
#define R_TX_MODE        0x045c
#define R_RX_MODE        0x0468
#define R_SNDDATAI       0x0c00
#define R_SNDBDS         0x1400
#define R_SNDBDI         0x1800
#define R_RCVDBDI        0x2400
#define R_STD_RCB        0x2450
#define R_RCVBDI         0x2c00
#define R_HOSTCC         0x3c00
#define R_STATUS_ADDR    0x3c38
#define R_MEMARB         0x4000
#define R_BUFMGR         0x4400
#define R_RDMAC          0x4800
#define R_WDMAC          0x4c00
#define R_RX_CPU_HWBKPT  0x5034
#define   SERVICE_LOOP   0x51
#define R_GRC_MODE       0x6800
#define   WSWAP_NONFRM   0x00000004
#define   HOST_SENDBDS   0x00020000
#define R_GRC_MISC_CFG   0x6804
#define   CORECLK_RESET  0x1
#define R_NVRAM_CMD      0x7000
#define R_NVRAM_ADDR     0x700c
#define R_NVRAM_RDDATA   0x7010
#define R_NVRAM_SWARB    0x7020
#define R_NVRAM_ACCESS   0x7024
#define ENABLE           0x2
/* NIC memory. */
#define M_SEND_RCB       0x0100
#define M_RET_RCB        0x0200
#define M_FW_MBOX        0x0b50
#define M_MAC_HI         0x0c14
#define M_MAC_LO         0x0c18
#define FW_MAGIC         0x4b657654u

#define MODEL_BAR_BASE   0xfe000000u

static uint32_t *reg(struct tg3_model *m, unsigned offset) { return &m->regs[offset / 4]; }

static void violate(struct tg3_model *m, const char *what, unsigned value)
{
	if (!m->violation[0])
		snprintf(m->violation, sizeof(m->violation), "%s (0x%x)", what, value);
}

static struct host_pci_function *config_of(struct tg3_model *m)
{
	return host_pci_find(&m->loc);
}

static uint32_t config32(struct tg3_model *m, unsigned offset)
{
	uint32_t v = 0;
	memcpy(&v, config_of(m)->config + offset, 4);
	return v;
}

static void set_config32(struct tg3_model *m, unsigned offset, uint32_t v)
{
	memcpy(config_of(m)->config + offset, &v, 4);
}

/* ---- PHY: a copper PHY with the standard MII registers. ---- */

static void phy_defaults(struct tg3_model *m)
{
	memset(m->phy, 0, sizeof(m->phy));
	m->phy[0] = 0x1140;          /* autoneg enabled, full duplex, 1000 */
	m->phy[1] = 0x7949;          /* 10/100 abilities, extended status, autoneg able */
	m->phy[2] = 0x600d;          /* Broadcom-style ID; the value is illustrative */
	m->phy[3] = 0x8480;
	m->phy[4] = 0x01e1;
	m->phy[9] = 0x0300;
}

static void phy_restart_autoneg(struct tg3_model *m)
{
	m->an_running = true;
	m->an_started_ms = platform_now_ms();
	m->link_latched_low = true;
}

static bool phy_link(struct tg3_model *m)
{
	if (m->cfg.no_cable || !(m->phy[0] & 0x1000))
		return false;
	return !m->an_running || platform_now_ms() - m->an_started_ms >= m->cfg.autoneg_ms;
}

static uint16_t phy_read(struct tg3_model *m, unsigned r)
{
	bool link = phy_link(m);
	if (r == 1) {
		uint16_t v = m->phy[1];
		if (link && !m->link_latched_low)
			v |= 0x0024;
		else if (link)
			v |= 0x0020;
		m->link_latched_low = false;
		return v;
	}
	if (r == 5)
		return link ? (uint16_t)(m->cfg.partner_adv | 0x4000) : 0;
	if (r == 10)
		return link ? m->cfg.partner_1000 : 0;
	return m->phy[r & 31];
}

static void phy_write(struct tg3_model *m, unsigned r, uint16_t v)
{
	if (r == 0 && (v & 0x8000)) {
		phy_defaults(m);
		phy_restart_autoneg(m);
		return;
	}
	if (r == 1 || r == 2 || r == 3 || r == 5 || r == 10)
		return; /* read-only */
	m->phy[r & 31] = v & (r == 0 ? ~0x0200 : 0xffff);
	if (r == 0 && (v & 0x0200))
		phy_restart_autoneg(m);
}

/* A management frame: the result shows after the PHY has clocked it. */
static void mi_start(struct tg3_model *m, uint32_t v)
{
	unsigned phy_addr = (v >> 21) & 0x1f, r = (v >> 16) & 0x1f;
	unsigned want_addr = m->cfg.device_id >= 0x1655 && m->cfg.device_id <= 0x165f
				     ? m->cfg.fn + 1u : 1u;
	m->mi_busy_reads = 2;
	if (*reg(m, R_MI_MODE) & 0x10)
		violate(m, "MI frame started while auto-polling is on", v);
	if (phy_addr != want_addr || m->cfg.no_phy) {
		m->mi_result = 0x10000000 | 0xffff; /* nobody answers: read failed */
		return;
	}
	if (v & 0x08000000)
		m->mi_result = phy_read(m, r);
	else if (v & 0x04000000) {
		phy_write(m, r, (uint16_t)v);
		m->mi_result = v & 0xffff;
	}
}

static uint32_t mi_read(struct tg3_model *m)
{
	if (m->mi_busy_reads > 0) {
		m->mi_busy_reads--;
		return 0x20000000;
	}
	return m->mi_result;
}

/* ---- Reset and the bootcode. ---- */

static bool dma_on(const struct tg3_model *m)
{
	const unsigned engines[] = { R_RDMAC, R_WDMAC, R_SNDDATAI, R_SNDBDI, R_SNDBDS, R_RCVDBDI,
				     R_RCVBDI, R_HOSTCC };
	for (unsigned i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
		if (m->regs[engines[i] / 4] & ENABLE)
			return true;
	return (m->regs[R_MAC_MODE / 4] & (TDE | RDE)) != 0;
}

bool tg3_model_dma_enabled(const struct tg3_model *m) { return dma_on(m); }

static void core_reset(struct tg3_model *m)
{
	uint32_t misc = config32(m, C_MISC_HOST_CTRL);
	m->resets++;
	if (dma_on(m))
		m->resets_with_dma_on++;
	m->magic_at_reset = m->sram[M_FW_MBOX / 4] == FW_MAGIC;
	memset(m->regs, 0, sizeof(m->regs));
	*reg(m, R_MI_MODE) = 0x000c0000;
	/* The reset turns off memory decoding, bus mastering and our
	 * MISC_HOST_CTRL settings; the chip revision stays. */
	config_of(m)->config[C_COMMAND] &= (uint8_t)~0x06;
	set_config32(m, C_MISC_HOST_CTRL, misc & 0xffff0000);
	set_config32(m, C_MEM_WIN_BASE, 0);
	m->nvram_granted = false;
	m->tx_cons = m->std_prod = m->std_cons = m->ret_prod = m->ret_cons_host = 0;
	m->tx_partial_len = 0;
	m->booting = true;
	m->reset_at_ms = platform_now_ms();
}

static void put_mac(const uint8_t *mac, uint32_t *high, uint32_t *low)
{
	*high = (uint32_t)mac[0] << 8 | mac[1];
	*low = (uint32_t)mac[2] << 24 | (uint32_t)mac[3] << 16 | (uint32_t)mac[4] << 8 | mac[5];
}

/* The bootcode runs for boot_ms after a reset, then answers the driver's
 * magic with its complement and publishes the MAC address it knows. */
static void bootcode_tick(struct tg3_model *m)
{
	uint32_t hi, lo;
	if (!m->booting || m->cfg.bootcode_dead ||
	    platform_now_ms() - m->reset_at_ms < m->cfg.boot_ms)
		return;
	m->booting = false;
	if (m->cfg.rom_only)
		*reg(m, R_RX_CPU_HWBKPT) = SERVICE_LOOP;
	else if (m->magic_at_reset)
		m->sram[M_FW_MBOX / 4] = ~FW_MAGIC;
	put_mac(m->cfg.bootcode_mac, &hi, &lo);
	if (m->cfg.publish == MODEL_MAC_SRAM) {
		m->sram[M_MAC_HI / 4] = 0x484b0000 | hi;
		m->sram[M_MAC_LO / 4] = lo;
	}
	if (m->cfg.publish != MODEL_MAC_NONE) {
		*reg(m, R_MAC_ADDR0_HI) = hi;
		*reg(m, R_MAC_ADDR0_LO) = lo;
	}
}

/* ---- NVRAM. ---- */

static void nvram_command(struct tg3_model *m, uint32_t v)
{
	uint32_t addr = *reg(m, R_NVRAM_ADDR) & 0xffffff, word = 0xffffffff;
	*reg(m, R_NVRAM_CMD) = v & ~0x8u;
	if (!(v & 0x10))
		return;
	if (!m->nvram_granted || !(*reg(m, R_NVRAM_ACCESS) & 1)) {
		violate(m, "NVRAM command without the arbitration grant and access enabled", v);
		return; /* never completes */
	}
	if (v & 0x20) {
		violate(m, "NVRAM write", addr);
		return;
	}
	if (m->cfg.nvram && addr + 4 <= m->cfg.nvram_size) {
		const uint8_t *p = m->cfg.nvram + addr;
		word = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	}
	*reg(m, R_NVRAM_RDDATA) = word; /* no NVRAM: the data line floats high */
	*reg(m, R_NVRAM_CMD) |= 0x8;
}

void tg3_model_nvram_bootstrap(uint8_t *image, size_t size, const uint8_t *mac)
{
	memset(image, 0xff, size);
	image[0] = 0x66, image[1] = 0x99, image[2] = 0x55, image[3] = 0xaa;
	image[0x7c] = 0, image[0x7d] = 0, image[0x7e] = mac[0], image[0x7f] = mac[1];
	memcpy(image + 0x80, mac + 2, 4);
	image[0xcc] = 0, image[0xcd] = 0, image[0xce] = mac[0], image[0xcf] = mac[1];
	memcpy(image + 0xd0, mac + 2, 4);
	image[0xd3] ^= 1; /* function 1 has the next address */
}

/* ---- DMA: host memory is reached through bus address == pointer. ---- */

static uint32_t host_word(uint64_t bus, unsigned word)
{
	uint32_t v;
	memcpy(&v, (const uint8_t *)(uintptr_t)bus + 4 * word, 4);
	return v;
}

static void host_put_word(uint64_t bus, unsigned word, uint32_t v)
{
	memcpy((uint8_t *)(uintptr_t)bus + 4 * word, &v, 4);
}

static bool is_5761_class(const struct tg3_model *m)
{
	return m->cfg.device_id == 0x1681 || m->cfg.device_id == 0x1684;
}

/* The MAC's port mode must match the PHY's speed: GMII at 1000, MII below. */
static bool port_mode_matches_link(struct tg3_model *m)
{
	uint32_t mode = *reg(m, R_MAC_MODE) & 0xc;
	bool gig = (m->cfg.partner_1000 >> 2) & m->phy[9] & 0x0300;
	if (!phy_link(m))
		return true;
	return mode == (gig ? 0x8u : 0x4u);
}

static bool bus_master(struct tg3_model *m)
{
	return config_of(m)->config[C_COMMAND] & 0x04;
}

static void update_status_block(struct tg3_model *m)
{
	uint64_t bus = (uint64_t)*reg(m, R_STATUS_ADDR) << 32 | *reg(m, R_STATUS_ADDR + 4);
	if (!(*reg(m, R_HOSTCC) & ENABLE) || !bus || !bus_master(m))
		return;
	if (!(config32(m, C_MISC_HOST_CTRL) & MASK_PCI_INT) && !*reg(m, R_MBOX_INT0))
		violate(m, "status block update with the PCI interrupt unmasked", 0);
	host_put_word(bus, 0, host_word(bus, 0) | 1);
	host_put_word(bus, 2, m->std_cons << 16);
	host_put_word(bus, 4, m->tx_cons << 16 | m->ret_prod);
	m->dma_writes++;
}

static bool send_path_on(struct tg3_model *m)
{
	return bus_master(m) && (*reg(m, R_SNDBDS) & ENABLE) && (*reg(m, R_SNDBDI) & ENABLE) &&
	       (*reg(m, R_SNDDATAI) & ENABLE) && (*reg(m, R_RDMAC) & ENABLE) &&
	       (*reg(m, R_TX_MODE) & ENABLE) && (*reg(m, R_MAC_MODE) & TDE);
}

static void record_frame(struct tg3_model *m)
{
	if (m->frame_count < TG3_MODEL_MAX_FRAMES) {
		struct tg3_model_frame *f = &m->frames[m->frame_count];
		f->len = m->tx_partial_len;
		memcpy(f->data, m->tx_partial, m->tx_partial_len);
	}
	m->frame_count++;
	m->tx_partial_len = 0;
}

/* The send BD initiator fetches every BD up to the new producer index. */
static void send_doorbell(struct tg3_model *m, uint32_t prod)
{
	uint64_t ring = (uint64_t)m->sram[(M_SEND_RCB + 0) / 4] << 32 | m->sram[(M_SEND_RCB + 4) / 4];
	uint32_t flags = m->sram[(M_SEND_RCB + 8) / 4], size = flags >> 16;

	if (!send_path_on(m)) {
		m->doorbells_while_stopped++;
		return;
	}
	if (m->tx_stalled)
		return;
	if (!(*reg(m, R_GRC_MODE) & HOST_SENDBDS) || !(*reg(m, R_GRC_MODE) & WSWAP_NONFRM))
		return violate(m, "send BDs in host memory need GRC_MODE host send BDs and word swap",
			       *reg(m, R_GRC_MODE));
	if ((flags & 2) || !ring || size != 512)
		return violate(m, "send ring control block not set up for a 512-entry host ring", flags);
	if (prod >= size)
		return violate(m, "send producer index beyond the ring", prod);
	if (!port_mode_matches_link(m))
		return violate(m, "frames sent with the MAC port mode not matching the link speed",
			       *reg(m, R_MAC_MODE));
	while (m->tx_cons != prod) {
		uint64_t bd = ring + 16 * (uint64_t)m->tx_cons;
		uint64_t addr = (uint64_t)host_word(bd, 0) << 32 | host_word(bd, 1);
		uint32_t len = host_word(bd, 2) >> 16, bd_flags = host_word(bd, 2) & 0xffff;
		m->tx_cons = (m->tx_cons + 1) % size;
		if (!addr || len == 0 || m->tx_partial_len + len > TG3_MODEL_FRAME_MAX) {
			violate(m, "send BD with no address, no length or a frame too long", len);
			m->tx_partial_len = 0;
			continue;
		}
		memcpy(m->tx_partial + m->tx_partial_len, (const void *)(uintptr_t)addr, len);
		m->tx_partial_len += len;
		if (bd_flags & 0x0004) /* END: the frame is complete */
			record_frame(m);
	}
	update_status_block(m);
}

void tg3_model_stall_tx(struct tg3_model *m, bool stalled)
{
	m->tx_stalled = stalled;
	if (!stalled)
		send_doorbell(m, *reg(m, R_MBOX_SND_PROD));
}

static bool receive_path_on(struct tg3_model *m)
{
	return bus_master(m) && (*reg(m, R_RX_MODE) & ENABLE) && (*reg(m, R_MAC_MODE) & RDE) &&
	       (*reg(m, R_RCVDBDI) & ENABLE) && (*reg(m, R_RCVBDI) & ENABLE) &&
	       (*reg(m, R_WDMAC) & ENABLE);
}

int tg3_model_receive_raw(struct tg3_model *m, const void *frame, size_t len,
			  uint32_t reported_len, uint32_t flags, uint32_t errors)
{
	uint64_t std = (uint64_t)*reg(m, R_STD_RCB) << 32 | *reg(m, R_STD_RCB + 4);
	uint32_t std_flags = *reg(m, R_STD_RCB + 8), std_size = std_flags >> 16;
	uint64_t ret = (uint64_t)m->sram[M_RET_RCB / 4] << 32 | m->sram[M_RET_RCB / 4 + 1];
	uint32_t ret_size = m->sram[M_RET_RCB / 4 + 2] >> 16;
	uint64_t bd, rbd, buf;
	uint32_t buf_len;

	if (is_5761_class(m))
		std_size = 512; /* fixed; the field above holds the buffer size */
	if (!receive_path_on(m) || !std || !ret || std_size == 0 || ret_size == 0)
		return -1;
	/* The largest frame the ring's control block allows. */
	if (len + 4 > (is_5761_class(m) ? std_flags >> 16 : (std_flags & 0xffff) >> 2))
		return -1;
	if (m->std_cons == m->std_prod % std_size)
		return -1; /* no buffer posted: the frame is lost */
	if ((m->ret_prod + 1) % ret_size == m->ret_cons_host)
		return -1; /* return ring full */
	bd = std + 32 * (uint64_t)m->std_cons;
	buf = (uint64_t)host_word(bd, 0) << 32 | host_word(bd, 1);
	buf_len = host_word(bd, 2) & 0xffff;
	if (!buf || buf_len < 1518)
		violate(m, "standard ring BD without a buffer for a full frame", buf_len);
	/* The chip writes what fits and never past the buffer. */
	memcpy((void *)(uintptr_t)buf, frame, len < buf_len ? len : buf_len);
	rbd = ret + 32 * (uint64_t)m->ret_prod;
	host_put_word(rbd, 0, (uint32_t)(buf >> 32));
	host_put_word(rbd, 1, (uint32_t)buf);
	host_put_word(rbd, 2, m->std_cons << 16 | (reported_len & 0xffff));
	host_put_word(rbd, 3, 0x0004 | flags);
	host_put_word(rbd, 4, 0);
	host_put_word(rbd, 5, errors);
	host_put_word(rbd, 6, 0);
	host_put_word(rbd, 7, host_word(bd, 7));
	m->std_cons = (m->std_cons + 1) % std_size;
	m->ret_prod = (m->ret_prod + 1) % ret_size;
	m->dma_writes++;
	update_status_block(m);
	return 0;
}

int tg3_model_receive(struct tg3_model *m, const void *frame, size_t len)
{
	return tg3_model_receive_raw(m, frame, len, (uint32_t)len + 4, 0, 0);
}

void tg3_model_set_cable(struct tg3_model *m, bool plugged)
{
	m->cfg.no_cable = !plugged;
	if (plugged)
		phy_restart_autoneg(m);
	else
		m->link_latched_low = true;
}

/* ---- The register file. ---- */

static uint32_t model_read(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width)
{
	struct tg3_model *m = ctx;
	(void)bar;
	if (m->gone)
		return 0xffffffff; /* nothing answers: the read completes with all ones */
	bootcode_tick(m);
	if (width != 4 || offset >= 0x10000 || (offset & 3)) {
		violate(m, "register read not 32-bit aligned inside BAR0", offset);
		return 0xffffffff;
	}
	if (!(config_of(m)->config[C_COMMAND] & 0x02)) {
		violate(m, "register read with memory decoding off", offset);
		return 0xffffffff;
	}
	if (offset == C_MEM_WIN_DATA) {
		uint32_t a = config32(m, C_MEM_WIN_BASE);
		if (!(*reg(m, R_MEMARB) & ENABLE))
			violate(m, "NIC memory read with the memory arbiter off", a);
		return a < sizeof(m->sram) ? m->sram[a / 4] : 0;
	}
	if (offset < 0x100)
		return config32(m, offset);
	if (offset == R_MI_COM)
		return mi_read(m);
	return *reg(m, offset);
}

static void model_write(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width,
			uint32_t v)
{
	struct tg3_model *m = ctx;
	(void)bar;
	if (m->gone)
		return;
	bootcode_tick(m);
	if (width != 4 || offset >= 0x10000 || (offset & 3))
		return violate(m, "register write not 32-bit aligned inside BAR0", offset);
	if (!(config_of(m)->config[C_COMMAND] & 0x02))
		return violate(m, "register write with memory decoding off", offset);
	if (offset == C_MEM_WIN_DATA) {
		uint32_t a = config32(m, C_MEM_WIN_BASE);
		if (!(*reg(m, R_MEMARB) & ENABLE))
			violate(m, "NIC memory write with the memory arbiter off", a);
		if (a < sizeof(m->sram))
			m->sram[a / 4] = v;
		return;
	}
	if (offset < 0x100)
		return set_config32(m, offset, v);
	switch (offset) {
	case R_GRC_MISC_CFG:
		if (v & CORECLK_RESET)
			return core_reset(m);
		break;
	case R_MI_COM:
		return mi_start(m, v);
	case R_NVRAM_SWARB:
		if ((v & 0x2) && !m->cfg.nvram_never_grants)
			m->nvram_granted = true;
		if (v & 0x20)
			m->nvram_granted = false;
		*reg(m, offset) = m->nvram_granted ? 0x200 : 0;
		return;
	case R_NVRAM_CMD:
		return nvram_command(m, v);
	case R_BUFMGR:
		if (!(*reg(m, R_MEMARB) & ENABLE))
			v &= ~(uint32_t)ENABLE; /* no memory, no buffers */
		break;
	case R_MBOX_STD_PROD:
		m->std_prod = v;
		break;
	case R_MBOX_RET_CONS:
		m->ret_cons_host = v;
		break;
	case R_MBOX_SND_PROD:
		*reg(m, offset) = v;
		return send_doorbell(m, v);
	}
	*reg(m, offset) = v;
}

struct host_pci_function tg3_model_pci_function(const struct tg3_model_config *cfg)
{
	struct host_pci_function f = host_pci_device(3, 0, cfg->fn, 0x14e4,
						     cfg->device_id ? cfg->device_id : 0x1686, 0x02,
						     0x00, cfg->revision);
	uint16_t device = cfg->device_id ? cfg->device_id : 0x1686;
	uint32_t bar = MODEL_BAR_BASE, misc = 0x0f000000; /* ASIC revision in another register */
	uint32_t asic = 0;
	if (device == 0x1686 || device == 0x1682)
		asic = 0x57766001; /* 57766 A1 */
	else if (device >= 0x16b0 && device <= 0x16b5)
		asic = 0x57785100; /* 57765 B0 */
	memcpy(f.config + 0x10, &bar, 4);
	memcpy(f.config + C_MISC_HOST_CTRL, &misc, 4);
	memcpy(f.config + 0xfc, &asic, 4); /* GEN15 product ID / ASIC revision */
	f.bar_size[0] = 0x10000;
	return f;
}

struct tg3_model *tg3_model_create(const struct tg3_model_config *cfg)
{
	struct tg3_model *m = calloc(1, sizeof(*m));
	struct host_reg_model hook = { model_read, model_write, m };
	uint32_t hi, lo;

	m->cfg = *cfg;
	if (!m->cfg.device_id)
		m->cfg.device_id = 0x1686;
	if (!m->cfg.boot_ms)
		m->cfg.boot_ms = 20;
	if (!m->cfg.autoneg_ms)
		m->cfg.autoneg_ms = 2000;
	if (!m->cfg.partner_adv)
		m->cfg.partner_adv = 0x01e1;
	m->loc = (struct pci_location){ 0, 3, 0, cfg->fn };
	m->frames = calloc(TG3_MODEL_MAX_FRAMES, sizeof(*m->frames));
	phy_defaults(m);
	/* As the system firmware left the chip: running its bootcode, the
	 * memory arbiter on and its MAC address in the registers. */
	*reg(m, R_MEMARB) = ENABLE;
	*reg(m, R_MI_MODE) = 0x000c0000;
	put_mac(m->cfg.firmware_mac, &hi, &lo);
	*reg(m, R_MAC_ADDR0_HI) = hi;
	*reg(m, R_MAC_ADDR0_LO) = lo;
	phy_restart_autoneg(m);
	host_reg_model_set(&hook);
	return m;
}

void tg3_model_destroy(struct tg3_model *m)
{
	host_reg_model_set(NULL);
	free(m->frames);
	free(m);
}
