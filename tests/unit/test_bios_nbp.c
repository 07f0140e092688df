/* Chaining a PXE NBP on BIOS: the PXENV+ and !PXE checks
 * (bios/bios_pxe_struct.c) and where the NBP and its stack go
 * (bios/bios_nbp_layout.c). */
#include <string.h>
#include "../../bios/bios_nbp_layout.h"
#include "../../bios/bios_pxe_struct.h"
#include "test.h"

/* A PXENV+ of PXE 2.1 pointing at !PXE 9c40:0000, checksum fixed. */
static void make_pxenv(uint8_t *p, uint16_t version, uint8_t len)
{
	uint8_t sum = 0;
	memset(p, 0, 64);
	memcpy(p, "PXENV+", 6);
	p[6] = (uint8_t)version;
	p[7] = (uint8_t)(version >> 8);
	p[8] = len;
	p[0x28] = 0x00; p[0x29] = 0x00; /* PXEPtr offset */
	p[0x2a] = 0x40; p[0x2b] = 0x9c; /* PXEPtr segment */
	for (int i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	p[9] = (uint8_t)-sum;
}

TEST(pxenv_of_pxe_2_1_gives_the_pxe_pointer)
{
	uint8_t p[64];
	uint16_t version;
	struct far_ptr pxe;
	char why[128] = "";
	make_pxenv(p, 0x0201, 0x2c);
	CHECK(pxenv_check(p, sizeof(p), &version, &pxe, why, sizeof(why)));
	CHECK(version == 0x0201 && pxe.seg == 0x9c40 && pxe.off == 0);
	/* 2.0: no PXEPtr even if the bytes are there. */
	make_pxenv(p, 0x0200, 0x2c);
	CHECK(pxenv_check(p, sizeof(p), &version, &pxe, why, sizeof(why)));
	CHECK(version == 0x0200 && pxe.seg == 0 && pxe.off == 0);
}

TEST(pxenv_bad_checksum_length_or_signature_is_refused)
{
	uint8_t p[64];
	uint16_t version;
	struct far_ptr pxe;
	char why[128];
	make_pxenv(p, 0x0201, 0x2c);
	p[0x20] ^= 1;
	CHECK(!pxenv_check(p, sizeof(p), &version, &pxe, why, sizeof(why)));
	CHECK_CONTAINS(why, "bad checksum");
	make_pxenv(p, 0x0201, 0x2c);
	CHECK(!pxenv_check(p, 0x20, &version, &pxe, why, sizeof(why))); /* cut short */
	CHECK_CONTAINS(why, "impossible length");
	make_pxenv(p, 0x0201, 0x10);
	CHECK(!pxenv_check(p, sizeof(p), &version, &pxe, why, sizeof(why)));
	CHECK_CONTAINS(why, "impossible length (16 bytes)");
	make_pxenv(p, 0x0201, 0x2c);
	p[0] = 'Q';
	CHECK(!pxenv_check(p, sizeof(p), &version, &pxe, why, sizeof(why)));
	CHECK_CONTAINS(why, "no PXENV+ signature");
}

TEST(bang_pxe_is_checked_as_well)
{
	uint8_t p[0x58] = "!PXE";
	uint8_t sum = 0;
	char why[128];
	p[4] = 0x58;
	for (size_t i = 0; i < sizeof(p); i++)
		sum = (uint8_t)(sum + p[i]);
	p[5] = (uint8_t)-sum;
	CHECK(pxe_check(p, sizeof(p), why, sizeof(why)));
	p[0x10] = 7;
	CHECK(!pxe_check(p, sizeof(p), why, sizeof(why)));
	CHECK_CONTAINS(why, "!PXE structure with a bad checksum");
}

TEST(nbp_goes_to_7c00_with_its_stack_below)
{
	struct nbp_layout l;
	char why[160] = "";
	struct mem_range free_base = { 0x500, 0x9a000 };
	CHECK(nbp_layout_compute(40000, free_base, &l, why, sizeof(why)) == 0);
	CHECK(l.load == 0x7c00 && l.stack == 0x6c00 && l.sp == 0xff8);
	/* Base memory below 0x7c00 taken: the stack goes after the NBP. */
	free_base.start = 0x7000;
	CHECK(nbp_layout_compute(40001, free_base, &l, why, sizeof(why)) == 0);
	CHECK(l.stack == ((0x7c00 + 40001 + 15) & ~15u) && l.stack % 16 == 0);
}

TEST(nbp_too_big_or_where_bootnet_is_is_refused)
{
	struct nbp_layout l;
	char why[200];
	struct mem_range free_base = { 0x500, 0x9a000 };
	CHECK(nbp_layout_compute(0x9a000 - 0x7c00 + 1, free_base, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "must end below 0x9a000, where free base memory ends (at most 599040 bytes)");
	CHECK(nbp_layout_compute(0, free_base, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "empty");
	free_base.start = 0x10000;
	CHECK(nbp_layout_compute(1000, free_base, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "bootnet's own real-mode part occupies 0x7c00");
	/* It fits, but its stack does not. */
	free_base = (struct mem_range){ 0x7000, 0x7c00 + 2000 + 100 };
	CHECK(nbp_layout_compute(2000, free_base, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "no room for the NBP's 4096-byte stack");
}
