/* libFuzzer target for the BIOS loaders' decisions, all made on kernels
 * from the network: bios/multiboot.c (header, ELF or a.out load plan,
 * placement, information structure) and bios/bios_linux_layout.c (where
 * a bzImage's pieces go). No over-reads (ASan), and whatever is accepted
 * must be consistent: segments inside the image, nothing placed on
 * bootnet, the initrd clear of the kernel and below initrd_addr_max. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../bios/bios_linux_layout.h"
#include "../../bios/multiboot.h"
#include "../../firmware/bzimage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct mem_range ram[] = { { 0, 0x9fc00 }, { 0x100000, 0x20000000 } };
static const struct mem_range own = { 0x10000000, 0x20000000 };

static int overlap(uint64_t s1, uint64_t e1, uint64_t s2, uint64_t e2)
{
	return s1 < e2 && s2 < e1;
}

static void fuzz_multiboot(const uint8_t *data, size_t size)
{
	struct mb_kernel k;
	char why[256];
	uint32_t lens[2] = { (uint32_t)size, 4096 }, starts[2], info;

	if (mb_kernel_parse(data, size, &k, why, sizeof(why)) != 0)
		return;
	if (k.segment_count < 1 || k.segment_count > MB_MAX_SEGMENTS)
		abort();
	for (int i = 0; i < k.segment_count; i++) {
		const struct mb_segment *s = &k.segments[i];
		if ((uint64_t)s->file_offset + s->file_size > size || s->file_size > s->mem_size)
			abort();
		if (s->dest < k.low || (uint64_t)s->dest + s->mem_size > k.high)
			abort();
	}
	struct mb_module mods[2] = { { 0, lens[0], "a" }, { 0, lens[1], "b c" } };
	struct mb_info_request req = { .cmdline = "kernel x", .modules = mods, .module_count = 2,
				       .ram = ram, .ram_count = 2, .loader_name = "bootnet" };
	size_t info_len = mb_info_build(&req, NULL, 0);
	if (mb_layout(&k, ram, 2, own, lens, 2, info_len, starts, &info, why, sizeof(why)) != 0)
		return;
	if (overlap(starts[0], starts[0] + lens[0], own.start, own.end) ||
	    overlap(info, info + info_len, own.start, own.end) || starts[0] < k.high ||
	    info < starts[1] + lens[1])
		abort();
	uint8_t *out = malloc(info_len);
	if (out && mb_info_build(&req, out, info) != info_len)
		abort();
	free(out);
}

static void fuzz_linux_layout(const uint8_t *data, size_t size)
{
	struct bzimage_info bz;
	struct linux_layout l;
	char why[256];

	if (bzimage_parse(data, size, &bz) != BZ_OK)
		return;
	struct linux_layout_request req = {
		.bz = &bz, .ram = ram, .ram_count = 2, .own = own,
		.base_free = { 0x7c00, 0x95000 }, .cmdline_len = size % 300,
		.initrd_len = size * 3,
	};
	if (linux_layout_compute(&req, &l, why, sizeof(why)) != 0)
		return;
	if (bz.version < 0x0202 || bz.setup_size > 0x8000 || req.cmdline_len > bz.cmdline_size)
		abort();
	if (l.cmdline + req.cmdline_len + 1 > 0x95000 || l.setup < 0x7c00)
		abort();
	if (overlap(l.kernel, l.kernel_end, own.start, own.end) || l.kernel < 0x100000)
		abort();
	if (overlap(l.initrd, l.initrd + req.initrd_len, l.kernel, l.kernel_end) ||
	    overlap(l.initrd, l.initrd + req.initrd_len, own.start, own.end) ||
	    (uint64_t)l.initrd + req.initrd_len > (uint64_t)bz.initrd_addr_max + 1 ||
	    l.initrd % 4096 != 0 || l.initrd < 0x100000)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	fuzz_multiboot(copy, size);
	fuzz_linux_layout(copy, size);
	free(copy);
	return 0;
}
