/* Linux setup header parsing: a modern 64-bit kernel with EFI handover,
 * fields that older protocol versions do not have, a truncated image, a
 * wrong magic, a zImage and a kernel before protocol 2.00. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/bzimage.h"
#include "test.h"

#define SETUP_SECTS 4
#define SETUP_LEN ((SETUP_SECTS + 1) * 512)
#define KERNEL_LEN 4096
#define IMAGE_LEN (SETUP_LEN + KERNEL_LEN)

static void put16(uint8_t *p, uint16_t v) { p[0] = v & 0xff; p[1] = v >> 8; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v & 0xffff); put16(p + 2, v >> 16); }

/* A kernel speaking protocol version, with a header as long as it has. */
static uint8_t *make_kernel(uint16_t version)
{
	uint8_t *k = calloc(1, IMAGE_LEN);
	k[0x1f1] = SETUP_SECTS;
	put32(k + 0x1f4, KERNEL_LEN / 16);
	put16(k + 0x1fe, 0xaa55);
	k[0x200] = 0xeb;
	k[0x201] = 0x6a; /* the header ends at 0x26c, as in 2.12+ kernels */
	memcpy(k + 0x202, "HdrS", 4);
	put16(k + 0x206, version);
	put16(k + 0x20e, 0x300); /* kernel version string at 0x500 */
	strcpy((char *)k + 0x500, "6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP");
	k[0x211] = 0x01;         /* LOADED_HIGH */
	put32(k + 0x214, 0x100000);
	put32(k + 0x22c, 0x7fffffff);
	put32(k + 0x230, 0x200000);
	k[0x234] = 1;
	put16(k + 0x236, 0x7f);
	put32(k + 0x238, 2047);
	put32(k + 0x258, 0x1000000);
	put32(k + 0x25c, 0);
	put32(k + 0x260, 0x3f98000);
	put32(k + 0x264, 0x7c8db0);
	return k;
}

TEST(bzimage_reads_a_modern_kernel)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	char text[128];
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(info.version == 0x020f);
	CHECK(info.setup_size == SETUP_LEN && info.kernel_size == KERNEL_LEN);
	CHECK(info.xloadflags == 0x7f);
	CHECK(bzimage_is_64bit(&info));
	CHECK(info.pref_address == 0x1000000);
	CHECK(info.init_size == 0x3f98000);
	CHECK(info.handover_offset == 0x7c8db0);
	CHECK(info.cmdline_size == 2047);
	CHECK(info.initrd_addr_max == 0x7fffffff);
	CHECK(info.relocatable && info.kernel_alignment == 0x200000);
	CHECK(bzimage_has_handover(&info, 32) && bzimage_has_handover(&info, 64));
	CHECK_STR(info.kernel_version, "6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP");
	bzimage_describe(&info, text, sizeof(text));
	CHECK_STR(text, "Linux 6.1.0-56-amd64 (boot protocol 2.15, 64-bit, EFI handover 32/64)");
	free(k);
}

TEST(bzimage_handover_needs_the_flag_for_the_firmware_word_size)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	put16(k + 0x236, 0x0b); /* 64-bit, above 4G, handover 64 only */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(!bzimage_has_handover(&info, 32) && bzimage_has_handover(&info, 64));
	put32(k + 0x264, 0); /* no handover entry at all */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(!bzimage_has_handover(&info, 64));
	free(k);
}

TEST(bzimage_older_protocols_lack_newer_fields)
{
	uint8_t *k = make_kernel(0x0209);
	struct bzimage_info info;
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(info.pref_address == 0 && info.init_size == 0);
	CHECK(info.handover_offset == 0 && info.xloadflags == 0);
	CHECK(!bzimage_is_64bit(&info) && !bzimage_has_handover(&info, 64));
	CHECK(info.cmdline_size == 2047);
	free(k);

	k = make_kernel(0x0202);
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(info.cmdline_size == 255 && info.initrd_addr_max == 0x37ffffff);
	free(k);
}

TEST(bzimage_header_shorter_than_its_version_says)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	k[0x201] = 0x2e; /* header ends at 0x230: nothing from 2.05 on is read */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK(info.handover_offset == 0 && info.xloadflags == 0 && info.cmdline_size == 255);
	k[0x201] = 0x00; /* the jump lands on "HdrS": no header at all */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_TRUNCATED);
	free(k);
}

TEST(bzimage_truncated_kernels_are_refused)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	int truncated = 0, tries = 0;
	for (size_t n = 0x210; n < IMAGE_LEN; n += 97, tries++) {
		uint8_t *copy = malloc(n);
		memcpy(copy, k, n);
		truncated += bzimage_parse(copy, n, &info) == BZ_TRUNCATED;
		free(copy);
	}
	CHECK(truncated == tries);
	CHECK(bzimage_parse(k, 0x100, &info) == BZ_NOT_LINUX);
	free(k);
}

TEST(bzimage_wrong_magic_old_protocol_and_zimage)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	memcpy(k + 0x202, "HdrX", 4);
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_NOT_LINUX);
	memcpy(k + 0x202, "HdrS", 4);
	put16(k + 0x1fe, 0x55aa);
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_NOT_LINUX);
	put16(k + 0x1fe, 0xaa55);
	put16(k + 0x206, 0x0105);
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_TOO_OLD);
	put16(k + 0x206, 0x0204);
	k[0x211] = 0; /* not LOADED_HIGH */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_NOT_BZIMAGE);
	CHECK_CONTAINS(bz_status_text(BZ_NOT_BZIMAGE), "zImage");
	free(k);
}

