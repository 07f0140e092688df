/* Multiboot (version 1, the Multiboot Specification 0.6.96): reading a
 * kernel's header and load plan (ELF32, or the a.out kludge of flag 16),
 * and building the multiboot information structure it is entered with.
 * Pure: host-tested; bios_multiboot.c copies and jumps. Everything here
 * comes from the network, so every offset is checked before use. */
#ifndef MULTIBOOT_H
#define MULTIBOOT_H

#include <stddef.h>
#include <stdint.h>
#include "bios_memory.h"

#define MB_HEADER_MAGIC     0x1badb002u
#define MB_BOOTLOADER_MAGIC 0x2badb002u  /* in EAX at the kernel's entry */
#define MB_SEARCH           8192         /* the header lies in the first 8 KiB */
#define MB_MAX_SEGMENTS     16

/* Header flags: bits 0-15 are requirements a loader must meet or refuse. */
#define MB_FLAG_PAGE_ALIGN  0x00000001u   /* modules on 4 KiB boundaries */
#define MB_FLAG_MEMORY_INFO 0x00000002u   /* mem_lower/upper and the memory map */
#define MB_FLAG_VIDEO_MODE  0x00000004u   /* a graphics mode: not offered */
#define MB_FLAG_AOUT_KLUDGE 0x00010000u   /* load addresses in the header */

struct mb_segment {
	uint32_t dest;         /* physical address */
	uint32_t file_offset;  /* bytes copied from the image ... */
	uint32_t file_size;
	uint32_t mem_size;     /* ... the rest up to mem_size zeroed */
};

struct mb_kernel {
	uint32_t header_flags;
	uint32_t entry;
	int segment_count;
	struct mb_segment segments[MB_MAX_SEGMENTS];
	uint32_t low, high;    /* all segments lie in [low, high) */
};

/* 0 with k filled in, or -1 with why. */
int mb_kernel_parse(const uint8_t *data, size_t len, struct mb_kernel *k, char *why,
		    size_t why_size);

struct mb_module {
	uint32_t start, len;   /* where it is placed */
	const char *string;    /* its name and arguments */
};

struct mb_info_request {
	uint32_t mem_lower_kb, mem_upper_kb;
	const char *cmdline;
	const struct mb_module *modules;
	int module_count;
	const struct mem_range *ram;   /* the memory map: usable RAM */
	int ram_count;
	const char *loader_name;
};

/* Writes the information structure, followed by the module list, the
 * memory map and the strings, to out (NULL: only measures), for the
 * physical address base (16-byte aligned). Returns its size in bytes. */
size_t mb_info_build(const struct mb_info_request *req, uint8_t *out, uint32_t base);

/* Where modules (each len bytes, 4 KiB aligned) and then the information
 * structure (info_len bytes) go: right after the kernel, in usable RAM,
 * clear of bootnet. Fills starts[] and *info; 0, or -1 with why. Also
 * checks that the kernel's own segments lie in usable RAM outside bootnet. */
int mb_layout(const struct mb_kernel *k, const struct mem_range *ram, int ram_count,
	      struct mem_range own, const uint32_t *module_len, int module_count,
	      size_t info_len, uint32_t *starts, uint32_t *info, char *why, size_t why_size);

/* mem_lower (KiB from 0) and mem_upper (KiB from 1 MiB) from usable RAM. */
void mb_memory_sizes(const struct mem_range *ram, int ram_count, uint32_t *lower_kb,
		     uint32_t *upper_kb);

#endif
