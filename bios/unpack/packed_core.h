/* The packed core that follows the 16-bit prefix in bootnet.kpxe,
 * bootnet.pxe and the media images (written by tools/pack-core, unpacked
 * by unpack_core.c; all fields little endian):
 *
 *   0  "BNP1"
 *   4  the size of the LZMA stream after this header
 *   8  the core's size in the file once unpacked (its "BNC1" header's)
 *  12  the core's size in memory, bss included (likewise)
 *  16  the CRC-32 (IEEE 802.3, as zlib's) of the unpacked core
 *  20  how many bytes the LZMA stream decodes to
 *  24  the LZMA properties byte: lc + 9 * (lp + 5 * pb)
 *  25  flags: PACKED_BRANCHES, PACKED_RELOCS
 *  26  zero
 *  28  the raw LZMA1 stream
 *
 * The prefix's assembly reads the same offsets (bios/prefix.S). */
#ifndef BOOTNET_PACKED_CORE_H
#define BOOTNET_PACKED_CORE_H

#include <stdint.h>

#define PACKED_CORE_MAGIC 0x31504e42u   /* "BNP1" */

/* The core's own header (bios/bootnet.lds), which the branch transform
 * leaves alone and whose relocation table bounds PACKED_RELOCS reads. */
#define CORE_HEADER_SIZE 28
#define CORE_REL_START 16
#define CORE_REL_END 20

/* From CORE_HEADER_SIZE on (up to the relocation table with
 * PACKED_RELOCS), every CALL or JMP rel32 (E8, E9) whose operand fits in
 * 25 signed bits (its top byte 00 or FF) had its target made absolute:
 * operand + offset of the next instruction, modulo 2^25, its bit 24 spread
 * over the top byte again. Calls to one function then repeat and pack
 * better. The four bytes after every E8/E9 are skipped either way. */
#define PACKED_BRANCHES 0x01
/* The relocation table (R_386_RELATIVE only, sorted by offset) travels as
 * the distances between offsets, in 7-bit groups (LEB128), after the
 * bytes that follow the table in the file: the stream decodes to
 * [core up to the table][what follows the table][distances]. */
#define PACKED_RELOCS 0x02

struct packed_core {
	uint32_t magic;
	uint32_t packed_size;
	uint32_t file_size;
	uint32_t mem_size;
	uint32_t crc32;
	uint32_t stream_size;
	uint8_t props;
	uint8_t flags;
	uint16_t zero;
} __attribute__((packed));

#endif
