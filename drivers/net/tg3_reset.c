/* tg3: NIC memory through the memory window, bounded register waits, and
 * the core clock reset with its bootcode handshake. */
#include <stdio.h>
#include "tg3.h"

#define PCI_COMMAND_MEMORY 0x0002
#define RESET_SETTLE_US    1000     /* the PRG asks for at least 120 us; PCIe needs longer */
#define HANDSHAKE_US       1000000  /* the bootcode answers within a second */

uint32_t tg3_mem_read(struct tg3 *tp, uint32_t offset)
{
	tg3_write(tp, TG3_MEM_WIN_BASE_ADDR, offset);
	uint32_t value = tg3_read(tp, TG3_MEM_WIN_DATA);
	tg3_write(tp, TG3_MEM_WIN_BASE_ADDR, 0);
	return value;
}

void tg3_mem_write(struct tg3 *tp, uint32_t offset, uint32_t value)
{
	tg3_write(tp, TG3_MEM_WIN_BASE_ADDR, offset);
	tg3_write(tp, TG3_MEM_WIN_DATA, value);
	tg3_write(tp, TG3_MEM_WIN_BASE_ADDR, 0);
}

bool tg3_wait_reg(struct tg3 *tp, unsigned reg, uint32_t mask, uint32_t want,
		  uint32_t timeout_us)
{
	for (uint32_t waited = 0;; waited += 10) {
		if ((tg3_read(tp, reg) & mask) == want)
			return true;
		if (waited >= timeout_us)
			return false;
		platform_delay_us(10);
	}
}

/* The reset clears memory decoding in the PCI command register and our
 * settings in MISC_HOST_CTRL, so both are put back through configuration
 * space before any register is touched again. */
static void restore_pci_state(struct tg3 *tp, uint32_t command)
{
	platform_pci_config_write(&tp->loc, TG3_PCI_COMMAND, 2, command);
	platform_pci_config_write(&tp->loc, TG3_MISC_HOST_CTRL, 4,
				  MISC_HOST_CTRL_MASK_PCI_INT | MISC_HOST_CTRL_CLEAR_INT |
					  MISC_HOST_CTRL_WORD_SWAP | MISC_HOST_CTRL_INDIR_ACCESS |
					  MISC_HOST_CTRL_PCISTATE_RW);
}

/* Holding the NVRAM lock keeps the bootcode from being cut off in the
 * middle of an NVRAM access; the reset itself releases it. No NVRAM, no
 * grant: then there is nothing to protect and the reset goes ahead. */
static void take_nvram_lock_for_reset(struct tg3 *tp)
{
	tg3_write(tp, NVRAM_SWARB, SWARB_REQ_SET1);
	tg3_wait_reg(tp, NVRAM_SWARB, SWARB_GNT1, SWARB_GNT1, 20000);
}

/* Without link, a 5719/5720 may slow its MAC clock so far that the
 * bootcode overruns the handshake's second: the clock runs at full speed
 * from before the reset until the handshake is over (the 5717's own
 * override bit is not named here: unverified). */
static bool clock_override_applies(struct tg3 *tp)
{
	return tp->device == 0x1657 || tp->device == 0x165f;
}

static void clock_override(struct tg3 *tp, bool on)
{
	uint32_t v;
	if (!clock_override_applies(tp))
		return;
	v = tg3_read(tp, CPMU_CLOCK_OVERRIDE);
	tg3_write(tp, CPMU_CLOCK_OVERRIDE,
		  on ? v | CPMU_CLOCK_OVERRIDE_MAC_FULL_SPEED : v & ~CPMU_CLOCK_OVERRIDE_MAC_FULL_SPEED);
}

int tg3_chip_reset(struct tg3 *tp, char *why, size_t why_size)
{
	uint32_t command = 0, answer = 0;

	if (!platform_pci_config_read(&tp->loc, TG3_PCI_COMMAND, 2, &command)) {
		snprintf(why, why_size, "cannot read the PCI command register before reset");
		return -1;
	}
	command |= PCI_COMMAND_MEMORY;
	take_nvram_lock_for_reset(tp);
	clock_override(tp, true);
	/* The magic tells the bootcode a driver reset the chip: it answers
	 * with the complement once it has initialised the chip again. */
	tg3_mem_write(tp, NIC_SRAM_FIRMWARE_MBOX, FIRMWARE_MBOX_MAGIC1);
	tg3_write(tp, GRC_FASTBOOT_PC, 0); /* run the bootcode from its start */
	/* Every supported chip is PCIe: the link must not retrain meanwhile. */
	tg3_write(tp, GRC_MISC_CFG, GRC_MISC_CFG_NO_PCIE_RETRAIN);
	tg3_write(tp, GRC_MISC_CFG, GRC_MISC_CFG_NO_PCIE_RETRAIN | GRC_MISC_CFG_CORECLK_RESET);
	platform_delay_us(RESET_SETTLE_US);

	restore_pci_state(tp, command);
	tg3_write(tp, MEMARB_MODE, BLOCK_ENABLE); /* the bootcode needs NIC memory */
	tg3_write(tp, GRC_MODE, tp->grc_mode);

	for (uint32_t waited = 0; waited <= HANDSHAKE_US; waited += 10) {
		answer = tg3_mem_read(tp, NIC_SRAM_FIRMWARE_MBOX);
		/* A 57766 with no NVRAM (Apple's) runs only its boot ROM, which
		 * says it is done by parking the RX CPU in its service loop;
		 * from Linux's handling of that chip, unverified on hardware. */
		if (answer == ~(uint32_t)FIRMWARE_MBOX_MAGIC1 ||
		    (tp->asic_57766 && tg3_read(tp, RX_CPU_HWBKPT) == SBROM_IN_SERVICE_LOOP)) {
			clock_override(tp, false);
			tg3_mi_take(tp);
			return 0;
		}
		platform_delay_us(10);
	}
	clock_override(tp, false);
	if (answer == 0xffffffff && tg3_read(tp, MAC_MODE) == 0xffffffff)
		snprintf(why, why_size,
			 "firmware handshake timed out after %u ms: the device reads all ones, as "
			 "one no longer there does (unplugged?)",
			 HANDSHAKE_US / 1000);
	else
		snprintf(why, why_size,
			 "firmware handshake timed out: the bootcode did not answer within %u ms "
			 "after reset (NIC memory 0x%04x reads 0x%08x, not 0x%08x)",
			 HANDSHAKE_US / 1000, NIC_SRAM_FIRMWARE_MBOX, (unsigned)answer,
			 (unsigned)~(uint32_t)FIRMWARE_MBOX_MAGIC1);
	return -1;
}