TEST(bzimage_version_string_must_end_inside_the_setup)
{
	uint8_t *k = make_kernel(0x020f);
	struct bzimage_info info;
	memset(k + 0x500, 'x', SETUP_LEN - 0x500); /* no NUL before the kernel */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK_STR(info.kernel_version, "");
	put16(k + 0x20e, 0xffff); /* points past the setup */
	CHECK(bzimage_parse(k, IMAGE_LEN, &info) == BZ_OK);
	CHECK_STR(info.kernel_version, "");
	free(k);
}

/* The zero page: the setup header copied, loader fields, e820 merging. */
#include "../../firmware/bzimage_params.h"

static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

TEST(bzimage_params_copy_the_header_and_set_the_loader_fields)
{
	uint8_t *k = make_kernel(0x020f);
	uint8_t params[BZ_BOOT_PARAMS_SIZE];
	memset(params, 0xaa, sizeof(params));
	bzimage_params_init(params, k);
	CHECK(params[0] == 0 && params[0x1f0] == 0 && params[0x26c] == 0 && params[0xfff] == 0);
	CHECK(memcmp(params + 0x202, "HdrS", 4) == 0);
	CHECK(get32(params + 0x264) == 0x7c8db0);      /* handover_offset, the last field */
	CHECK(params[BP_TYPE_OF_LOADER] == 0xff);
	bzimage_params_set(params, 0x1000000, 0x12345000, 0x123456789000ULL, 0x100000001ULL);
	CHECK(get32(params + BP_CODE32_START) == 0x1000000);
	CHECK(get32(params + BP_CMD_LINE_PTR) == 0x12345000 && get32(params + BP_EXT_CMD_LINE_PTR) == 0);
	CHECK(get32(params + BP_RAMDISK_IMAGE) == 0x56789000);
	CHECK(get32(params + BP_EXT_RAMDISK_IMG) == 0x1234);
	CHECK(get32(params + BP_RAMDISK_SIZE) == 1 && get32(params + BP_EXT_RAMDISK_SIZE) == 1);
	free(k);
}

TEST(bzimage_params_e820_merges_neighbours_and_stops_when_full)
{
	uint8_t params[BZ_BOOT_PARAMS_SIZE] = { 0 };
	CHECK(bzimage_params_add_e820(params, 0, 0x9f000, E820_RAM));
	CHECK(bzimage_params_add_e820(params, 0x100000, 0x100000, E820_RAM));  /* a hole before */
	CHECK(bzimage_params_add_e820(params, 0x200000, 0x300000, E820_RAM));  /* touches: merged */
	CHECK(bzimage_params_add_e820(params, 0x500000, 0x1000, E820_ACPI));   /* another type */
	CHECK(bzimage_params_add_e820(params, 0x501000, 0, E820_RAM));         /* empty: ignored */
	CHECK(params[BP_E820_ENTRIES] == 3);
	const uint8_t *e = params + BP_E820_TABLE;
	CHECK(get32(e + 20) == 0x100000 && get32(e + 28) == 0x400000 && get32(e + 36) == E820_RAM);
	CHECK(get32(e + 40) == 0x500000 && get32(e + 56) == E820_ACPI);
	for (unsigned i = 0; params[BP_E820_ENTRIES] < BP_E820_MAX; i++)
		CHECK(bzimage_params_add_e820(params, 0x10000000ULL + i * 0x2000, 0x1000, E820_RAM));
	CHECK(!bzimage_params_add_e820(params, 0x90000000ULL, 0x1000, E820_RAM));
	/* Still merges into the last entry when full. */
	CHECK(bzimage_params_add_e820(params, 0x10000000ULL + 124 * 0x2000 + 0x1000, 0x1000, E820_RAM));
}

/* On BIOS the setup code copied below 1 MiB is the zero page: the loader's
 * fields go into its header in place, nothing outside it changes. */
TEST(bzimage_params_realmode_fields_are_written_in_the_header_only)
{
	uint8_t *k = make_kernel(0x020f);
	uint8_t *before = malloc(SETUP_LEN);
	k[0x211] |= 0x20; /* QUIET, which bootnet turns off */
	memcpy(before, k, SETUP_LEN);
	bzimage_params_set_realmode(k, 0x100000, 0xe000 - 0x200, 0x2d8c0, 0x1e000000, 12345);
	CHECK(k[BP_TYPE_OF_LOADER] == 0xff);
	CHECK(k[0x1fa] == 0xff && k[0x1fb] == 0xff);               /* vid_mode: normal */
	CHECK(k[BP_LOADFLAGS] == (BZ_LOADED_HIGH | BZ_CAN_USE_HEAP));
	CHECK(k[0x224] == 0x00 && k[0x225] == 0xde);               /* heap_end_ptr 0xde00 */
	CHECK(get32(k + BP_CODE32_START) == 0x100000);
	CHECK(get32(k + BP_CMD_LINE_PTR) == 0x2d8c0);
	CHECK(get32(k + BP_RAMDISK_IMAGE) == 0x1e000000 && get32(k + BP_RAMDISK_SIZE) == 12345);
	/* Outside the header (boot sector, setup code) nothing moved. */
	CHECK(memcmp(k, before, 0x1f1) == 0);
	CHECK(memcmp(k + 0x26c, before + 0x26c, SETUP_LEN - 0x26c) == 0);
	/* The fields no loader writes stay the kernel's. */
	CHECK(memcmp(k + 0x202, "HdrS", 4) == 0 && get32(k + 0x264) == 0x7c8db0);
	free(before);
	free(k);
}
