/* libFuzzer target for firmware/bzimage.c (the Linux setup header),
 * firmware/bzimage_params.c (the zero page made from it) and
 * firmware/cpio.c (paths from initrd arguments): kernels and their
 * arguments come from the network. No over-reads (ASan), and accepted
 * headers must be self-consistent. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/bzimage.h"
#include "../../firmware/bzimage_params.h"
#include "../../firmware/cpio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_header(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	struct bzimage_info info;
	char text[128];

	if (!copy)
		return;
	memcpy(copy, data, size);
	enum bz_status status = bzimage_parse(copy, size, &info);
	if (!bz_status_text(status))
		abort();
	if (status == BZ_OK) {
		if (info.setup_size + info.kernel_size != size || info.kernel_size == 0)
			abort();
		if (info.version < 0x0200 || strlen(info.kernel_version) >= sizeof(info.kernel_version))
			abort();
		bzimage_describe(&info, text, sizeof(text));
		bzimage_has_handover(&info, 32);
		bzimage_has_handover(&info, 64);
		/* The zero page copies the header from the image: in bounds. */
		uint8_t params[BZ_BOOT_PARAMS_SIZE];
		bzimage_params_init(params, copy);
		if (memcmp(params + 0x202, "HdrS", 4) != 0)
			abort();
	}
	free(copy);
}

/* The input as initrd arguments: the headers built for the path must be
 * as long as measured and start with the newc magic. */
static void fuzz_cpio(const uint8_t *data, size_t size)
{
	char *args = malloc(size + 1), path[256];
	unsigned mode;

	if (!args)
		return;
	memcpy(args, data, size);
	args[size] = '\0';
	if (cpio_path_from_args(args, path, sizeof(path), &mode)) {
		size_t len = cpio_headers(path, mode, (uint32_t)size, NULL);
		uint8_t *out = malloc(len ? len : 1);
		if (out && cpio_headers(path, mode, (uint32_t)size, out) != len)
			abort();
		if (out && len && (len % CPIO_ALIGN || memcmp(out, "070701", 6) != 0))
			abort();
		free(out);
	}
	free(args);
}

/* The input as the fields of a header whose signatures are right, so the
 * fuzzer spends its time past them: bytes from 0x1f1 on, the boot flag
 * and "HdrS" forced, the image as long as the input says (its first two
 * bytes), at least the header. */
static void fuzz_fields(const uint8_t *data, size_t size)
{
	size_t len, n;
	uint8_t *k;
	if (size < 2)
		return;
	len = 0x300 + ((size_t)data[0] << 8 | data[1]) * 16;
	k = calloc(1, len);
	if (!k)
		return;
	n = size - 2 < len - 0x1f1 ? size - 2 : len - 0x1f1;
	memcpy(k + 0x1f1, data + 2, n);
	k[0x1fe] = 0x55;
	k[0x1ff] = 0xaa;
	memcpy(k + 0x202, "HdrS", 4);
	fuzz_header(k, len);
	free(k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_header(data, size);
	fuzz_fields(data, size);
	if (size < 512)
		fuzz_cpio(data, size);
	return 0;
}
