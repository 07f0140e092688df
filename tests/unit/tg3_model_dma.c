/* The tg3 model's DMA: send BDs and frames read from host memory,
 * receive buffers taken from the standard ring and filled, return BDs and
 * the status block written (bus address == host pointer in the tests). */
#include <string.h>
#include "tg3_model_chip.h"

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
	uint32_t mode = *model_reg(m, R_MAC_MODE) & 0xc;
	bool gig = (m->cfg.partner_1000 >> 2) & m->phy[9] & 0x0300;
	if (!model_phy_link(m))
		return true;
	return mode == (gig ? 0x8u : 0x4u);
}

static void update_status_block(struct tg3_model *m)
{
	uint64_t bus = (uint64_t)*model_reg(m, R_STATUS_ADDR) << 32 | *model_reg(m, R_STATUS_ADDR + 4);
	if (!(*model_reg(m, R_HOSTCC) & ENABLE) || !bus || !model_bus_master(m))
		return;
	if (!(model_config32(m, C_MISC_HOST_CTRL) & MASK_PCI_INT) && !*model_reg(m, R_MBOX_INT0))
		model_violate(m, "status block update with the PCI interrupt unmasked", 0);
	host_put_word(bus, 0, host_word(bus, 0) | 1);
	host_put_word(bus, 2, m->std_cons << 16);
	host_put_word(bus, 4, m->tx_cons << 16 | m->ret_prod);
	m->dma_writes++;
}

static bool on(struct tg3_model *m, unsigned block)
{
	return *model_reg(m, block) & ENABLE;
}

static bool send_path_on(struct tg3_model *m)
{
	return model_bus_master(m) && on(m, R_SNDBDS) && on(m, R_SNDBDI) && on(m, R_SNDDATAI) &&
	       on(m, R_RDMAC) && on(m, R_TX_MODE) && (*model_reg(m, R_MAC_MODE) & TDE);
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
void model_send_doorbell(struct tg3_model *m, uint32_t prod)
{
	uint64_t ring = (uint64_t)m->sram[(M_SEND_RCB + 0) / 4] << 32 | m->sram[(M_SEND_RCB + 4) / 4];
	uint32_t flags = m->sram[(M_SEND_RCB + 8) / 4], size = flags >> 16;

	if (!send_path_on(m)) {
		m->doorbells_while_stopped++;
		return;
	}
	if (m->tx_stalled)
		return;
	if (!(*model_reg(m, R_GRC_MODE) & HOST_SENDBDS) || !(*model_reg(m, R_GRC_MODE) & WSWAP_NONFRM))
		return model_violate(m, "send BDs in host memory need GRC_MODE host send BDs and word swap",
			       *model_reg(m, R_GRC_MODE));
	if ((flags & 2) || !ring || size != 512)
		return model_violate(m, "send ring control block not set up for a 512-entry host ring", flags);
	if (prod >= size)
		return model_violate(m, "send producer index beyond the ring", prod);
	if (!port_mode_matches_link(m))
		return model_violate(m, "frames sent with the MAC port mode not matching the link speed",
			       *model_reg(m, R_MAC_MODE));
	while (m->tx_cons != prod) {
		uint64_t bd = ring + 16 * (uint64_t)m->tx_cons;
		uint64_t addr = (uint64_t)host_word(bd, 0) << 32 | host_word(bd, 1);
		uint32_t len = host_word(bd, 2) >> 16, bd_flags = host_word(bd, 2) & 0xffff;
		m->tx_cons = (m->tx_cons + 1) % size;
		if (!addr || len == 0 || m->tx_partial_len + len > TG3_MODEL_FRAME_MAX) {
			model_violate(m, "send BD with no address, no length or a frame too long", len);
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
		model_send_doorbell(m, *model_reg(m, R_MBOX_SND_PROD));
}

static bool receive_path_on(struct tg3_model *m)
{
	return model_bus_master(m) && on(m, R_RX_MODE) && (*model_reg(m, R_MAC_MODE) & RDE) &&
	       on(m, R_RCVDBDI) && on(m, R_RCVBDI) && on(m, R_WDMAC);
}

int tg3_model_receive_raw(struct tg3_model *m, const void *frame, size_t len,
			  uint32_t reported_len, uint32_t flags, uint32_t errors)
{
	uint64_t std = (uint64_t)*model_reg(m, R_STD_RCB) << 32 | *model_reg(m, R_STD_RCB + 4);
	uint32_t std_flags = *model_reg(m, R_STD_RCB + 8), std_size = std_flags >> 16;
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
		model_violate(m, "standard ring BD without a buffer for a full frame", buf_len);
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
		model_phy_restart_autoneg(m);
	else
		m->link_latched_low = true;
}
