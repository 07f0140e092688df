/* Where a Linux kernel goes on BIOS (bios/bios_linux_layout.c): a Debian
 * kernel in 512 MiB with bootnet at the top, a low initrd_addr_max, too
 * little memory, bootnet where the kernel must go, several initrds built
 * into the place found for them, and kernels the layout refuses. */
#include <stdlib.h>
#include <string.h>
#include "../../bios/bios_linux_layout.h"
#include "../../firmware/image.h"
#include "../../firmware/image_initrd.h"
#include "test.h"

#define MIB 0x100000ull

/* What bzimage_parse says of Debian 12's kernel (6.1, protocol 2.15). */
static struct bzimage_info debian_kernel(void)
{
	struct bzimage_info bz = { 0 };
	bz.version = 0x020f;
	bz.setup_sects = 0x1f;
	bz.setup_size = 0x20 * 512;
	bz.kernel_size = 7800000;
	bz.loadflags = BZ_LOADED_HIGH;
	bz.code32_start = 0x100000;
	bz.initrd_addr_max = 0x7fffffff;
	bz.kernel_alignment = 0x200000;
	bz.relocatable = true;
	bz.cmdline_size = 2047;
	bz.pref_address = 0x1000000;
	bz.init_size = 0x3f98000;
	return bz;
}

/* 512 MiB as SeaBIOS reports it, bootnet in its top 32 MiB. */
static const struct mem_range ram_512m[] = { { 0, 0x9fc00 }, { MIB, 512 * MIB } };

static struct linux_layout_request request(const struct bzimage_info *bz)
{
	struct linux_layout_request req = {
		.bz = bz, .ram = ram_512m, .ram_count = 2,
		.own = { 480 * MIB, 512 * MIB }, .base_free = { 0x1f8c0, 0x9a000 },
		.cmdline_len = 100, .initrd_len = 20 * MIB + 123,
	};
	return req;
}

static int overlap(uint64_t s1, uint64_t e1, uint64_t s2, uint64_t e2)
{
	return s1 < e2 && s2 < e1;
}

TEST(linux_layout_debian_kernel_in_512_mib)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256] = "";
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK_STR(why, "");
	/* Setup at the first 16-byte boundary of free base memory, the heap
	 * to +0xe000, the command line after it, all below 640 KiB. */
	CHECK(l.setup == 0x1f8c0 && l.setup_seg == 0x1f8c);
	CHECK(l.heap_end == 0xe000 && l.cmdline == 0x1f8c0 + 0xe000);
	CHECK(l.cmdline + req.cmdline_len + 1 <= req.base_free.end);
	/* The 32-bit kernel at 1 MiB; it decompresses at 16 MiB. */
	CHECK(l.kernel == 0x100000);
	CHECK(l.kernel_end == 0x1000000 + 0x3f98000);
	/* The initrd right below bootnet, 4 KiB aligned. */
	CHECK(l.initrd % 4096 == 0);
	CHECK(l.initrd + req.initrd_len <= 480 * MIB);
	CHECK(l.initrd + req.initrd_len > 480 * MIB - 4096);
	CHECK(!overlap(l.initrd, l.initrd + req.initrd_len, l.kernel, l.kernel_end));
}

TEST(linux_layout_initrd_stays_below_initrd_addr_max)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	bz.initrd_addr_max = 0x0fffffff; /* the last byte may be at 256 MiB - 1 */
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.initrd + req.initrd_len <= 256 * MIB);
	CHECK(l.initrd + req.initrd_len > 256 * MIB - 4096);
	/* Old kernels (before 2.03) get the protocol's default, 0x37ffffff. */
	bz.initrd_addr_max = 0x37ffffff;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.initrd + req.initrd_len <= 0x38000000);
}

TEST(linux_layout_initrd_never_overlaps_the_decompressing_kernel)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	/* The kernel reaches from 1 MiB to ~80 MiB while it decompresses: an
	 * initrd that must end below 64 MiB has nowhere to go. */
	bz.initrd_addr_max = 64 * MIB - 1;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "no room for the");
	CHECK_CONTAINS(why, "initrd below 0x4000000");
}

TEST(linux_layout_too_little_memory_is_refused)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	/* 48 MiB of RAM, a hole, bootnet in a bank of its own higher up:
	 * the kernel's 80 MiB reach falls into the hole. */
	static const struct mem_range ram[] = { { 0, 0x9fc00 }, { MIB, 48 * MIB },
						{ 112 * MIB, 128 * MIB } };
	req.ram = ram;
	req.ram_count = 3;
	req.own = (struct mem_range){ 120 * MIB, 128 * MIB };
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "too little memory");
	CHECK_CONTAINS(why, "0x100000-0x4f98000");

	/* Base memory too small for setup, heap and command line. */
	req = request(&bz);
	req.base_free = (struct mem_range){ 0x90000, 0x9a000 };
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "of base memory; only 40960 are free (0x90000-0x9a000)");
}

