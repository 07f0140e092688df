/* tg3 against the chip model: the PCI IDs it claims, probe with the MAC
 * address from each source, the firmware handshake, and the link. */
#include <stdio.h>
#include "../../drivers/net/tg3.h"
#include "test.h"
#include "test_tg3.h"

static const uint8_t mac_bootcode[6] = { 0x00, 0x10, 0x18, 0xaa, 0xbb, 0x01 };
static const uint8_t mac_nvram[6] = { 0x00, 0x10, 0x18, 0xaa, 0xbb, 0x02 };
static const uint8_t mac_firmware[6] = { 0x3c, 0x07, 0x54, 0x11, 0x22, 0x33 }; /* an Apple OUI */

static struct tg3_model_config mac_config(enum tg3_model_mac_publish publish)
{
	struct tg3_model_config c = { .revision = 1, .publish = publish };
	memcpy(c.bootcode_mac, mac_bootcode, 6);
	memcpy(c.firmware_mac, mac_firmware, 6);
	return c;
}

TEST(tg3_claims_each_listed_chip_by_name)
{
	static const struct { uint16_t device; const char *name; } chips[] = {
		{ 0x16b4, "BCM57765" }, { 0x1686, "BCM57766" }, { 0x1682, "BCM57762" },
		{ 0x16b0, "BCM57761" }, { 0x16b1, "BCM57781" }, { 0x16b5, "BCM57785" },
		{ 0x1655, "BCM5717" },  { 0x1656, "BCM5718" },  { 0x1657, "BCM5719" },
		{ 0x165f, "BCM5720" },  { 0x1681, "BCM5761" },  { 0x1684, "BCM5764" },
	};
	for (unsigned i = 0; i < sizeof(chips) / sizeof(chips[0]); i++) {
		const struct pci_id *id = NULL;
		CHECK(nic_driver_find(0x14e4, chips[i].device, &id) == &tg3_driver);
		CHECK(id && strcmp(id->name, chips[i].name) == 0);
	}
	CHECK(nic_driver_find(0x14e4, 0x1600, NULL) == NULL); /* not a tg3 we claim */
	CHECK(nic_driver_find(0x8086, 0x16b4, NULL) == NULL); /* right device, wrong vendor */
}

TEST(tg3_probe_takes_the_mac_the_bootcode_publishes)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	uint8_t nvram[256];
	struct tg3_rig rig;
	tg3_model_nvram_bootstrap(nvram, sizeof(nvram), mac_nvram);
	c.nvram = nvram, c.nvram_size = sizeof(nvram);

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_bootcode, 6) == 0);
	CHECK_STR(rig.dev.path, "tg3");
	CHECK(rig.dev.mtu == 1500);
	CHECK(rig.model->resets == 1);
	CHECK_STR(rig.model->violation, "");
	/* Probe leaves the chip reset, interrupts masked, no DMA running. */
	CHECK(!tg3_model_dma_enabled(rig.model));
	CHECK(host_dma_live_count() == 0);
	tg3_rig_done(&rig);
}

TEST(tg3_probe_reads_the_mac_from_nvram_when_the_bootcode_publishes_none)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
	uint8_t nvram[256];
	struct tg3_rig rig;
	tg3_model_nvram_bootstrap(nvram, sizeof(nvram), mac_nvram);
	c.nvram = nvram, c.nvram_size = sizeof(nvram);

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_nvram, 6) == 0);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

/* A four-port 5719 keeps each function's address in its own NVRAM slot
 * (the model's image: function n's address ends in n). */
