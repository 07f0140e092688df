/* The tg3 chip model (see tg3_model.h): the register file behind BAR0,
 * the core reset and the bootcode, NVRAM. The PHY is in
 * tg3_model_phy.c, descriptor and frame DMA in tg3_model_dma.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg3_model_chip.h"
#include "../../drivers/bus/pci_regs.h"

#define MODEL_BAR_BASE   0xfe000000u

uint32_t *model_reg(struct tg3_model *m, unsigned offset) { return &m->regs[offset / 4]; }

void model_violate(struct tg3_model *m, const char *what, unsigned value)
{
	if (!m->violation[0])
		snprintf(m->violation, sizeof(m->violation), "%s (0x%x)", what, value);
}

struct host_pci_function *model_config(struct tg3_model *m)
{
	return host_pci_find(&m->loc);
}

uint32_t model_config32(struct tg3_model *m, unsigned offset)
{
	uint32_t v = 0;
	memcpy(&v, model_config(m)->config + offset, 4);
	return v;
}

void model_set_config32(struct tg3_model *m, unsigned offset, uint32_t v)
{
	memcpy(model_config(m)->config + offset, &v, 4);
}

bool model_bus_master(struct tg3_model *m)
{
	return model_config(m)->config[C_COMMAND] & 0x04;
}

/* ---- Reset and the bootcode. ---- */

