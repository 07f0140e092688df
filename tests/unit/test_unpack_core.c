/* The BIOS core's unpacker (bios/unpack/): LZMA against a stream made by
 * Debian's liblzma (Python's lzma module, lc=3 lp=0 pb=2, with its end
 * marker), damaged and cut streams refused without overruns, branch
 * targets made relative again, the relocation table rebuilt, the CRC. tests/tools/test_pack_core.sh
 * checks whole cores packed by tools/pack-core. */
#include <stdlib.h>
#include <string.h>
#include "../../bios/unpack/lzma_decode.h"
#include "../../bios/unpack/unpack_core.h"
#include "test.h"

#define PROPS_LC3_PB2 (3 + 9 * (0 + 5 * 2))

static const char plain_head[] = "bootnet bootnet bootnet! LZMA test: ";
static const uint8_t packed[] = {
	0x00, 0x31, 0x1b, 0xec, 0xe8, 0x70, 0xc3, 0x8f, 0x1a, 0xb2, 0x87, 0x89,
	0xa8, 0xb5, 0x1a, 0xb3, 0xa4, 0x50, 0xae, 0xa2, 0xba, 0xf2, 0x3e, 0x2d,
	0x41, 0x2a, 0xe1, 0x9b, 0x44, 0xbf, 0x07, 0x70, 0xcc, 0xf6, 0xc2, 0x61,
	0x9f, 0xea, 0x35, 0xb5, 0xd8, 0xc0, 0x92, 0x01, 0x16, 0x2c, 0x5f, 0x60,
	0x67, 0xc4, 0xc6, 0x22, 0x9c, 0x49, 0xe3, 0x50, 0xc0, 0xc4, 0xe0, 0x1c,
	0xab, 0x77, 0xfd, 0x62, 0xb1, 0x30, 0x0e, 0x4c, 0x88, 0x2c, 0xe7, 0x86,
	0x91, 0xee, 0x32, 0xf7, 0x66, 0xe2, 0x0f, 0xff, 0xfe, 0x93, 0x28, 0x00,
};

/* What the stream holds: the head, the bytes 0-47, "abc" 21 times. */
static size_t expected(uint8_t *out)
{
	size_t n = strlen(plain_head);
	memcpy(out, plain_head, n);
	for (int i = 0; i < 48; i++)
		out[n++] = (uint8_t)i;
	for (int i = 0; i < 21; i++) {
		memcpy(out + n, "abc", 3);
		n += 3;
	}
	return n;
}

static enum lzma_status decode(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size)
{
	size_t need = lzma_scratch_size(PROPS_LC3_PB2);
	void *scratch = malloc(need);
	enum lzma_status st = lzma_decode(PROPS_LC3_PB2, in, in_size, out, out_size, scratch, need);
	free(scratch);
	return st;
}

TEST(lzma_decodes_what_liblzma_packed)
{
	uint8_t want[256], out[256];
	size_t n = expected(want);
	CHECK(n == 147);
	CHECK(decode(packed, sizeof(packed), out, n) == LZMA_OK);
	CHECK(memcmp(out, want, n) == 0);
	/* Asking for less stops there; the output past it is not touched. */
	memset(out, 0x5a, sizeof(out));
	CHECK(decode(packed, sizeof(packed), out, 40) == LZMA_OK);
	CHECK(memcmp(out, want, 40) == 0 && out[40] == 0x5a);
}

TEST(lzma_refuses_what_it_cannot_take)
{
	uint8_t out[256];
	uint16_t small[16];
	CHECK(lzma_scratch_size(9 * 5 * 5) == 0);
	CHECK(lzma_decode(9 * 5 * 5, packed, sizeof(packed), out, 147, small, sizeof(small)) == LZMA_BAD_PROPS);
	CHECK(lzma_decode(PROPS_LC3_PB2, packed, sizeof(packed), out, 147, small, sizeof(small)) == LZMA_NO_SCRATCH);
	/* The range coder's first byte is always 0. */
	uint8_t bad[sizeof(packed)];
	memcpy(bad, packed, sizeof(bad));
	bad[0] = 1;
	CHECK(decode(bad, sizeof(bad), out, 147) == LZMA_CORRUPT);
	/* More output than the stream holds: the end marker comes too soon. */
	CHECK(decode(packed, sizeof(packed), out, 200) == LZMA_CORRUPT);
}

TEST(lzma_cut_short_says_truncated)
{
	uint8_t out[256];
	for (size_t cut = 0; cut < 60; cut++) {
		uint8_t *in = malloc(cut ? cut : 1);   /* exactly CUT bytes: ASan sees any over-read */
		memcpy(in, packed, cut);
		CHECK(decode(in, cut, out, 147) == LZMA_TRUNCATED);
		free(in);
	}
}

TEST(lzma_damaged_streams_never_overrun)
{
	uint8_t out[147], in[sizeof(packed)];
	unsigned seed = 7;
	for (int round = 0; round < 2000; round++) {
		memcpy(in, packed, sizeof(in));
		for (int k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			in[1 + (seed >> 8) % (sizeof(in) - 1)] ^= (uint8_t)(1u << (seed >> 4) % 8);
		}
		uint8_t *exact_out = malloc(sizeof(out));
		enum lzma_status st = decode(in, sizeof(in), exact_out, sizeof(out));
		CHECK(st == LZMA_OK || st == LZMA_TRUNCATED || st == LZMA_CORRUPT);
		free(exact_out);
	}
}