TEST(tg3_probe_reads_each_functions_nvram_address_on_a_5719)
{
	for (uint8_t fn = 0; fn < 4; fn++) {
		struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
		uint8_t nvram[0x400], want[6];
		struct tg3_rig rig;
		tg3_model_nvram_bootstrap(nvram, sizeof(nvram), mac_nvram);
		c.nvram = nvram, c.nvram_size = sizeof(nvram);
		c.device_id = 0x1657, c.fn = fn;
		memcpy(want, mac_nvram, 6);
		want[5] ^= fn;

		tg3_rig_probe(&rig, &c);
		CHECK(rig.rc == 0);
		CHECK(memcmp(rig.dev.mac, want, 6) == 0);
		CHECK_STR(rig.model->violation, ""); /* includes: PHY asked at address fn + 1 */
		tg3_rig_done(&rig);
	}
}

TEST(tg3_probe_takes_the_mac_the_bootcode_left_in_the_mac_registers)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_REGS_ONLY);
	struct tg3_rig rig;
	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_bootcode, 6) == 0);
	tg3_rig_done(&rig);
}

/* Apple: no NVRAM, nothing from the bootcode; the EFI firmware put the
 * address in the MAC registers and the reset clears them. */
TEST(tg3_probe_keeps_the_mac_apples_firmware_programmed)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
	struct tg3_rig rig;
	c.device_id = 0x1682;

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_firmware, 6) == 0);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

TEST(tg3_probe_survives_nvram_that_never_grants_its_lock)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
	struct tg3_rig rig;
	c.nvram_never_grants = true;

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_firmware, 6) == 0);
	CHECK(rig.probe_ms < 2000);
	tg3_rig_done(&rig);
}

TEST(tg3_probe_fails_when_no_source_has_a_mac)
{
	struct tg3_model_config c = { .revision = 1, .publish = MODEL_MAC_NONE };
	struct tg3_rig rig;
	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc < 0);
	CHECK_CONTAINS(rig.why, "BCM57766: no MAC address");
	CHECK_CONTAINS(rig.why, "no NVRAM image");
	CHECK(!tg3_model_dma_enabled(rig.model));
	tg3_rig_done(&rig);
}

TEST(tg3_probe_fails_naming_the_firmware_handshake_timeout)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	struct tg3_rig rig;
	c.bootcode_dead = true;

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc < 0);
	CHECK_CONTAINS(rig.why, "BCM57766: firmware handshake timed out");
	CHECK_CONTAINS(rig.why, "1000 ms");
	/* Bounded: about the second it promises, not forever. */
	CHECK(rig.probe_ms >= 1000 && rig.probe_ms < 1500);
	CHECK(!tg3_model_dma_enabled(rig.model));
	CHECK(host_dma_live_count() == 0);
	tg3_rig_done(&rig);
}

TEST(tg3_link_comes_up_with_speed_and_duplex_after_autonegotiation)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	struct tg3_rig rig;
	char text[96];
	c.partner_1000 = 0x0800; /* the switch does 1000/full */

	tg3_rig_probe(&rig, &c);
	REQUIRE_PROBED(rig);
	CHECK(!rig.dev.ops->link_up(&rig.dev)); /* still negotiating */
	tg3_rig_wait_ms(2500);
	CHECK(rig.dev.ops->link_up(&rig.dev));
	tg3_describe(&rig.dev, text, sizeof(text));
	CHECK_STR(text, "BCM57766 rev 01, link up 1000/full");
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

TEST(tg3_link_speed_is_the_best_both_ends_advertise)
{
	static const struct { uint16_t adv, g; const char *want; } partners[] = {
		{ 0x01e1, 0x0000, "BCM57766 rev 01, link up 100/full" },
		{ 0x00a1, 0x0000, "BCM57766 rev 01, link up 100/half" },
		{ 0x0021, 0x0000, "BCM57766 rev 01, link up 10/half" },
		{ 0x01e1, 0x0400, "BCM57766 rev 01, link up 1000/half" },
	};
	for (unsigned i = 0; i < sizeof(partners) / sizeof(partners[0]); i++) {
		struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
		struct tg3_rig rig;
		char text[96];
		c.partner_adv = partners[i].adv, c.partner_1000 = partners[i].g;
		tg3_rig_probe(&rig, &c);
		REQUIRE_PROBED(rig);
		tg3_rig_wait_ms(2500);
		tg3_describe(&rig.dev, text, sizeof(text));
		CHECK_STR(text, partners[i].want);
		tg3_rig_done(&rig);
	}
}

