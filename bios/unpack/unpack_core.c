/* Unpacking the BIOS core (unpack_core.h). Called once by bios/prefix.S
 * in 32-bit protected mode, from wherever the prefix now lives: no static
 * data, no tables, nothing that needs relocating. */
#include "unpack_core.h"
#include "lzma_decode.h"

#define CALL_OPCODE 0xE8
#define JMP_OPCODE 0xE9
#define R_386_RELATIVE 8
#define LEB128_MAX 5            /* bytes of one 32-bit distance */

/* unpack_core hands lzma_decode's failures on as they are. */
_Static_assert(UNPACK_BAD_PROPS == (int)LZMA_BAD_PROPS && UNPACK_NO_SCRATCH == (int)LZMA_NO_SCRATCH &&
	       UNPACK_TRUNCATED == (int)LZMA_TRUNCATED && UNPACK_CORRUPT == (int)LZMA_CORRUPT,
	       "unpack_status and lzma_status must agree");

static uint32_t get32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

void unpack_restore_branches(uint8_t *code, uint32_t start, uint32_t end)
{
	for (uint32_t i = start; end >= 5 && i <= end - 5; i++) {
		if (code[i] != CALL_OPCODE && code[i] != JMP_OPCODE)
			continue;
		uint8_t *operand = code + i + 1;
		if (operand[3] == 0x00 || operand[3] == 0xFF) {
			uint32_t target = (get32(operand) & 0xFFFFFFu) | (operand[3] ? 0x1000000u : 0);
			uint32_t rel = (target - (i + 5)) & 0x1FFFFFFu;
			if (rel & 0x1000000u)
				rel |= 0xFE000000u;     /* bit 24 is the sign */
			put32(operand, rel);
		}
		i += 4;
	}
}

/* Copies n bytes from src to dst, higher addresses first: dst may overlap
 * src from above. */
static void move_up(uint8_t *dst, const uint8_t *src, uint32_t n)
{
	while (n--)
		dst[n] = src[n];
}

bool unpack_restore_relocs(uint8_t *core, uint32_t stream_size, uint32_t file_size)
{
	if (file_size < CORE_HEADER_SIZE || stream_size < CORE_HEADER_SIZE)
		return false;
	uint32_t start = get32(core + CORE_REL_START), end = get32(core + CORE_REL_END);
	if (start < CORE_HEADER_SIZE || start > end || end > file_size || (end - start) % 8)
		return false;
	uint32_t tail = file_size - end;
	if (stream_size - start < tail)
		return false;
	uint32_t distances = stream_size - start - tail;
	if (distances > end - start - tail)
		return false;   /* the moves below would overlap the wrong way */
	/* [start, start + tail) to the file's end, then the distances to the
	 * table's end, then the entries written from its start: never past
	 * what is still to be read, as each entry (8 bytes) comes from at
	 * least one byte and at most LEB128_MAX. */
	for (uint32_t i = 0; i < tail; i++)
		core[end + i] = core[start + i];
	move_up(core + end - distances, core + start + tail, distances);
	const uint8_t *in = core + end - distances;
	uint32_t offset = 0;
	for (uint8_t *out = core + start; out < core + end; out += 8) {
		uint32_t delta = 0;
		for (int shift = 0;; shift += 7) {
			if (in == core + end || shift >= 7 * LEB128_MAX)
				return false;
			uint8_t b = *in++;
			delta |= (uint32_t)(b & 0x7F) << shift;
			if (!(b & 0x80))
				break;
		}
		offset += delta;
		put32(out, offset);
		put32(out + 4, R_386_RELATIVE);
	}
	return in == core + end;
}

/* Bit by bit: a table would be static data, and this runs once. */
uint32_t unpack_crc32(const uint8_t *data, uint32_t size)
{
	uint32_t crc = 0xFFFFFFFFu;

	for (uint32_t i = 0; i < size; i++) {
		crc ^= data[i];
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

enum unpack_status unpack_core(const struct packed_core *packed, uint8_t *dest,
			       void *scratch, uint32_t scratch_size)
{
	uint8_t flags = packed->flags;
	if (packed->magic != PACKED_CORE_MAGIC || packed->file_size > packed->mem_size ||
	    (flags & ~(PACKED_BRANCHES | PACKED_RELOCS)) || packed->stream_size > packed->file_size ||
	    (!(flags & PACKED_RELOCS) && packed->stream_size != packed->file_size))
		return UNPACK_BAD_HEADER;
	enum lzma_status st = lzma_decode(packed->props, (const uint8_t *)(packed + 1),
					  packed->packed_size, dest, packed->stream_size,
					  scratch, scratch_size);
	if (st != LZMA_OK)
		return (enum unpack_status)st;
	uint32_t branches_end = packed->file_size;
	if (flags & PACKED_RELOCS) {
		if (!unpack_restore_relocs(dest, packed->stream_size, packed->file_size))
			return UNPACK_CORRUPT;
		branches_end = get32(dest + CORE_REL_START);
	}
	if (flags & PACKED_BRANCHES)
		unpack_restore_branches(dest, CORE_HEADER_SIZE, branches_end);
	if (unpack_crc32(dest, packed->file_size) != packed->crc32)
		return UNPACK_BAD_CRC;
	return UNPACK_OK;
}
