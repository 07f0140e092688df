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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct mem_range ram[] = { { 0, 0x9fc00 }, { 0x100000, 0x20000000 } };
static const struct mem_range own = { 0x10000000, 0x20000000 };

static int overlap(uint64_t s1, uint64_t e1, uint64_t s2, uint64_t e2)
{
	return s1 < e2 && s2 < e1;
}

/* A valid multiboot header (so the checksum is no obstacle) is written
 * where the input's last two bytes say, with the flags the four before
 * them say; the rest is the image around it (ELF headers, a.out addresses). */
static void fuzz_multiboot(uint8_t *data, size_t size)
{
	struct mb_kernel k;
	char why[256];
	uint32_t lens[2] = { (uint32_t)size, 4096 }, starts[2], info;

	if (size >= 32) {
		const uint8_t *control = data + size - 6;
		size_t room = size - 18 < MB_SEARCH ? size - 18 : MB_SEARCH;
		size_t at = (((size_t)control[4] | (size_t)control[5] << 8) % room) & ~(size_t)3;
		uint32_t flags = (uint32_t)control[0] | (uint32_t)control[1] << 8 |
				 (uint32_t)control[2] << 16 | (uint32_t)control[3] << 24;
		uint32_t words[3] = { MB_HEADER_MAGIC, flags, (uint32_t)-(MB_HEADER_MAGIC + flags) };
		if (at >= 8)
			memcpy(data + at, words, sizeof(words));
	}
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

static uint32_t take32(const uint8_t **p)
{
	uint32_t v = (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8 | (uint32_t)(*p)[2] << 16 |
		     (uint32_t)(*p)[3] << 24;
	*p += 4;
	return v;
}

/* The layout with every input taken from the fuzzer's bytes: the header
 * fields a kernel claims, the memory map, bootnet's range, base memory. */
static void fuzz_linux_layout(const uint8_t *data, size_t size)
{
	struct bzimage_info bz = { 0 };
	struct mem_range map[3];
	struct linux_layout l;
	char why[256];
	const uint8_t *p = data;

	if (size < 4 * 19) /* the 19 words read below */
		return;
	bz.version = (uint16_t)take32(&p);
	bz.setup_size = take32(&p) % 0x10000;
	bz.kernel_size = take32(&p) % 0x4000000;
	bz.initrd_addr_max = take32(&p);
	bz.kernel_alignment = take32(&p) % 0x4000001;
	bz.relocatable = take32(&p) & 1;
	bz.cmdline_size = take32(&p) % 4096;
	bz.pref_address = take32(&p) % 0x40000000;
	bz.init_size = take32(&p) % 0x10000000;
	/* Base memory, RAM from 1 MiB, and one more range anywhere. */
	map[0] = (struct mem_range){ 0, 0x9fc00 };
	map[1].start = 0x100000;
	map[1].end = 0x100000 + take32(&p) % 0x80000000;
	map[2].start = take32(&p);
	map[2].end = map[2].start + take32(&p) % 0x40000000;
	p += 12;
	struct linux_layout_request req = {
		.bz = &bz, .ram = map, .ram_count = 3,
		.cmdline_len = take32(&p) % 4096,
		.initrd_len = take32(&p) % 0x20000000,
	};
	req.own.start = 0x100000 + take32(&p) % 0x80000000;
	req.own.end = req.own.start + 0x1000000;
	req.base_free.start = 0x500;
	req.base_free.end = 0x500 + take32(&p) % 0xa0000;
	if (linux_layout_compute(&req, &l, why, sizeof(why)) != 0) {
		if (!why[0])
			abort(); /* a refusal always says why */
		return;
	}
	if (bz.version < 0x0202 || bz.setup_size > 0x8000 || req.cmdline_len > bz.cmdline_size)
		abort();
	if (l.setup < req.base_free.start || l.cmdline + req.cmdline_len + 1 > req.base_free.end ||
	    l.cmdline + req.cmdline_len + 1 > 0xa0000 || l.setup_seg != l.setup >> 4)
		abort();
	if (overlap(l.kernel, l.kernel_end, req.own.start, req.own.end) || l.kernel < 0x100000 ||
	    l.kernel_end > 0x100000000ull || l.kernel_end < l.kernel + bz.kernel_size)
		abort();
	int kernel_in_ram = 0, initrd_in_ram = 0;
	for (int i = 0; i < 3; i++) {
		kernel_in_ram |= map[i].start <= l.kernel && l.kernel_end <= map[i].end;
		initrd_in_ram |= map[i].start <= l.initrd && l.initrd + req.initrd_len <= map[i].end;
	}
	if (!kernel_in_ram || (req.initrd_len && !initrd_in_ram))
		abort();
	if (req.initrd_len &&
	    (overlap(l.initrd, l.initrd + req.initrd_len, l.kernel, l.kernel_end) ||
	     overlap(l.initrd, l.initrd + req.initrd_len, req.own.start, req.own.end) ||
	     (uint64_t)l.initrd + req.initrd_len > (uint64_t)bz.initrd_addr_max + 1 ||
	     l.initrd % 4096 != 0 || l.initrd < 0x100000))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	fuzz_linux_layout(data, size);
	fuzz_multiboot(copy, size);
	free(copy);
	return 0;
}