bool model_dma_on(const struct tg3_model *m)
{
	const unsigned engines[] = { R_RDMAC, R_WDMAC, R_SNDDATAI, R_SNDBDI, R_SNDBDS, R_RCVDBDI,
				     R_RCVBDI, R_HOSTCC };
	for (unsigned i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
		if (m->regs[engines[i] / 4] & ENABLE)
			return true;
	return (m->regs[R_MAC_MODE / 4] & (TDE | RDE)) != 0;
}

bool tg3_model_dma_enabled(const struct tg3_model *m) { return model_dma_on(m); }

static void core_reset(struct tg3_model *m)
{
	uint32_t misc = model_config32(m, C_MISC_HOST_CTRL);
	m->resets++;
	if (model_dma_on(m))
		m->resets_with_dma_on++;
	m->magic_at_reset = m->sram[M_FW_MBOX / 4] == FW_MAGIC;
	memset(m->regs, 0, sizeof(m->regs));
	*model_reg(m, R_MI_MODE) = 0x000c0000;
	/* The reset turns off memory decoding, bus mastering and our
	 * MISC_HOST_CTRL settings; the chip revision stays. */
	model_config(m)->config[C_COMMAND] &= (uint8_t)~0x06;
	model_set_config32(m, C_MISC_HOST_CTRL, misc & 0xffff0000);
	model_set_config32(m, C_MEM_WIN_BASE, 0);
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
	*model_reg(m, R_MI_MODE) |= 0x10; /* it polls the PHY for link itself */
	if (m->cfg.rom_only)
		*model_reg(m, R_RX_CPU_HWBKPT) = SERVICE_LOOP;
	else if (m->magic_at_reset)
		m->sram[M_FW_MBOX / 4] = ~FW_MAGIC;
	put_mac(m->cfg.bootcode_mac, &hi, &lo);
	if (m->cfg.publish == MODEL_MAC_SRAM) {
		m->sram[M_MAC_HI / 4] = 0x484b0000 | hi;
		m->sram[M_MAC_LO / 4] = lo;
	}
	if (m->cfg.publish != MODEL_MAC_NONE) {
		*model_reg(m, R_MAC_ADDR0_HI) = hi;
		*model_reg(m, R_MAC_ADDR0_LO) = lo;
	}
}

/* ---- NVRAM. ---- */

static void nvram_command(struct tg3_model *m, uint32_t v)
{
	uint32_t addr = *model_reg(m, R_NVRAM_ADDR) & 0xffffff, word = 0xffffffff;
	*model_reg(m, R_NVRAM_CMD) = v & ~0x8u;
	if (!(v & 0x10))
		return;
	if (!m->nvram_granted || !(*model_reg(m, R_NVRAM_ACCESS) & 1)) {
		model_violate(m, "NVRAM command without the arbitration grant and access enabled", v);
		return; /* never completes */
	}
	if (v & 0x20) {
		model_violate(m, "NVRAM write", addr);
		return;
	}
	if (m->cfg.nvram && addr + 4 <= m->cfg.nvram_size) {
		const uint8_t *p = m->cfg.nvram + addr;
		word = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	}
	*model_reg(m, R_NVRAM_RDDATA) = word; /* no NVRAM: the data line floats high */
	*model_reg(m, R_NVRAM_CMD) |= 0x8;
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
	if (size >= 0x260) { /* functions 2 and 3 of a four-port chip */
		image[0x20a] = mac[0], image[0x20b] = mac[1];
		memcpy(image + 0x20c, mac + 2, 4);
		image[0x20f] ^= 2;
		image[0x25a] = mac[0], image[0x25b] = mac[1];
		memcpy(image + 0x25c, mac + 2, 4);
		image[0x25f] ^= 3;
	}
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
		model_violate(m, "register read not 32-bit aligned inside BAR0", offset);
		return 0xffffffff;
	}
	if (!(model_config(m)->config[C_COMMAND] & 0x02)) {
		model_violate(m, "register read with memory decoding off", offset);
		return 0xffffffff;
	}
	if (offset == C_MEM_WIN_DATA) {
		uint32_t a = model_config32(m, C_MEM_WIN_BASE);
		if (!(*model_reg(m, R_MEMARB) & ENABLE))
			model_violate(m, "NIC memory read with the memory arbiter off", a);
		return a < sizeof(m->sram) ? m->sram[a / 4] : 0;
	}
	if (offset < 0x100)
		return model_config32(m, offset);
	if (offset == R_MI_COM)
		return model_mi_read(m);
	return *model_reg(m, offset);
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
		return model_violate(m, "register write not 32-bit aligned inside BAR0", offset);
	if (!(model_config(m)->config[C_COMMAND] & 0x02))
		return model_violate(m, "register write with memory decoding off", offset);
	if (offset == C_MEM_WIN_DATA) {
		uint32_t a = model_config32(m, C_MEM_WIN_BASE);
		if (!(*model_reg(m, R_MEMARB) & ENABLE))
			model_violate(m, "NIC memory write with the memory arbiter off", a);
		if (a < sizeof(m->sram))
			m->sram[a / 4] = v;
		return;
	}
	if (offset < 0x100)
		return model_set_config32(m, offset, v);
	switch (offset) {
	case R_GRC_MISC_CFG:
		if (v & CORECLK_RESET)
			return core_reset(m);
		break;
	case R_MI_COM:
		return model_mi_start(m, v);
	case R_NVRAM_SWARB:
		if ((v & 0x2) && !m->cfg.nvram_never_grants)
			m->nvram_granted = true;
		if (v & 0x20)
			m->nvram_granted = false;
		*model_reg(m, offset) = m->nvram_granted ? 0x200 : 0;
		return;
	case R_NVRAM_CMD:
		return nvram_command(m, v);
	case R_BUFMGR:
		if (!(*model_reg(m, R_MEMARB) & ENABLE))
			v &= ~(uint32_t)ENABLE; /* no memory, no buffers */
		break;
	case R_MBOX_STD_PROD:
		m->std_prod = v;
		break;
	case R_MBOX_RET_CONS:
		m->ret_cons_host = v;
		break;
	case R_MBOX_SND_PROD:
		*model_reg(m, offset) = v;
		return model_send_doorbell(m, v);
	}
	*model_reg(m, offset) = v;
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
	model_phy_defaults(m);
	/* As the system firmware left the chip: running its bootcode, the
	 * memory arbiter on and its MAC address in the registers. */
	*model_reg(m, R_MEMARB) = ENABLE;
	*model_reg(m, R_MI_MODE) = 0x000c0000;
	put_mac(m->cfg.firmware_mac, &hi, &lo);
	*model_reg(m, R_MAC_ADDR0_HI) = hi;
	*model_reg(m, R_MAC_ADDR0_LO) = lo;
	model_phy_restart_autoneg(m);
	host_reg_model_set(&hook);
	return m;
}

void tg3_model_destroy(struct tg3_model *m)
{
	host_reg_model_set(NULL);
	free(m->frames);
	free(m);
}
