/* Multiboot 1: header, load plan, placement and the information
 * structure (see multiboot.h). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "../firmware/byteorder.h"
#include "multiboot.h"

#define MIB 0x100000ull
#define MB_KNOWN_REQUIREMENTS (MB_FLAG_PAGE_ALIGN | MB_FLAG_MEMORY_INFO | MB_FLAG_VIDEO_MODE)

/* Information structure fields (offsets in struct multiboot_info). */
#define MBI_FLAGS       0
#define MBI_MEM_LOWER   4
#define MBI_MEM_UPPER   8
#define MBI_CMDLINE     16
#define MBI_MODS_COUNT  20
#define MBI_MODS_ADDR   24
#define MBI_MMAP_LENGTH 44
#define MBI_MMAP_ADDR   48
#define MBI_LOADER_NAME 64
#define MBI_SIZE        120   /* through the framebuffer fields, left zero */
#define MBI_HAS_MEMORY  (1u << 0)
#define MBI_HAS_CMDLINE (1u << 2)
#define MBI_HAS_MODS    (1u << 3)
#define MBI_HAS_MMAP    (1u << 6)
#define MBI_HAS_LOADER  (1u << 9)
#define MOD_ENTRY_SIZE  16
#define MMAP_ENTRY_SIZE 24

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

/* The header's offset, or -1 when there is none. */
static long find_header(const uint8_t *data, size_t len)
{
	for (size_t at = 0; at + 12 <= len && at < MB_SEARCH; at += 4)
		if (get_le32(data + at) == MB_HEADER_MAGIC &&
		    (uint32_t)(get_le32(data + at) + get_le32(data + at + 4) +
			       get_le32(data + at + 8)) == 0)
			return (long)at;
	return -1;
}

static int add_segment(struct mb_kernel *k, uint32_t dest, uint32_t offset, uint32_t file_size,
		       uint32_t mem_size, char *why, size_t why_size)
{
	if (k->segment_count == MB_MAX_SEGMENTS) {
		snprintf(why, why_size, "more than %d segments to load", MB_MAX_SEGMENTS);
		return -1;
	}
	if ((uint64_t)dest + mem_size > 0x100000000ull) {
		snprintf(why, why_size, "a segment at 0x%x runs past 4 GiB", dest);
		return -1;
	}
	k->segments[k->segment_count++] = (struct mb_segment){ dest, offset, file_size, mem_size };
	if (k->segment_count == 1 || dest < k->low)
		k->low = dest;
	if (dest + mem_size > k->high)
		k->high = dest + mem_size;
	return 0;
}

/* Flag 16: the header says where the file goes. */
static int parse_aout_kludge(const uint8_t *data, size_t len, size_t at, struct mb_kernel *k,
			     char *why, size_t why_size)
{
	const uint8_t *h = data + at;
	uint32_t header_addr, load_addr, load_end, bss_end, file_size, mem_size;
	uint64_t offset;

	if (at + 32 > len) {
		snprintf(why, why_size, "its multiboot header is cut short");
		return -1;
	}
	header_addr = get_le32(h + 12);
	load_addr = get_le32(h + 16);
	load_end = get_le32(h + 20);
	bss_end = get_le32(h + 24);
	k->entry = get_le32(h + 28);
	if (load_addr > header_addr || header_addr - load_addr > at) {
		snprintf(why, why_size, "its header's load address 0x%x does not fit its header "
			 "address 0x%x", load_addr, header_addr);
		return -1;
	}
	offset = at - (header_addr - load_addr);
	file_size = load_end ? load_end - load_addr : (uint32_t)(len - offset);
	if ((load_end && load_end < load_addr) || offset + file_size > len) {
		snprintf(why, why_size, "its header asks for more bytes than the image has");
		return -1;
	}
	mem_size = bss_end ? bss_end - load_addr : file_size;
	if (bss_end && (bss_end < load_addr || mem_size < file_size)) {
		snprintf(why, why_size, "its header's bss end 0x%x lies before its load end", bss_end);
		return -1;
	}
	if (k->entry < load_addr || k->entry - load_addr >= mem_size) {
		snprintf(why, why_size, "its entry point 0x%x lies outside what it loads", k->entry);
		return -1;
	}
	return add_segment(k, load_addr, (uint32_t)offset, file_size, mem_size, why, why_size);
}

/* An ELF32 i386 executable: its PT_LOAD segments at their physical
 * addresses; the entry point translated to physical if it is virtual. */
