/* bios/unpack/ for the host (with ASan and UBSan): unpacks the packed
 * core at byte OFFSET of FILE (a bootnet.kpxe, or tools/pack-core's
 * output at 0) into OUT and prints unpack_core's status. Used by
 * test_pack_core.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../bios/unpack/unpack_core.h"

#define SCRATCH 16384     /* what bios/prefix.S gives it */

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: unpack-check FILE OFFSET OUT\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0) {
		perror(argv[1]);
		return 2;
	}
	long size = ftell(f), at = strtol(argv[2], NULL, 0);
	if (at < 0 || size - at < (long)sizeof(struct packed_core)) {
		fprintf(stderr, "%s: no packed core at %ld\n", argv[1], at);
		return 2;
	}
	/* Exactly the bytes the file holds: ASan catches any read past them. */
	uint8_t *in = malloc(size - at);
	fseek(f, at, SEEK_SET);
	if (fread(in, 1, size - at, f) != (size_t)(size - at))
		return 2;
	fclose(f);
	struct packed_core header;
	memcpy(&header, in, sizeof(header));
	if (header.file_size > 64u << 20) {
		fprintf(stderr, "%s: a %u-byte core is not believable\n", argv[1], header.file_size);
		return 2;
	}
	if (sizeof(header) + (uint64_t)header.packed_size > (uint64_t)(size - at))
		header.packed_size = (uint32_t)(size - at - sizeof(header));   /* as cut */
	memcpy(in, &header, sizeof(header));
	uint8_t *out = malloc(header.file_size ? header.file_size : 1);
	void *scratch = malloc(SCRATCH);
	enum unpack_status st = unpack_core((const struct packed_core *)in, out, scratch, SCRATCH);
	printf("status %d\n", st);
	FILE *o = fopen(argv[3], "wb");
	if (!o || fwrite(out, 1, header.file_size, o) != header.file_size)
		return 2;
	fclose(o);
	free(in);
	free(out);
	free(scratch);
	return st == UNPACK_OK ? 0 : 1;
}
