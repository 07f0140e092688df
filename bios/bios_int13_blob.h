/* The header of the real-mode INT 13h / INT 15h blob (bios_int13_entry.S),
 * which bios_int13.c copies into base memory and fills in. The offsets
 * are the .S file's H_* numbers: change both together. */
#ifndef BIOS_INT13_BLOB_H
#define BIOS_INT13_BLOB_H

#include <stddef.h>
#include <stdint.h>
#include "bios_handover.h"
#include "bios_thunk.h"

#define INT13_BLOB_E820_MAX 32

struct int13_blob {
	uint16_t int13_entry, int15_entry;     /* 0: offsets of the two handlers */
	uint16_t old13_off, old13_seg;         /* 4: the vectors they chain to */
	uint16_t old15_off, old15_seg;         /* 8 */
	uint8_t drive;                         /* 12: bootnet's drive number */
	uint8_t busy;                          /* 13: inside the core right now */
	uint16_t e820_count;                   /* 14: 0 = INT 15h passes everything on */
	uint32_t handler;                      /* 16: linear address of the C handler */
	uint32_t stack_top;                    /* 20: its stack */
	uint32_t pm_entry_off;                 /* 24: far pointer to the 32-bit entry (offset in the blob until installed) */
	uint16_t pm_entry_sel, pad0;           /* 28 */
	uint16_t rm_back_off, rm_back_seg;     /* 32: far pointer back to real mode */
	uint16_t pad1;                         /* 36 */
	uint16_t gdtr_limit;                   /* 38 */
	uint32_t gdtr_base;                    /* 40 */
	uint32_t linear;                       /* 44: where the blob lives */
	uint64_t gdt[7];                       /* 48 */
	struct bios_regs frame;                /* 104: the caller's registers, in and out */
	uint16_t saved_ss, saved_fs, saved_gs, pad2;   /* 140 */
	uint32_t saved_esp;                    /* 148 */
	uint8_t saved_idtr[6], pad3[2];        /* 152: the caller's IDT register */
	struct e820_entry e820[INT13_BLOB_E820_MAX];   /* 160: the map INT 15h E820 reports */
} __attribute__((packed));

_Static_assert(offsetof(struct int13_blob, gdtr_limit) == 38, "H_GDTR");
_Static_assert(offsetof(struct int13_blob, linear) == 44, "H_LINEAR");
_Static_assert(offsetof(struct int13_blob, gdt) == 48, "H_GDT");
_Static_assert(offsetof(struct int13_blob, frame) == 104, "H_FRAME");
_Static_assert(offsetof(struct int13_blob, saved_esp) == 148, "H_SAVED_ESP");
_Static_assert(offsetof(struct int13_blob, saved_idtr) == 152, "H_SAVED_IDTR");
_Static_assert(offsetof(struct int13_blob, e820) == 160, "H_E820_TABLE");

/* In the core's image, from the .S file. */
extern const uint8_t int13_blob[], int13_blob_end[];

#endif
