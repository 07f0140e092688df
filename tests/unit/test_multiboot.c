/* Multiboot 1 (bios/multiboot.c): an ELF kernel linked high and loaded
 * low, the a.out kludge, the header and image faults that are refused,
 * where modules and the information go, and the information itself. */
#include <stdlib.h>
#include <string.h>
#include "../../bios/multiboot.h"
#include "../../firmware/byteorder.h"
#include "test.h"

#define MIB 0x100000u
#define IMAGE_LEN 0x3000

static void put_header(uint8_t *at, uint32_t flags)
{
	put_le32(at, MB_HEADER_MAGIC);
	put_le32(at + 4, flags);
	put_le32(at + 8, (uint32_t)-(MB_HEADER_MAGIC + flags));
}

/* An ELF32 i386 executable: one PT_LOAD of 0x2000 file bytes (0x3000 in
 * memory) from offset 0x1000, linked at 0xc0100000, loaded at 1 MiB;
 * its multiboot header at the start of that segment. */
static uint8_t *make_elf(void)
{
	uint8_t *e = calloc(1, IMAGE_LEN);
	memcpy(e, "\x7f" "ELF", 4);
	e[4] = 1; e[5] = 1; e[6] = 1;
	put_le16(e + 16, 2);            /* ET_EXEC */
	put_le16(e + 18, 3);            /* EM_386 */
	put_le32(e + 24, 0xc0100010);   /* e_entry (virtual) */
	put_le32(e + 28, 52);           /* e_phoff */
	put_le16(e + 42, 32);           /* e_phentsize */
	put_le16(e + 44, 2);            /* e_phnum */
	uint8_t *ph = e + 52;
	put_le32(ph, 1);
	put_le32(ph + 4, 0x1000);
	put_le32(ph + 8, 0xc0100000);
	put_le32(ph + 12, MIB);
	put_le32(ph + 16, 0x2000);
	put_le32(ph + 20, 0x3000);
	put_le32(ph + 32, 4);           /* a PT_NOTE: skipped */
	put_header(e + 0x1000, MB_FLAG_PAGE_ALIGN | MB_FLAG_MEMORY_INFO);
	return e;
}

TEST(multiboot_elf_loads_at_physical_addresses)
{
	uint8_t *e = make_elf();
	struct mb_kernel k;
	char why[160] = "";
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == 0);
	CHECK_STR(why, "");
	CHECK(k.segment_count == 1);
	CHECK(k.segments[0].dest == MIB && k.segments[0].file_offset == 0x1000);
	CHECK(k.segments[0].file_size == 0x2000 && k.segments[0].mem_size == 0x3000);
	CHECK(k.entry == MIB + 0x10);
	CHECK(k.low == MIB && k.high == MIB + 0x3000);
	free(e);
}

TEST(multiboot_aout_kludge_uses_the_header_addresses)
{
	uint8_t *img = calloc(1, IMAGE_LEN);
	struct mb_kernel k;
	char why[160];
	uint8_t *h = img + 0x40;
	put_header(h, MB_FLAG_AOUT_KLUDGE);
	put_le32(h + 12, 0x200040);  /* header_addr */
	put_le32(h + 16, 0x200000);  /* load_addr: the file from its start */
	put_le32(h + 20, 0);         /* load_end: the whole file */
	put_le32(h + 24, 0x205000);  /* bss_end */
	put_le32(h + 28, 0x200080);  /* entry */
	CHECK(mb_kernel_parse(img, IMAGE_LEN, &k, why, sizeof(why)) == 0);
	CHECK(k.segment_count == 1 && k.segments[0].dest == 0x200000);
	CHECK(k.segments[0].file_offset == 0 && k.segments[0].file_size == IMAGE_LEN);
	CHECK(k.segments[0].mem_size == 0x5000 && k.entry == 0x200080);
	/* Entry outside what it loads. */
	put_le32(h + 28, 0x300000);
	CHECK(mb_kernel_parse(img, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "entry point 0x300000 lies outside");
	/* More bytes than the image has. */
	put_le32(h + 28, 0x200080);
	put_le32(h + 20, 0x200000 + IMAGE_LEN + 1);
	CHECK(mb_kernel_parse(img, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "more bytes than the image has");
	/* Header address below the load address + the header's offset. */
	put_le32(h + 20, 0);
	put_le32(h + 12, 0x300000);
	CHECK(mb_kernel_parse(img, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "does not fit its header address");
	free(img);
}

TEST(multiboot_faults_are_refused_with_the_reason)
{
	uint8_t *e = make_elf();
	struct mb_kernel k;
	char why[160];
	put_header(e + 0x1000, MB_FLAG_VIDEO_MODE);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "graphics mode");
	put_header(e + 0x1000, 0x10);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "features bootnet does not know (header flags 0x10)");
	put_header(e + 0x1000, 0);
	e[0x1008] ^= 1; /* checksum */
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "no multiboot header");
	free(e);

	e = make_elf();
	put_le16(e + 44, 500);          /* program headers past the end */
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "program headers lie outside");
	put_le16(e + 44, 1);
	put_le32(e + 52 + 16, 0x2001);  /* file bytes past the end */
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "segment lies outside the image");
	put_le32(e + 52 + 16, 0x2000);
	put_le32(e + 52 + 12, 0xfffff000); /* past 4 GiB */
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "past 4 GiB");
	put_le32(e + 52 + 12, MIB);
	put_le16(e + 18, 62);           /* x86-64 */
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "not a 32-bit x86 ELF executable");
	/* A cut image: the header search never reads past the end. */
	CHECK(mb_kernel_parse(e, 0x1004, &k, why, sizeof(why)) == -1);
	free(e);
}