TEST(tg3_no_cable_means_link_down_and_says_so)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	struct tg3_rig rig;
	char text[96];
	c.no_cable = true;

	tg3_rig_probe(&rig, &c);
	REQUIRE_PROBED(rig); /* no link is no reason to refuse the device */
	tg3_rig_wait_ms(10000);
	CHECK(!rig.dev.ops->link_up(&rig.dev));
	tg3_describe(&rig.dev, text, sizeof(text));
	CHECK_STR(text, "BCM57766 rev 01, link down");
	/* Plugged in later, the link comes up. */
	tg3_model_set_cable(rig.model, true);
	tg3_rig_wait_ms(2500);
	CHECK(rig.dev.ops->link_up(&rig.dev));
	tg3_rig_done(&rig);
}

TEST(tg3_probe_fails_clearly_when_no_phy_answers)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	struct tg3_rig rig;
	c.no_phy = true;

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc < 0);
	CHECK_STR(rig.why, "BCM57766: the PHY at MII address 1 does not answer");
	CHECK(rig.probe_ms < 1000);
	tg3_rig_done(&rig);
}

/* A Thunderbolt adapter pulled out between probe and open: every read
 * is all ones. Open gives up within its bounds and says what it saw. */
TEST(tg3_open_says_so_when_the_device_is_gone)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_SRAM);
	struct tg3_rig rig;
	uint64_t start;

	tg3_rig_probe(&rig, &c);
	REQUIRE_PROBED(rig);
	rig.model->gone = true;
	start = platform_now_ms();
	CHECK(tg3_rig_open(&rig) != 0);
	CHECK_CONTAINS(rig.dev.error, "reads all ones");
	CHECK_CONTAINS(rig.dev.error, "unplugged?");
	/* The handshake's second, and the stop after it: bounded. */
	CHECK(platform_now_ms() - start < 3000);
	CHECK(host_dma_live_count() == 0);
	tg3_rig_done(&rig);
}

/* The Mac mini's 57766 without NVRAM: only the boot ROM runs, and it
 * says it is ready through the RX CPU, not the mailbox. A 57765 whose
 * bootcode does the same has not answered. */
TEST(tg3_probe_accepts_the_57766_boot_rom_as_the_handshake)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
	struct tg3_rig rig;
	c.rom_only = true;

	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_firmware, 6) == 0);
	CHECK(rig.probe_ms < 500);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);

	c.device_id = 0x16b4;
	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc < 0);
	CHECK_CONTAINS(rig.why, "BCM57765: firmware handshake timed out");
	tg3_rig_done(&rig);
}

/* The NVRAM's first word says its format: a self-boot image is read like
 * a bootstrap one (where self-boot images keep the address is not in the
 * guides we have: see drivers/README.md); anything else is no image. */
TEST(tg3_probe_reads_nvram_only_in_a_format_it_knows)
{
	struct tg3_model_config c = mac_config(MODEL_MAC_NONE);
	uint8_t nvram[256];
	struct tg3_rig rig;
	tg3_model_nvram_bootstrap(nvram, sizeof(nvram), mac_nvram);
	c.nvram = nvram, c.nvram_size = sizeof(nvram);

	nvram[0] = 0xa5, nvram[1] = 0x01, nvram[2] = 0x02, nvram[3] = 0x03;
	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_nvram, 6) == 0);
	tg3_rig_done(&rig);

	nvram[0] = 0x12, nvram[1] = 0x34, nvram[2] = 0x56, nvram[3] = 0x78;
	tg3_rig_probe(&rig, &c);
	CHECK(rig.rc == 0);
	CHECK(memcmp(rig.dev.mac, mac_firmware, 6) == 0);
	tg3_rig_done(&rig);
}
