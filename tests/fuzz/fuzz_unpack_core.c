/* libFuzzer target for bios/unpack/ (the BIOS prefix's LZMA unpacker):
 * bootnet.kpxe comes from the network, and the prefix unpacks whatever
 * follows it. The input's first byte picks the LZMA settings and the
 * next two the output size; the rest is the stream. No over-reads or
 * over-writes (ASan, exact-size buffers), and a status always. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../bios/unpack/lzma_decode.h"
#include "../../bios/unpack/unpack_core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	uint8_t props = data[0] % (9 * 5 * 5);
	size_t out_size = 1 + (data[1] | (size_t)data[2] << 8);
	size_t scratch_size = lzma_scratch_size(props);
	if (scratch_size > 16384)
		return 0;
	uint8_t *in = malloc(size - 3 + 1);
	uint8_t *out = malloc(out_size);
	void *scratch = malloc(scratch_size);
	memcpy(in, data + 3, size - 3);
	enum lzma_status st = lzma_decode(props, in, size - 3, out, out_size, scratch, scratch_size);
	if (st > LZMA_CORRUPT)
		abort();
	if (st == LZMA_OK) {
		/* What follows LZMA, on what it made: the table's bounds come
		 * from the output itself, as in a core. */
		unpack_restore_relocs(out, (uint32_t)out_size, (uint32_t)out_size);
		unpack_restore_branches(out, 0, (uint32_t)out_size);
	}
	free(in);
	free(out);
	free(scratch);
	return 0;
}