static int parse_elf(const uint8_t *data, size_t len, struct mb_kernel *k, char *why,
		     size_t why_size)
{
	uint32_t phoff, entry;
	unsigned phentsize, phnum;
	bool entry_inside = false;

	if (len < 52 || memcmp(data, "\x7f" "ELF", 4) != 0) {
		snprintf(why, why_size, "it is not ELF and its header has no load addresses (flag 16)");
		return -1;
	}
	if (data[4] != 1 || data[5] != 1 || get_le16(data + 18) != 3 || get_le16(data + 16) != 2) {
		snprintf(why, why_size, "it is not a 32-bit x86 ELF executable");
		return -1;
	}
	entry = get_le32(data + 24);
	phoff = get_le32(data + 28);
	phentsize = get_le16(data + 42);
	phnum = get_le16(data + 44);
	if (phentsize < 32 || (uint64_t)phoff + (uint64_t)phnum * phentsize > len) {
		snprintf(why, why_size, "its ELF program headers lie outside the image");
		return -1;
	}
	k->entry = entry;
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *ph = data + phoff + i * phentsize;
		uint32_t offset = get_le32(ph + 4), vaddr = get_le32(ph + 8), paddr = get_le32(ph + 12);
		uint32_t file_size = get_le32(ph + 16), mem_size = get_le32(ph + 20);

		if (get_le32(ph) != 1 || mem_size == 0) /* PT_LOAD only */
			continue;
		if (file_size > mem_size || (uint64_t)offset + file_size > len) {
			snprintf(why, why_size, "an ELF segment lies outside the image");
			return -1;
		}
		if (add_segment(k, paddr, offset, file_size, mem_size, why, why_size) != 0)
			return -1;
		/* The entry as a virtual address, or already a physical one. */
		if (entry >= vaddr && entry - vaddr < mem_size) {
			k->entry = entry - vaddr + paddr;
			entry_inside = true;
		} else if (entry >= paddr && entry - paddr < mem_size) {
			entry_inside = true;
		}
	}
	if (k->segment_count == 0) {
		snprintf(why, why_size, "it has no segment to load");
		return -1;
	}
	/* Jumping anywhere else would run whatever memory holds there. */
	if (!entry_inside) {
		snprintf(why, why_size, "its ELF entry point 0x%x lies outside every segment it "
			 "loads", entry);
		return -1;
	}
	return 0;
}

int mb_kernel_parse(const uint8_t *data, size_t len, struct mb_kernel *k, char *why,
		    size_t why_size)
{
	long at = find_header(data, len);

	memset(k, 0, sizeof(*k));
	if (at < 0) {
		snprintf(why, why_size, "no multiboot header in its first 8 KiB");
		return -1;
	}
	k->header_flags = get_le32(data + at + 4);
	if (k->header_flags & 0xffff & ~MB_KNOWN_REQUIREMENTS) {
		snprintf(why, why_size, "it requires multiboot features bootnet does not know "
			 "(header flags 0x%x)", k->header_flags);
		return -1;
	}
	if (k->header_flags & MB_FLAG_VIDEO_MODE) {
		snprintf(why, why_size, "it requires a graphics mode, which bootnet does not set up");
		return -1;
	}
	if (k->header_flags & MB_FLAG_AOUT_KLUDGE)
		return parse_aout_kludge(data, len, (size_t)at, k, why, why_size);
	return parse_elf(data, len, k, why, why_size);
}

static int free_ram(const struct mem_range *ram, int ram_count, struct mem_range own,
		    uint64_t s, uint64_t e)
{
	if (s < e && s < own.end && own.start < e)
		return 0;
	for (int i = 0; i < ram_count; i++)
		if (ram[i].start <= s && e <= ram[i].end)
			return 1;
	return 0;
}