TEST(unpack_makes_branch_targets_relative_again)
{
	/* At 0: E8 with target 0x105 -> 0x100. At 5: E9 with top byte FF and
	 * 25-bit target 0x1FFFFFF (-1) -> -1 - 10 = -11. At 10: E8 whose top
	 * byte is 12, left as it is (not a near branch). The operand's bytes
	 * are skipped (E8 at 16 inside the one at 15 is no opcode); too near
	 * the end (E8 at 20): left. */
	uint8_t code[] = { 0xE8, 0x05, 0x01, 0x00, 0x00,
			   0xE9, 0xFF, 0xFF, 0xFF, 0xFF,
			   0xE8, 0x01, 0x02, 0x03, 0x12,
			   0xE8, 0xE8, 0x00, 0x00, 0x00,
			   0xE8, 0x01 };
	unpack_restore_branches(code, 0, sizeof(code));
	CHECK(code[1] == 0x00 && code[2] == 0x01 && code[3] == 0 && code[4] == 0);
	CHECK(code[6] == 0xF5 && code[7] == 0xFF && code[8] == 0xFF && code[9] == 0xFF);
	CHECK(code[11] == 0x01 && code[12] == 0x02 && code[13] == 0x03 && code[14] == 0x12);
	CHECK(code[16] == 0xD4 && code[17] == 0 && code[18] == 0 && code[19] == 0);
	CHECK(code[20] == 0xE8 && code[21] == 0x01);
	/* Only from start on, and only up to end. */
	uint8_t again[] = { 0xE8, 0x05, 0x01, 0x00, 0x00, 0xE8, 0x0A, 0x00, 0x00, 0x00 };
	unpack_restore_branches(again, 1, 5);
	CHECK(again[1] == 0x05 && again[6] == 0x0A);
}

/* A made-up core: header with the table's bounds, 8 bytes of code, a
 * table of three entries, 4 bytes after it; packed as the stream
 * carries it: [up to the table][the 4 bytes][distances]. */
TEST(unpack_rebuilds_the_relocation_table)
{
	enum { START = 36, END = START + 3 * 8, FILE = END + 4 };
	uint8_t want[FILE] = { 0 }, core[FILE] = { 0 };
	memcpy(want, "BNC1", 4);
	want[16] = START;
	want[20] = END;
	const uint32_t offsets[] = { 40, 44, 300 };
	for (int k = 0; k < 3; k++) {
		want[START + 8 * k] = (uint8_t)offsets[k];
		want[START + 8 * k + 1] = (uint8_t)(offsets[k] >> 8);
		want[START + 8 * k + 4] = 8;
	}
	memcpy(want + END, "tail", 4);
	memcpy(core, want, START);
	memcpy(core + START, "tail", 4);
	const uint8_t distances[] = { 40, 4, 0x80 | (256 & 0x7F), 256 >> 7 };
	memcpy(core + START + 4, distances, sizeof(distances));
	uint32_t stream = START + 4 + sizeof(distances);
	CHECK(unpack_restore_relocs(core, stream, FILE));
	CHECK(memcmp(core, want, FILE) == 0);

	/* A distance cut short, one too many, a table size not whole entries. */
	memcpy(core, want, START);
	memcpy(core + START, "tail", 4);
	memcpy(core + START + 4, distances, 3);
	CHECK(!unpack_restore_relocs(core, stream - 1, FILE));
	memcpy(core, want, START);
	memcpy(core + START, "tail", 4);
	memcpy(core + START + 4, (const uint8_t[]){ 40, 4, 1, 1 }, 4);
	CHECK(!unpack_restore_relocs(core, stream, FILE));
	memcpy(core, want, START);
	core[20] = END - 1;
	CHECK(!unpack_restore_relocs(core, stream, FILE));
	/* Bounds past the file, or a stream too long for the table. */
	memcpy(core, want, START);
	core[20] = FILE + 8;
	CHECK(!unpack_restore_relocs(core, stream, FILE));
	memcpy(core, want, START);
	CHECK(!unpack_restore_relocs(core, FILE, FILE));
}

TEST(unpack_crc32_is_the_ieee_one)
{
	CHECK(unpack_crc32((const uint8_t *)"123456789", 9) == 0xCBF43926u);
	CHECK(unpack_crc32((const uint8_t *)"", 0) == 0);
}

TEST(unpack_core_checks_header_and_crc)
{
	uint8_t want[256];
	size_t n = expected(want);
	struct packed_core *pc = malloc(sizeof(*pc) + sizeof(packed));
	*pc = (struct packed_core){ .magic = PACKED_CORE_MAGIC, .packed_size = sizeof(packed),
				    .file_size = (uint32_t)n, .mem_size = 4096,
				    .crc32 = unpack_crc32(want, (uint32_t)n),
				    .stream_size = (uint32_t)n, .props = PROPS_LC3_PB2 };
	memcpy(pc + 1, packed, sizeof(packed));
	uint8_t out[256];
	size_t need = lzma_scratch_size(PROPS_LC3_PB2);
	void *scratch = malloc(need);
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_OK);
	CHECK(memcmp(out, want, n) == 0);
	CHECK(unpack_core(pc, out, scratch, need - 1) == UNPACK_NO_SCRATCH);
	pc->crc32 ^= 1;
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_BAD_CRC);
	pc->crc32 ^= 1;
	pc->packed_size = 30;
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_TRUNCATED);
	pc->packed_size = sizeof(packed);
	pc->flags = 0x80;
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_BAD_HEADER);
	pc->flags = 0;
	pc->stream_size = (uint32_t)n - 1;     /* short of the file, with no table to make up for it */
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_BAD_HEADER);
	pc->stream_size = (uint32_t)n;
	pc->magic = 0;
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_BAD_HEADER);
	free(scratch);
	free(pc);
}