TEST(multiboot_elf_entry_must_lie_in_a_loaded_segment)
{
	uint8_t *e = make_elf();
	struct mb_kernel k;
	char why[160] = "";
	/* Already physical (inside the segment's physical range): taken as is. */
	put_le32(e + 24, MIB + 0x2ff0);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == 0);
	CHECK(k.entry == MIB + 0x2ff0);
	/* Just past the segment's memory, virtually or physically: refused. */
	put_le32(e + 24, 0xc0103000);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "entry point 0xc0103000 lies outside every segment it loads");
	put_le32(e + 24, MIB + 0x3000);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "entry point 0x103000 lies outside");
	put_le32(e + 24, 0);
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == -1);
	free(e);
}

static const struct mem_range ram[] = { { 0, 0x9fc00 }, { MIB, 512u * MIB } };

TEST(multiboot_modules_and_information_follow_the_kernel)
{
	uint8_t *e = make_elf();
	struct mb_kernel k;
	uint32_t lens[2] = { 5000, 10 }, starts[2], info;
	struct mem_range own = { 256u * MIB, 512u * MIB };
	char why[200];
	CHECK(mb_kernel_parse(e, IMAGE_LEN, &k, why, sizeof(why)) == 0);
	CHECK(mb_layout(&k, ram, 2, own, lens, 2, 700, starts, &info, why, sizeof(why)) == 0);
	CHECK(starts[0] == MIB + 0x3000 && starts[1] == MIB + 0x5000 && info == MIB + 0x6000);
	/* bootnet right after the kernel: no room. */
	own.start = MIB + 0x4000;
	CHECK(mb_layout(&k, ram, 2, own, lens, 2, 700, starts, &info, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "no room after the kernel (from 0x103000) for its 2 modules");
	/* bootnet where the kernel loads. */
	own.start = MIB;
	CHECK(mb_layout(&k, ram, 2, own, lens, 2, 700, starts, &info, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "it loads at 0x100000-0x103000, which is not free memory");
	/* Below 1 MiB is the BIOS's and bootnet's. */
	own = (struct mem_range){ 256u * MIB, 512u * MIB };
	k.segments[0].dest = 0x10000;
	CHECK(mb_layout(&k, ram, 2, own, lens, 2, 700, starts, &info, why, sizeof(why)) == -1);
	CHECK_CONTAINS(why, "it loads at 0x10000");
	free(e);
}

TEST(multiboot_information_structure)
{
	struct mb_module mods[2] = { { 0x103000, 5000, "initrd.gz" }, { 0x105000, 10, "mod.txt x=1" } };
	struct mb_info_request req = {
		.cmdline = "kernel.elf console=ttyS0", .modules = mods, .module_count = 2,
		.ram = ram, .ram_count = 2, .loader_name = "bootnet",
	};
	uint32_t base = 0x106000;
	mb_memory_sizes(ram, 2, &req.mem_lower_kb, &req.mem_upper_kb);
	CHECK(req.mem_lower_kb == 639 && req.mem_upper_kb == 511 * 1024);
	size_t len = mb_info_build(&req, NULL, 0);
	uint8_t *out = malloc(len + 16);
	memset(out, 0xee, len + 16);
	CHECK(mb_info_build(&req, out, base) == len);
	CHECK(out[len] == 0xee);                                  /* nothing past its size */
	CHECK(get_le32(out) == ((1u << 0) | (1u << 2) | (1u << 3) | (1u << 6) | (1u << 9)));
	CHECK(get_le32(out + 4) == 639 && get_le32(out + 8) == 511 * 1024);
	CHECK_STR((char *)out + (get_le32(out + 16) - base), "kernel.elf console=ttyS0");
	CHECK(get_le32(out + 20) == 2);
	const uint8_t *m = out + (get_le32(out + 24) - base);
	CHECK(get_le32(m) == 0x103000 && get_le32(m + 4) == 0x103000 + 5000);
	CHECK_STR((char *)out + (get_le32(m + 8) - base), "initrd.gz");
	CHECK(get_le32(m + 16) == 0x105000 && get_le32(m + 20) == 0x10500a);
	CHECK_STR((char *)out + (get_le32(m + 24) - base), "mod.txt x=1");
	CHECK(get_le32(out + 44) == 48);                          /* two 24-byte entries */
	const uint8_t *mm = out + (get_le32(out + 48) - base);
	CHECK(get_le32(mm) == 20 && get_le64(mm + 4) == 0 && get_le64(mm + 12) == 0x9fc00);
	CHECK(get_le32(mm + 20) == 1);
	CHECK(get_le64(mm + 28) == MIB && get_le64(mm + 36) == 511ull * MIB);
	CHECK_STR((char *)out + (get_le32(out + 64) - base), "bootnet");
	free(out);
}