int mb_layout(const struct mb_kernel *k, const struct mem_range *ram, int ram_count,
	      struct mem_range own, const uint32_t *module_len, int module_count,
	      size_t info_len, uint32_t *starts, uint32_t *info, char *why, size_t why_size)
{
	uint64_t first = align_up(k->high, 4096), at = first;

	for (int i = 0; i < k->segment_count; i++) {
		const struct mb_segment *s = &k->segments[i];
		if (s->dest < MIB || !free_ram(ram, ram_count, own, s->dest,
					       (uint64_t)s->dest + s->mem_size)) {
			snprintf(why, why_size, "it loads at 0x%x-0x%llx, which is not free memory "
				 "(usable RAM from 1 MiB up, outside bootnet at 0x%llx-0x%llx)",
				 s->dest, (unsigned long long)s->dest + s->mem_size,
				 (unsigned long long)own.start, (unsigned long long)own.end);
			return -1;
		}
	}
	for (int i = 0; i < module_count; i++) {
		starts[i] = (uint32_t)at;
		at = align_up(at + module_len[i], 4096);
	}
	*info = (uint32_t)at;
	if (!free_ram(ram, ram_count, own, first, at + info_len) || at + info_len > 0xffffffffull) {
		snprintf(why, why_size, "no room after the kernel (from 0x%llx) for its %d module%s "
			 "and the multiboot information (%llu bytes in all)",
			 (unsigned long long)first, module_count, module_count == 1 ? "" : "s",
			 (unsigned long long)(at + info_len - first));
		return -1;
	}
	return 0;
}

/* Copies a string (with its NUL) to out + *used and returns its address. */
static uint32_t put_string(uint8_t *out, uint32_t base, size_t *used, const char *s)
{
	uint32_t addr = base + (uint32_t)*used;
	size_t n = strlen(s) + 1;
	if (out)
		memcpy(out + *used, s, n);
	*used += n;
	return addr;
}

size_t mb_info_build(const struct mb_info_request *req, uint8_t *out, uint32_t base)
{
	size_t mods_at = MBI_SIZE;
	size_t mmap_at = mods_at + (size_t)req->module_count * MOD_ENTRY_SIZE;
	size_t used = mmap_at + (size_t)req->ram_count * MMAP_ENTRY_SIZE;
	uint32_t cmdline, name;

	if (out) {
		memset(out, 0, used);
		put_le32(out + MBI_FLAGS, MBI_HAS_MEMORY | MBI_HAS_CMDLINE | MBI_HAS_MODS |
			 MBI_HAS_MMAP | MBI_HAS_LOADER);
		put_le32(out + MBI_MEM_LOWER, req->mem_lower_kb);
		put_le32(out + MBI_MEM_UPPER, req->mem_upper_kb);
		put_le32(out + MBI_MODS_COUNT, (uint32_t)req->module_count);
		put_le32(out + MBI_MODS_ADDR, base + (uint32_t)mods_at);
		put_le32(out + MBI_MMAP_LENGTH, (uint32_t)(used - mmap_at));
		put_le32(out + MBI_MMAP_ADDR, base + (uint32_t)mmap_at);
		for (int i = 0; i < req->ram_count; i++) {
			uint8_t *e = out + mmap_at + (size_t)i * MMAP_ENTRY_SIZE;
			put_le32(e, MMAP_ENTRY_SIZE - 4); /* size: the entry without this field */
			put_le64(e + 4, req->ram[i].start);
			put_le64(e + 12, req->ram[i].end - req->ram[i].start);
			put_le32(e + 20, 1);              /* available RAM */
		}
	}
	cmdline = put_string(out, base, &used, req->cmdline ? req->cmdline : "");
	for (int i = 0; i < req->module_count; i++) {
		const struct mb_module *m = &req->modules[i];
		uint32_t string = put_string(out, base, &used, m->string ? m->string : "");
		if (out) {
			uint8_t *e = out + mods_at + (size_t)i * MOD_ENTRY_SIZE;
			put_le32(e, m->start);
			put_le32(e + 4, m->start + m->len);
			put_le32(e + 8, string);
		}
	}
	name = put_string(out, base, &used, req->loader_name ? req->loader_name : "");
	if (out) {
		put_le32(out + MBI_CMDLINE, cmdline);
		put_le32(out + MBI_LOADER_NAME, name);
	}
	return used;
}

void mb_memory_sizes(const struct mem_range *ram, int ram_count, uint32_t *lower_kb,
		     uint32_t *upper_kb)
{
	*lower_kb = *upper_kb = 0;
	for (int i = 0; i < ram_count; i++) {
		if (ram[i].start == 0)
			*lower_kb = (uint32_t)((ram[i].end < 0xa0000 ? ram[i].end : 0xa0000) / 1024);
		if (ram[i].start <= MIB && MIB < ram[i].end) {
			uint64_t kb = (ram[i].end - MIB) / 1024;
			*upper_kb = kb > 0xffffffffu ? 0xffffffffu : (uint32_t)kb;
		}
	}
}
