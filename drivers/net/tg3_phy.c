/* tg3: the copper PHY over the MI communication register, autonegotiation
 * and the link state, and the MAC settings that follow the link.
 * Only the standard MII registers are used (clause 22 and 40 of IEEE
 * 802.3), so the speed and duplex come from what both ends advertised. */
#include <stdio.h>
#include "tg3.h"

#define MI_COMMAND_US   5000     /* a management frame takes ~30 us at 2.5 MHz */
#define LINK_RECHECK_MS 100      /* link_up() reads the PHY at most this often */

static int mi_command(struct tg3 *tp, uint32_t frame, uint16_t *data)
{
	uint32_t value;
	tg3_write(tp, MAC_MI_COM, frame | MI_COM_START);
	if (!tg3_wait_reg(tp, MAC_MI_COM, MI_COM_BUSY, 0, MI_COMMAND_US))
		return -1;
	value = tg3_read(tp, MAC_MI_COM);
	if (value & MI_COM_READ_FAILED)
		return -1;
	if (data)
		*data = (uint16_t)(value & MI_COM_DATA_MASK);
	return 0;
}

static uint32_t mi_frame(struct tg3 *tp, unsigned reg)
{
	return (uint32_t)tp->phy_addr << MI_COM_PHY_ADDR_SHIFT | (uint32_t)reg << MI_COM_REG_ADDR_SHIFT;
}

static int phy_read(struct tg3 *tp, unsigned reg, uint16_t *value)
{
	return mi_command(tp, mi_frame(tp, reg) | MI_COM_CMD_READ, value);
}

static int phy_write(struct tg3 *tp, unsigned reg, uint16_t value)
{
	return mi_command(tp, mi_frame(tp, reg) | MI_COM_CMD_WRITE | value, NULL);
}

/* The bootcode may leave the MAC polling the PHY on its own, which would
 * fight our MI frames: polling stops, the rest of its MI setup stays. */
void tg3_mi_take(struct tg3 *tp)
{
	uint32_t mode = tg3_read(tp, MAC_MI_MODE);
	if (mode & MAC_MI_MODE_AUTO_POLL) {
		tg3_write(tp, MAC_MI_MODE, mode & ~MAC_MI_MODE_AUTO_POLL);
		platform_delay_us(80);
	}
}

/* Starts autonegotiation for everything the copper PHY can do, unless the
 * link is already up from it (the firmware may have brought it up, and
 * starting again costs the user seconds). */
int tg3_phy_start(struct tg3 *tp, char *why, size_t why_size)
{
	uint16_t id1 = 0, bmsr = 0, bmcr = 0;

	if (phy_read(tp, MII_PHYSID1, &id1) != 0 || id1 == 0xffff) {
		snprintf(why, why_size, "the PHY at MII address %u does not answer", tp->phy_addr);
		return -1;
	}
	/* BMSR's link bit latches low: the second read is the present state. */
	if (phy_read(tp, MII_BMSR, &bmsr) != 0 || phy_read(tp, MII_BMSR, &bmsr) != 0 ||
	    phy_read(tp, MII_BMCR, &bmcr) != 0)
		goto mi_failed;
	if ((bmcr & BMCR_ANENABLE) && (bmsr & BMSR_LSTATUS) && (bmsr & BMSR_ANEGCOMPLETE))
		return 0;
	if (phy_write(tp, MII_ADVERTISE, ADVERTISE_CSMA | ADVERTISE_10HALF | ADVERTISE_10FULL |
						 ADVERTISE_100HALF | ADVERTISE_100FULL) != 0 ||
	    phy_write(tp, MII_CTRL1000, ADVERTISE_1000HALF | ADVERTISE_1000FULL) != 0 ||
	    phy_write(tp, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART) != 0)
		goto mi_failed;
	return 0;
mi_failed:
	snprintf(why, why_size, "the PHY stopped answering MI frames during setup");
	return -1;
}

