/* INT 13h request decoding (bios/int13_request.c) and the E820 map the
 * INT 15h hook reports (bios/e820_hide.c). */
#include "../../bios/e820_hide.h"
#include "../../bios/int13_request.h"
#include "../../firmware/byteorder.h"
#include "test.h"

TEST(int13_geometry_and_chs)
{
	struct int13_geometry g;
	uint16_t cx;
	uint8_t dh;
	uint64_t lba;
	int13_geometry(8 * 2048, &g);                   /* an 8 MiB disk */
	CHECK(g.heads == 255 && g.sectors == 63 && g.cylinders == 1);
	int13_geometry(2048, &g);                       /* 1 MiB: fewer heads */
	CHECK(g.heads == 32 && g.sectors == 63 && g.cylinders == 1);
	int13_geometry(1ull << 32, &g);                 /* 2 TiB: CHS stops at 1024 cylinders */
	CHECK(g.cylinders == 1024 && g.heads == 255);
	int13_chs_params(&g, &cx, &dh);
	CHECK(cx == (0xff << 8 | 0xc0 | 63) && dh == 254);

	int13_geometry(100 * 255 * 63, &g);
	CHECK(g.cylinders == 100);
	CHECK(int13_chs_to_lba(&g, 0x0001, 0, &lba) && lba == 0);
	CHECK(int13_chs_to_lba(&g, 0x0002, 0, &lba) && lba == 1);
	CHECK(int13_chs_to_lba(&g, 0x0001, 1, &lba) && lba == 63);
	CHECK(int13_chs_to_lba(&g, 0x0101, 0, &lba) && lba == 255 * 63);
	/* Cylinder 0x163 = 355 is past the 100 we report; sector 0 and 64 do not exist. */
	CHECK(!int13_chs_to_lba(&g, 0x6341, 0, &lba));
	CHECK(!int13_chs_to_lba(&g, 0x0000, 0, &lba));
	CHECK(!int13_chs_to_lba(&g, 0x0040, 0, &lba));
	CHECK(!int13_chs_to_lba(&g, 0x0001, 255, &lba));
	int13_geometry(1u << 24, &g);
	CHECK(int13_chs_to_lba(&g, 0x0041, 0, &lba) && lba == 256ull * 255 * 63); /* cylinder bits 8-9 */
}

TEST(int13_disk_address_packets)
{
	uint8_t p[24] = { 16, 0, 4, 0, 0x00, 0x7c, 0x00, 0x00, 1, 0, 0, 0, 0, 0, 0, 0 };
	struct int13_dap d;
	const char *why = "";
	CHECK(int13_dap_parse(p, 16, &d, &why));
	CHECK(d.count == 4 && d.lba == 1 && d.buffer == 0x7c00);
	put_le16(p + 4, 0x0010);
	put_le16(p + 6, 0x2000);
	put_le64(p + 8, 0x123456789aull);
	CHECK(int13_dap_parse(p, 16, &d, &why) && d.buffer == 0x20010 && d.lba == 0x123456789aull);
	/* The 64-bit flat buffer of EDD 3.0. */
	put_le16(p + 4, 0xffff);
	put_le16(p + 6, 0xffff);
	put_le64(p + 16, 0x2000000);
	CHECK(!int13_dap_parse(p, 16, &d, &why));
	CHECK_CONTAINS(why, "24 bytes");
	p[0] = 24;
	CHECK(int13_dap_parse(p, 24, &d, &why) && d.buffer == 0x2000000);
	p[0] = 10;
	CHECK(!int13_dap_parse(p, 24, &d, &why));
	CHECK_CONTAINS(why, "shorter than 16");
}

TEST(int13_edd_parameter_table)
{
	uint8_t b[64];
	struct int13_geometry g;
	int13_geometry(16384, &g);
	memset(b, 0xee, sizeof(b));
	put_le16(b, 26);
	CHECK(int13_edd_params(b, sizeof(b), &g, 16384, 512) == 26);
	CHECK(get_le16(b) == 26 && get_le16(b + 2) == 2);
	CHECK(get_le32(b + 4) == g.cylinders && get_le32(b + 8) == 255 && get_le32(b + 12) == 63);
	CHECK(get_le64(b + 16) == 16384 && get_le16(b + 24) == 512);
	CHECK(b[26] == 0xee);                           /* nothing past what was asked */
	put_le16(b, 66);
	CHECK(int13_edd_params(b, sizeof(b), &g, 16384, 512) == 30);
	CHECK(get_le32(b + 26) == 0xffffffff);
	put_le16(b, 20);
	CHECK(int13_edd_params(b, sizeof(b), &g, 16384, 512) == 0);
}

TEST(e820_hide_cuts_usable_ranges)
{
	const struct e820_entry map[] = {
		{ 0, 0x9fc00, 1, 1 },
		{ 0x9fc00, 0x400, 2, 1 },
		{ 0xf0000, 0x10000, 2, 1 },
		{ 0x100000, 0x7ee0000, 1, 1 },
	};
	struct e820_entry out[8], out2[8];
	/* bootnet's base memory: the top of the first range. */
	int n = e820_hide(map, 4, 0x9e000, 0xa0000, out, 8);
	CHECK(n == 5);
	CHECK(out[0].base == 0 && out[0].length == 0x9e000 && out[0].type == 1);
	CHECK(out[1].base == 0x9e000 && out[1].length == 0x1c00 && out[1].type == 2);
	CHECK(out[2].base == 0x9fc00 && out[2].type == 2);
	/* Its core in the middle of high memory: usable below and above. */
	int m = e820_hide(out, n, 0x7000000, 0x7800000, out2, 8);
	CHECK(m == 7);
	CHECK(out2[4].base == 0x100000 && out2[4].length == 0x6f00000 && out2[4].type == 1);
	CHECK(out2[5].base == 0x7000000 && out2[5].length == 0x800000 && out2[5].type == 2);
	CHECK(out2[6].base == 0x7800000 && out2[6].length == 0x7fe0000 - 0x7800000 && out2[6].type == 1);
	/* No room: -1, not an overrun. */
	CHECK(e820_hide(out, n, 0x7000000, 0x7800000, out2, 6) == -1);
	/* A range outside every usable entry changes nothing. */
	CHECK(e820_hide(map, 4, 0xf0000, 0x100000, out, 8) == 4);
}
