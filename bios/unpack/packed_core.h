/* The packed core that follows the 16-bit prefix in bootnet.kpxe,
 * bootnet.pxe and build/bios/media.img (written by tools/pack-core,
 * unpacked by unpack_core.c; all fields little endian):
 *
 *   0  "BNP1"
 *   4  the size of the LZMA stream after this header
 *   8  the core's size in the file once unpacked (its "BNC1" header's)
 *  12  the core's size in memory, bss included (likewise)
 *  16  the CRC-32 (IEEE 802.3, as zlib's) of the unpacked core
 *  20  the LZMA properties byte: lc + 9 * (lp + 5 * pb)
 *  21  flags: PACKED_CALLS
 *  22  zero
 *  24  the raw LZMA1 stream
 *
 * The prefix's assembly reads the same offsets (bios/prefix.S). */
#ifndef BOOTNET_PACKED_CORE_H
#define BOOTNET_PACKED_CORE_H

#include <stdint.h>

#define PACKED_CORE_MAGIC 0x31504e42u   /* "BNP1" */

/* Every E8 (CALL rel32) opcode's operand was made absolute before
 * packing (operand + offset of the next instruction, mod 2^32, the four
 * bytes then skipped), so calls to one function repeat and pack better. */
#define PACKED_CALLS 0x01

struct packed_core {
	uint32_t magic;
	uint32_t packed_size;
	uint32_t file_size;
	uint32_t mem_size;
	uint32_t crc32;
	uint8_t props;
	uint8_t flags;
	uint16_t zero;
} __attribute__((packed));

#endif
