/* Chaining a PXE NBP on BIOS: where the NBP and its stack go
 * (bios/bios_nbp_layout.c). */
#include <string.h>
#include "../../bios/bios_nbp_layout.h"
#include "test.h"

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

TEST(nbp_chain_refused_once_a_native_driver_reset_the_undi_nic)
{
	char why[240] = "";
	CHECK(nbp_undi_check(false, "00:03.0", why, sizeof(why)) == 0);
	CHECK(why[0] == 0);
	CHECK(nbp_undi_check(true, "00:03.0", why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "bootnet's own driver has reset the NIC the PXE ROM's UNDI drives (00:03.0)");
	CHECK_CONTAINS(why, "boot bootnet again");
}