TEST(linux_layout_bootnet_where_the_kernel_must_go)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	/* bootnet low, at 2-40 MiB: a relocatable kernel goes above it... */
	req.own = (struct mem_range){ 2 * MIB, 40 * MIB };
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.kernel == 40 * MIB && l.kernel_end == 40 * MIB + 0x3f98000);
	CHECK(!overlap(l.initrd, l.initrd + req.initrd_len, 2 * MIB, 40 * MIB));
	CHECK(!overlap(l.initrd, l.initrd + req.initrd_len, l.kernel, l.kernel_end));
	CHECK(l.initrd + req.initrd_len <= 512 * MIB);
	/* ...one that is not relocatable cannot be placed. */
	bz.relocatable = false;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "bootnet itself occupies 0x200000-0x2800000, where the kernel must go");
	/* Relocatable, but bootnet fills memory up to its end. */
	bz.relocatable = true;
	req.own = (struct mem_range){ 2 * MIB, 500 * MIB };
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "no room above bootnet either");
}

static struct image *add_image(const char *name, size_t len, int fill, const char *args)
{
	struct image *img = image_new(name);
	uint8_t *bytes = malloc(len);
	memset(bytes, fill, len);
	image_write(img, 0, bytes, len);
	free(bytes);
	if (args)
		image_set_cmdline(img, args);
	image_register(img);
	return img;
}

TEST(linux_layout_several_initrds_placed_together)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	struct image *kernel = add_image("vmlinuz", 8192, 0x11, NULL);
	add_image("initrd.gz", 5001, 0x22, NULL);
	add_image("e1000.ko", 3003, 0x33, "/lib/modules/e1000.ko mode=644");
	add_image("extra.gz", 7, 0x44, NULL);
	/* A RAM map small enough to stand in for memory here: 1 MiB..96 MiB,
	 * bootnet at 88-96 MiB; the initrds go right below it. */
	static const struct mem_range ram[] = { { 0, 0x9fc00 }, { MIB, 96 * MIB } };
	req.ram = ram;
	req.own = (struct mem_range){ 88 * MIB, 96 * MIB };
	req.initrd_len = image_initrd_build(kernel, NULL);
	CHECK(req.initrd_len > 5001 + 3003 + 7);
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.initrd % 4096 == 0 && l.initrd >= l.kernel_end);
	CHECK(l.initrd + req.initrd_len <= 88 * MIB);

	/* Built at that address of a pretend memory, each piece is where the
	 * newc format wants it: initrd.gz first, the module after its cpio
	 * headers, extra.gz 4-byte aligned at the end. */
	uint8_t *memory = calloc(1, 96 * MIB - l.initrd);
	image_initrd_build(kernel, memory);
	uint8_t *blob = memory;
	CHECK(blob[0] == 0x22 && blob[5000] == 0x22);
	CHECK(memcmp(blob + 5004, "070701", 6) == 0);
	CHECK(blob[req.initrd_len - 1] == 0x44 && blob[req.initrd_len - 7] == 0x44);
	CHECK((req.initrd_len - 7) % 4 == 0);
	size_t module_end = req.initrd_len - 7;
	while (module_end > 0 && blob[module_end - 1] == 0)
		module_end--;
	CHECK(module_end >= 3003 && module_end + 3 >= req.initrd_len - 7);
	CHECK(blob[module_end - 1] == 0x33 && blob[module_end - 3003] == 0x33);
	CHECK(blob[module_end - 3004] == 0);  /* the header's name padding */
	free(memory);
	image_free_all();
}

TEST(linux_layout_refuses_old_protocols_long_command_lines_and_big_setups)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	bz.version = 0x0201;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "boot protocol 2.01; bootnet needs 2.02 or later");
	bz.version = 0x0202;
	bz.cmdline_size = 255;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	req.cmdline_len = 256;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "the command line is 256 bytes; this kernel takes at most 255");
	req.cmdline_len = 10;
	bz.setup_size = 65 * 512;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "real-mode setup is 33280 bytes");
	/* No initrd: none placed. */
	bz = debian_kernel();
	req = request(&bz);
	req.initrd_len = 0;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.initrd == 0);
}

/* Before protocol 2.10 a kernel does not say how much it needs to
 * decompress: four times its size is reserved from 1 MiB. */
TEST(linux_layout_old_kernels_get_a_generous_reach)
{
	struct bzimage_info bz = debian_kernel();
	struct linux_layout_request req = request(&bz);
	struct linux_layout l;
	char why[256];
	bz.version = 0x0209;
	bz.pref_address = 0;
	bz.init_size = 0;
	bz.relocatable = false;
	CHECK(linux_layout_compute(&req, &l, why, sizeof(why)) == 0);
	CHECK(l.kernel == 0x100000 && l.kernel_end == 0x100000 + 4ull * bz.kernel_size);
}
