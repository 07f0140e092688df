/* Unpacking the BIOS core (unpack_core.h). Called once by bios/prefix.S
 * in 32-bit protected mode, from wherever the prefix now lives: no static
 * data, no tables, nothing that needs relocating. */
#include "unpack_core.h"
#include "lzma_decode.h"

#define CALL_OPCODE 0xE8

/* unpack_core hands lzma_decode's failures on as they are. */
_Static_assert(UNPACK_BAD_PROPS == (int)LZMA_BAD_PROPS && UNPACK_NO_SCRATCH == (int)LZMA_NO_SCRATCH &&
	       UNPACK_TRUNCATED == (int)LZMA_TRUNCATED && UNPACK_CORRUPT == (int)LZMA_CORRUPT,
	       "unpack_status and lzma_status must agree");

void unpack_restore_calls(uint8_t *code, uint32_t size)
{
	for (uint32_t i = 0; size >= 5 && i <= size - 5; i++) {
		if (code[i] != CALL_OPCODE)
			continue;
		uint8_t *p = code + i + 1;
		uint32_t operand = p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
				   (uint32_t)p[3] << 24;
		operand -= i + 5;
		p[0] = (uint8_t)operand;
		p[1] = (uint8_t)(operand >> 8);
		p[2] = (uint8_t)(operand >> 16);
		p[3] = (uint8_t)(operand >> 24);
		i += 4;
	}
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
	if (packed->magic != PACKED_CORE_MAGIC || packed->file_size > packed->mem_size ||
	    (packed->flags & ~PACKED_CALLS))
		return UNPACK_BAD_HEADER;
	enum lzma_status st = lzma_decode(packed->props, (const uint8_t *)(packed + 1),
					  packed->packed_size, dest, packed->file_size,
					  scratch, scratch_size);
	if (st != LZMA_OK)
		return (enum unpack_status)st;
	if (packed->flags & PACKED_CALLS)
		unpack_restore_calls(dest, packed->file_size);
	if (unpack_crc32(dest, packed->file_size) != packed->crc32)
		return UNPACK_BAD_CRC;
	return UNPACK_OK;
}
