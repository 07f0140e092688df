/* tg3: reading NVRAM and choosing the MAC address.
 *
 * The address comes from the first of these that holds a valid one
 * (unicast, not all zeros):
 *  1. the copy the bootcode leaves in NIC memory after reset (with the
 *     "HK" signature) - what every chip with working bootcode offers;
 *  2. NVRAM, in the bootstrap or self-boot format, at the offset for this
 *     PCI function;
 *  3. the MAC_ADDR_0 registers after reset, in case the bootcode set them
 *     but not the memory copy;
 *  4. the MAC_ADDR_0 registers as found before our reset: Apple's
 *     machines (Mac mini 57766, the Thunderbolt 57762 adapter) have no
 *     NVRAM, and their EFI firmware programs the address there itself. */
#include <stdio.h>
#include <string.h>
#include "tg3.h"

#define NVRAM_LOCK_US 160000
#define NVRAM_CMD_US  100000

/* The words read here lie below 264 bytes, the page of the buffered
 * Atmel flash parts, where logical and physical addresses agree; only a
 * 5719/5720's functions 2 and 3 read beyond, and on such a part would get
 * the wrong words (no address translation here), which the validity
 * check then refuses. */
static bool nvram_read_word(struct tg3 *tp, uint32_t offset, uint32_t *word)
{
	tg3_write(tp, NVRAM_ADDR, offset & NVRAM_ADDR_MASK);
	tg3_write(tp, NVRAM_CMD, NVRAM_CMD_RD | NVRAM_CMD_GO | NVRAM_CMD_FIRST | NVRAM_CMD_LAST |
					 NVRAM_CMD_DONE);
	if (!tg3_wait_reg(tp, NVRAM_CMD, NVRAM_CMD_DONE, NVRAM_CMD_DONE, NVRAM_CMD_US))
		return false;
	*word = tg3_read(tp, NVRAM_RDDATA);
	return true;
}

/* Reads count words from offset, with the arbitration lock held and
 * access enabled for the time of it. why says what went wrong. */
static bool nvram_read(struct tg3 *tp, uint32_t offset, uint32_t *words, int count,
		       const char **why)
{
	bool ok = true;
	tg3_write(tp, NVRAM_SWARB, SWARB_REQ_SET1);
	if (!tg3_wait_reg(tp, NVRAM_SWARB, SWARB_GNT1, SWARB_GNT1, NVRAM_LOCK_US)) {
		tg3_write(tp, NVRAM_SWARB, SWARB_REQ_CLR1);
		*why = "NVRAM arbitration never granted";
		return false;
	}
	tg3_write(tp, NVRAM_ACCESS, tg3_read(tp, NVRAM_ACCESS) | ACCESS_ENABLE);
	for (int i = 0; i < count && ok; i++)
		ok = nvram_read_word(tp, offset + 4 * (uint32_t)i, &words[i]);
	if (!ok)
		*why = "NVRAM read never completed";
	tg3_write(tp, NVRAM_ACCESS, tg3_read(tp, NVRAM_ACCESS) & ~ACCESS_ENABLE);
	tg3_write(tp, NVRAM_SWARB, SWARB_REQ_CLR1);
	return ok;
}

static bool mac_valid(const uint8_t *mac)
{
	static const uint8_t zero[6];
	return !(mac[0] & 1) && memcmp(mac, zero, 6) != 0;
}

/* The layout every source shares: bytes 0-1 in the low half of the high
 * word, bytes 2-5 in the low word, most significant first. */
static bool mac_from_words(uint8_t *mac, uint32_t high, uint32_t low)
{
	mac[0] = (uint8_t)(high >> 8);
	mac[1] = (uint8_t)high;
	mac[2] = (uint8_t)(low >> 24);
	mac[3] = (uint8_t)(low >> 16);
	mac[4] = (uint8_t)(low >> 8);
	mac[5] = (uint8_t)low;
	return mac_valid(mac);
}

static bool mac_from_nvram(struct tg3 *tp, const char **why)
{
	uint32_t magic, words[2];
	uint32_t offset = NVRAM_MAC_OFFSET;

	if (!nvram_read(tp, 0, &magic, 1, why))
		return false;
	if (magic != NVRAM_MAGIC_BOOTSTRAP &&
	    (magic & NVRAM_MAGIC_SELFBOOT_MASK) != NVRAM_MAGIC_SELFBOOT_FW &&
	    (magic & 0xffff0000) != NVRAM_MAGIC_SELFBOOT_HW) {
		*why = "no NVRAM image (no bootstrap or self-boot signature)";
		return false;
	}
	/* 5717-class chips keep one address per function (unverified for the
	 * self-boot formats, hence the validity check that follows). */
	if (tp->family == TG3_5717 && (tp->loc.fn & 1))
		offset = NVRAM_MAC_OFFSET_FN1;
	if (tp->family == TG3_5717 && tp->loc.fn > 1)
		offset += NVRAM_MAC_OFFSET_FN23;
	if (!nvram_read(tp, offset, words, 2, why))
		return false;
	if (!mac_from_words(tp->mac, words[0], words[1])) {
		*why = "NVRAM holds no valid address";
		return false;
	}
	return true;
}

int tg3_read_mac_address(struct tg3 *tp, char *why, size_t why_size)
{
	const char *nvram_why = "";
	uint32_t high = tg3_mem_read(tp, NIC_SRAM_MAC_ADDR_HIGH_MBOX);

	if (high >> 16 == MAC_ADDR_MBOX_SIGNATURE &&
	    mac_from_words(tp->mac, high, tg3_mem_read(tp, NIC_SRAM_MAC_ADDR_LOW_MBOX))) {
		tp->mac_source = "bootcode";
		return 0;
	}
	if (mac_from_nvram(tp, &nvram_why)) {
		tp->mac_source = "NVRAM";
		return 0;
	}
	if (mac_from_words(tp->mac, tg3_read(tp, MAC_ADDR_0_HIGH), tg3_read(tp, MAC_ADDR_0_LOW))) {
		tp->mac_source = "MAC registers (bootcode)";
		return 0;
	}
	if (mac_from_words(tp->mac, tp->found_mac_high, tp->found_mac_low)) {
		tp->mac_source = "MAC registers (system firmware)";
		return 0;
	}
	snprintf(why, why_size,
		 "no MAC address: none from the bootcode, %s, and the MAC registers hold none "
		 "before or after reset",
		 nvram_why);
	return -1;
}
