/* A decoder for raw LZMA1 streams (the LZMA specification by Igor Pavlov:
 * a range coder over adaptive bit models, literals coded in the context
 * of the previous byte, matches by length and distance, four recent
 * distances). Written for bootnet's BIOS prefix: it decodes the whole
 * output into one buffer, which is also its dictionary, so it needs no
 * window of its own; its bit models live in memory the caller gives.
 *
 * The code has no static data and no tables, so it runs wherever it is
 * copied (the prefix moves it to the top of base memory) without
 * relocations. It never reads past the input or writes past the output,
 * whatever the stream says. */
#ifndef BOOTNET_LZMA_DECODE_H
#define BOOTNET_LZMA_DECODE_H

#include <stddef.h>
#include <stdint.h>

enum lzma_status {
	LZMA_OK = 0,
	LZMA_BAD_PROPS = 1,     /* lc > 8, lp > 4 or pb > 4 */
	LZMA_NO_SCRATCH = 2,    /* the bit models need more memory than given */
	LZMA_TRUNCATED = 3,     /* the input ended before the output was full */
	LZMA_CORRUPT = 4,       /* a distance before the output's start, a bad
	                         * first byte, an end marker too early */
};

/* The bytes of scratch memory lzma_decode needs for the properties byte
 * (lc + 9 * (lp + 5 * pb)); 0 when the byte is not a valid one. */
size_t lzma_scratch_size(uint8_t props);

/* Decodes the stream in[0..in_size) until out_size bytes are out (an end
 * marker exactly there is allowed). */
enum lzma_status lzma_decode(uint8_t props, const uint8_t *in, size_t in_size,
			     uint8_t *out, size_t out_size,
			     void *scratch, size_t scratch_size);

#endif
