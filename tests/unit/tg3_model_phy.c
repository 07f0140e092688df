/* The tg3 model's copper PHY (standard MII registers, autonegotiation
 * against a configurable partner) and the MI communication register the
 * driver reaches it through. */
#include <string.h>
#include "tg3_model_chip.h"

void model_phy_defaults(struct tg3_model *m)
{
	memset(m->phy, 0, sizeof(m->phy));
	m->phy[0] = 0x1140;          /* autoneg enabled, full duplex, 1000 */
	m->phy[1] = 0x7949;          /* 10/100 abilities, extended status, autoneg able */
	m->phy[2] = 0x600d;          /* Broadcom-style ID; the value is illustrative */
	m->phy[3] = 0x8480;
	m->phy[4] = 0x01e1;
	m->phy[9] = 0x0300;
}

void model_phy_restart_autoneg(struct tg3_model *m)
{
	m->an_running = true;
	m->an_started_ms = platform_now_ms();
	m->link_latched_low = true;
}

bool model_phy_link(struct tg3_model *m)
{
	if (m->cfg.no_cable || !(m->phy[0] & 0x1000))
		return false;
	return !m->an_running || platform_now_ms() - m->an_started_ms >= m->cfg.autoneg_ms;
}

static uint16_t phy_read(struct tg3_model *m, unsigned r)
{
	bool link = model_phy_link(m);
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
		model_phy_defaults(m);
		model_phy_restart_autoneg(m);
		return;
	}
	if (r == 1 || r == 2 || r == 3 || r == 5 || r == 10)
		return; /* read-only */
	m->phy[r & 31] = v & (r == 0 ? ~0x0200 : 0xffff);
	if (r == 0 && (v & 0x0200))
		model_phy_restart_autoneg(m);
}

/* A management frame: the result shows after the PHY has clocked it. */
void model_mi_start(struct tg3_model *m, uint32_t v)
{
	unsigned phy_addr = (v >> 21) & 0x1f, r = (v >> 16) & 0x1f;
	unsigned want_addr = m->cfg.device_id >= 0x1655 && m->cfg.device_id <= 0x165f
				     ? m->cfg.fn + 1u : 1u;
	m->mi_busy_reads = 2;
	if (*model_reg(m, R_MI_MODE) & 0x10)
		model_violate(m, "MI frame started while auto-polling is on", v);
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

uint32_t model_mi_read(struct tg3_model *m)
{
	if (m->mi_busy_reads > 0) {
		m->mi_busy_reads--;
		return 0x20000000;
	}
	return m->mi_result;
}
