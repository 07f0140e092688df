/* E820 map merging (bios/e820_map.c): overlaps, reserved inside usable,
 * unsorted input, zero lengths, memory above 4 GiB, page trimming. */
#include "../../bios/e820_map.h"
#include "test.h"

#define RAM 1
#define RESERVED 2
#define ACPI 3
#define MB(x) ((uint64_t)(x) << 20)

static int usable(const struct e820_entry *e, int n, struct mem_range *out)
{
	return e820_usable(e, n, out, 16);
}

TEST(e820_typical_map)
{
	const struct e820_entry e[] = {
		{ 0, 0x9fc00, RAM, 1 }, { 0x9fc00, 0x400, RESERVED, 1 },
		{ 0xf0000, 0x10000, RESERVED, 1 }, { MB(1), MB(511) - MB(1) + MB(1) - 0x20000, RAM, 1 },
		{ 0xfffc0000, 0x40000, RESERVED, 1 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 5, r) == 2);
	CHECK(r[0].start == 0 && r[0].end == 0x9f000);   /* trimmed to whole pages */
	CHECK(r[1].start == MB(1) && r[1].end == MB(512) - 0x20000);
}

TEST(e820_overlapping_and_unsorted_ram_merges)
{
	const struct e820_entry e[] = {
		{ MB(8), MB(8), RAM, 1 }, { MB(1), MB(4), RAM, 1 }, { MB(4), MB(6), RAM, 1 },
		{ MB(32), MB(1), RAM, 1 }, { MB(5), MB(1), RAM, 1 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 5, r) == 2);
	CHECK(r[0].start == MB(1) && r[0].end == MB(16));
	CHECK(r[1].start == MB(32) && r[1].end == MB(33));
}

TEST(e820_reserved_inside_usable_splits_it)
{
	const struct e820_entry e[] = {
		{ MB(1), MB(63), RAM, 1 }, { MB(10), 0x1800, ACPI, 1 }, { MB(60), MB(10), RESERVED, 1 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 3, r) == 2);
	CHECK(r[0].start == MB(1) && r[0].end == MB(10));
	CHECK(r[1].start == MB(10) + 0x2000 && r[1].end == MB(60)); /* page-aligned past the hole */
}

TEST(e820_reserved_covering_ram_removes_it)
{
	const struct e820_entry e[] = {
		{ MB(2), MB(1), RAM, 1 }, { MB(1), MB(4), RESERVED, 1 }, { MB(8), MB(1), RAM, 1 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 3, r) == 1);
	CHECK(r[0].start == MB(8) && r[0].end == MB(9));
}

TEST(e820_zero_length_and_tiny_entries_are_ignored)
{
	const struct e820_entry e[] = {
		{ MB(1), 0, RAM, 1 }, { MB(2), MB(1), RAM, 1 }, { MB(2) + 4096, 0, RESERVED, 1 },
		{ MB(5) + 1, 100, RAM, 1 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 4, r) == 1);
	CHECK(r[0].start == MB(2) && r[0].end == MB(3));
}

TEST(e820_above_4g_and_wrapping_lengths)
{
	const struct e820_entry e[] = {
		{ 0x100000000ull, 0x40000000ull, RAM, 1 }, { MB(1), MB(100), RAM, 1 },
		{ 0xffffffff00000000ull, 0x200000000ull, RAM, 1 }, /* wraps: up to the top */
	};
	struct mem_range r[16];
	CHECK(usable(e, 3, r) == 3);
	CHECK(r[0].start == MB(1) && r[0].end == MB(101));
	CHECK(r[1].start == 0x100000000ull && r[1].end == 0x140000000ull);
	CHECK(r[2].start == 0xffffffff00000000ull && r[2].end == 0xfffffffffffff000ull);
}

TEST(e820_reports_count_beyond_max)
{
	const struct e820_entry e[] = {
		{ MB(1), MB(1), RAM, 1 }, { MB(3), MB(1), RAM, 1 }, { MB(5), MB(1), RAM, 1 },
	};
	struct mem_range r[2] = { { 7, 7 }, { 7, 7 } };
	CHECK(e820_usable(e, 3, r, 1) == 3);
	CHECK(r[0].start == MB(1) && r[1].start == 7); /* only max filled */
	CHECK(e820_usable(e, 0, r, 2) == 0);
}

TEST(e820_entries_marked_ignore_are_left_out)
{
	const struct e820_entry e[] = {
		{ MB(1), MB(8), RAM, 1 }, { MB(16), MB(8), RAM, 0 }, { MB(2), MB(1), RESERVED, 0 },
	};
	struct mem_range r[16];
	CHECK(usable(e, 3, r) == 1);
	CHECK(r[0].start == MB(1) && r[0].end == MB(9));
}
