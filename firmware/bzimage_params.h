/* The "zero page" (struct boot_params) a Linux kernel is entered with,
 * as Documentation/x86/boot.rst and zero-page.rst lay it out: the
 * kernel's own setup header plus what the loader fills in. Filled here as
 * bytes at fixed offsets, so the same code serves 32- and 64-bit builds
 * and host tests. */
#ifndef BZIMAGE_PARAMS_H
#define BZIMAGE_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bzimage.h"

#define BP_SCREEN_INFO      0x000
#define BP_ACPI_RSDP_ADDR   0x070
#define BP_EXT_RAMDISK_IMG  0x0c0
#define BP_EXT_RAMDISK_SIZE 0x0c4
#define BP_EXT_CMD_LINE_PTR 0x0c8
#define BP_EFI_INFO         0x1c0
#define BP_E820_ENTRIES     0x1e8
#define BP_VID_MODE         0x1fa
#define BP_TYPE_OF_LOADER   0x210
#define BP_LOADFLAGS        0x211
#define BP_CODE32_START     0x214
#define BP_RAMDISK_IMAGE    0x218
#define BP_RAMDISK_SIZE     0x21c
#define BP_HEAP_END_PTR     0x224
#define BP_CMD_LINE_PTR     0x228
#define BP_E820_TABLE       0x2d0
#define BP_E820_MAX         128

/* e820 types */
#define E820_RAM      1
#define E820_RESERVED 2
#define E820_ACPI     3
#define E820_NVS      4
#define E820_UNUSABLE 5
#define E820_PMEM     7

/* Zeroes params (BZ_BOOT_PARAMS_SIZE bytes) and copies the setup header
 * of kernel (which bzimage_parse accepted) into it; marks the loader as
 * one without an assigned ID. */
void bzimage_params_init(uint8_t *params, const uint8_t *kernel);
/* Where the protected-mode kernel was placed, the command line (its
 * physical address) and the initrd (0, 0 for none). */
void bzimage_params_set(uint8_t *params, uint32_t code32_start, uint64_t cmdline,
			uint64_t ramdisk, uint64_t ramdisk_size);
/* The real-mode entry (BIOS): the setup code copied below 1 MiB is the
 * zero page, so the loader's fields are written into its header in place
 * (nothing outside the header is touched). Sets type_of_loader 0xff,
 * vid_mode 0xffff ("normal"), CAN_USE_HEAP with heap_end_ptr, QUIET off,
 * and the addresses (all below 4 GiB on BIOS). */
void bzimage_params_set_realmode(uint8_t *setup, uint32_t code32_start, uint16_t heap_end_ptr,
				 uint32_t cmdline, uint32_t ramdisk, uint32_t ramdisk_size);
/* Appends a memory region to the e820 table, merged with the last entry
 * when they touch and have the same type. false when the table is full. */
bool bzimage_params_add_e820(uint8_t *params, uint64_t addr, uint64_t size, uint32_t type);

#endif
