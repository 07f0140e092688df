/* Where each piece of a Linux kernel goes when bootnet boots it on BIOS
 * through the x86 boot protocol (Documentation/arch/x86/boot.rst), given
 * the memory map, bootnet's own range and the kernel's setup header.
 * Pure arithmetic: the host tests it; bios_linux.c copies and jumps. */
#ifndef BIOS_LINUX_LAYOUT_H
#define BIOS_LINUX_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include "../firmware/bzimage.h"
#include "bios_memory.h"

/* boot.rst's layout for protocol 2.02+: setup code, then heap and stack up
 * to 0xe000 above the setup's base (its SP), the command line after. */
#define LINUX_HEAP_END      0xe000u
#define LINUX_KERNEL_LOW    0x100000u  /* where a bzImage's 32-bit code loads */

struct linux_layout_request {
	const struct bzimage_info *bz;
	const struct mem_range *ram;  /* usable RAM (bios_usable_memory) */
	int ram_count;
	struct mem_range own;         /* bootnet's code, data and heap (bios_own_range) */
	struct mem_range base_free;   /* free base memory (bios_free_base_memory) */
	size_t cmdline_len;           /* without its NUL */
	size_t initrd_len;            /* all initrds together; 0 for none */
};

struct linux_layout {
	uint32_t setup;               /* linear address of the real-mode setup (16-byte aligned) */
	uint16_t setup_seg;           /* setup >> 4: DS, ES, FS, GS and SS at entry */
	uint16_t heap_end;            /* offset from setup: end of heap and stack (SP) */
	uint32_t cmdline;             /* linear address of the command line */
	uint32_t kernel;              /* the protected-mode kernel (code32_start) */
	uint64_t kernel_end;          /* end of all the kernel may use (decompression too) */
	uint32_t initrd;              /* the initrds, 4 KiB aligned; 0 when none */
};

/* Fills out and returns 0, or returns -1 with why (a sentence without the
 * image's name) when the kernel cannot be booted in this memory. */
int linux_layout_compute(const struct linux_layout_request *req, struct linux_layout *out,
			 char *why, size_t why_size);

#endif