/* The best mode both ends advertise, 1000/full first. */
static void resolve_speed(struct tg3 *tp, uint16_t adv, uint16_t lpa, uint16_t ctrl1000,
			  uint16_t stat1000)
{
	uint16_t gig = ctrl1000 & (uint16_t)(stat1000 >> 2);
	uint16_t common = adv & lpa;
	tp->full_duplex = true;
	if (gig & ADVERTISE_1000FULL)
		tp->speed = 1000;
	else if (gig & ADVERTISE_1000HALF)
		tp->speed = 1000, tp->full_duplex = false;
	else if (common & ADVERTISE_100FULL)
		tp->speed = 100;
	else if (common & ADVERTISE_100HALF)
		tp->speed = 100, tp->full_duplex = false;
	else if (common & ADVERTISE_10FULL)
		tp->speed = 10;
	else
		tp->speed = 10, tp->full_duplex = false;
}

/* Reads the link from the PHY; a link without finished autonegotiation
 * does not count. Returns whether the link is up. */
bool tg3_phy_poll(struct tg3 *tp)
{
	uint16_t bmsr = 0, adv = 0, lpa = 0, ctrl1000 = 0, stat1000 = 0;

	tp->link_checked = true;
	tp->link_checked_ms = platform_now_ms();
	tp->link = false;
	if (phy_read(tp, MII_BMSR, &bmsr) != 0 || phy_read(tp, MII_BMSR, &bmsr) != 0)
		return false;
	if (!(bmsr & BMSR_LSTATUS) || !(bmsr & BMSR_ANEGCOMPLETE))
		return false;
	if (phy_read(tp, MII_ADVERTISE, &adv) != 0 || phy_read(tp, MII_LPA, &lpa) != 0 ||
	    phy_read(tp, MII_CTRL1000, &ctrl1000) != 0 || phy_read(tp, MII_STAT1000, &stat1000) != 0)
		return false;
	resolve_speed(tp, adv, lpa, ctrl1000, stat1000);
	tp->link = true;
	return true;
}

/* GMII for gigabit, MII below it; half duplex and its longer slot time
 * at 1000 half. */
void tg3_mac_apply_link(struct tg3 *tp)
{
	uint32_t mode = tg3_read(tp, MAC_MODE) & ~(MAC_MODE_PORT_MODE_MASK | MAC_MODE_HALF_DUPLEX);
	uint32_t slot = 32;
	uint32_t keep = tg3_read(tp, MAC_TX_LENGTHS) & TX_LENGTHS_5720_KEEP; /* bootcode's, 5720 */
	mode |= tp->speed == 1000 ? MAC_MODE_PORT_MODE_GMII : MAC_MODE_PORT_MODE_MII;
	if (!tp->full_duplex)
		mode |= MAC_MODE_HALF_DUPLEX;
	if (tp->speed == 1000 && !tp->full_duplex)
		slot = 0xff;
	tg3_write(tp, MAC_TX_LENGTHS, keep | 2u << TX_LENGTHS_IPG_CRS_SHIFT |
					      6u << TX_LENGTHS_IPG_SHIFT |
					      slot << TX_LENGTHS_SLOT_TIME_SHIFT);
	tg3_write(tp, MAC_MODE, mode);
	platform_delay_us(40);
}

/* Whether the link is up, reading the PHY again when the last answer is
 * old; a running MAC follows a new speed or duplex. */
bool tg3_link_poll_cached(struct tg3 *tp)
{
	bool was_up = tp->link, old_duplex = tp->full_duplex;
	unsigned old_speed = tp->speed;

	if (tp->link_checked && platform_now_ms() - tp->link_checked_ms < LINK_RECHECK_MS)
		return tp->link;
	if (tg3_phy_poll(tp) && tp->running &&
	    (!was_up || old_speed != tp->speed || old_duplex != tp->full_duplex))
		tg3_mac_apply_link(tp);
	return tp->link;
}
