/* The BIOS core's unpacker (bios/unpack/): LZMA against a stream made by
 * Debian's liblzma (Python's lzma module, lc=3 lp=0 pb=2, with its end
 * marker), damaged and cut streams refused without overruns, the CALL
 * operands made relative again, the CRC. tests/tools/test_pack_core.sh
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

TEST(unpack_makes_call_operands_relative_again)
{
	/* E8 at 0 with absolute 0x105 -> relative 0x100; the operand's own
	 * bytes are skipped (an E8 inside it is not an opcode); E8 at 6. */
	uint8_t code[] = { 0xE8, 0x05, 0x01, 0x00, 0x00, 0x90, 0xE8, 0x0B, 0x00, 0x00, 0x00, 0xE8, 0x01 };
	uint8_t in_operand[] = { 0xE8, 0xE8, 0x00, 0x00, 0x00, 0x90 };
	unpack_restore_calls(code, sizeof(code));
	CHECK(code[1] == 0x00 && code[2] == 0x01 && code[3] == 0 && code[4] == 0);
	CHECK(code[7] == 0x00 && code[8] == 0 && code[9] == 0 && code[10] == 0);
	CHECK(code[11] == 0xE8 && code[12] == 0x01);   /* too near the end: left */
	unpack_restore_calls(in_operand, sizeof(in_operand));
	CHECK(in_operand[1] == 0xE3 && in_operand[2] == 0 && in_operand[3] == 0 && in_operand[4] == 0);
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
				    .crc32 = unpack_crc32(want, (uint32_t)n), .props = PROPS_LC3_PB2 };
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
	pc->magic = 0;
	CHECK(unpack_core(pc, out, scratch, need) == UNPACK_BAD_HEADER);
	free(scratch);
	free(pc);
}
