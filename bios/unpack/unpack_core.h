/* Unpacking bootnet's BIOS core (packed_core.h) where the prefix put it:
 * LZMA, then the relocation table rebuilt, then the branches made
 * relative again, then the CRC checked. */
#ifndef BOOTNET_UNPACK_CORE_H
#define BOOTNET_UNPACK_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "packed_core.h"

enum unpack_status {
	UNPACK_OK = 0,
	UNPACK_BAD_PROPS = 1,   /* LZMA settings this decoder can't take */
	UNPACK_NO_SCRATCH = 2,  /* or that need more memory than the prefix has */
	UNPACK_TRUNCATED = 3,   /* the stream ends too soon */
	UNPACK_CORRUPT = 4,     /* the stream is damaged */
	UNPACK_BAD_CRC = 5,     /* it unpacked, but not to what was packed */
	UNPACK_BAD_HEADER = 6,
};

/* Unpacks the core whose header is at PACKED (the stream follows it) into
 * DEST (file_size bytes), using SCRATCH for the LZMA bit models. */
enum unpack_status unpack_core(const struct packed_core *packed, uint8_t *dest,
			       void *scratch, uint32_t scratch_size);

/* The steps after LZMA, for tests. unpack_restore_relocs turns what the
 * stream decoded to (stream_size bytes at core) into the core's file
 * (file_size bytes); false when that cannot be done. */
bool unpack_restore_relocs(uint8_t *core, uint32_t stream_size, uint32_t file_size);
void unpack_restore_branches(uint8_t *code, uint32_t start, uint32_t end);
uint32_t unpack_crc32(const uint8_t *data, uint32_t size);

#endif
