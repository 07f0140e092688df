/* What the prefix (bios/prefix.S) hands the 32-bit core: where it put
 * things in base memory, what the PXE ROM handed over, and the E820 map.
 * The layout is shared with prefix.S: change both together. */
#ifndef BIOS_HANDOVER_H
#define BIOS_HANDOVER_H

#include <stdint.h>

struct e820_entry {
	uint64_t base, length;
	uint32_t type, acpi_attr;
} __attribute__((packed));

/* The thunk's request block (in base memory). Starts with struct
 * bios_regs so the registers copy in one piece. */
struct thunk_request {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp;   /* 0 */
	uint16_t ds, es;                               /* 28 */
	uint32_t eflags;                               /* 32 */
	uint16_t kind;                                 /* 36: THUNK_* */
	uint16_t vector;                               /* 38 */
	uint16_t target_off, target_seg;               /* 40: far call / jump target */
	uint16_t nwords;                               /* 44 */
	uint16_t words[16];                            /* 46 */
	uint16_t ss, sp, fs, gs;                       /* 78: for THUNK_JUMP */
} __attribute__((packed));

enum { THUNK_INT = 0, THUNK_CALL = 1, THUNK_JUMP = 2, THUNK_EXIT = 3 };

#define HANDOVER_E820_MAX 128

struct bios_handover {
	uint16_t pxenv_off, pxenv_seg;     /* 0: ES:BX at entry (PXENV+) */
	uint16_t ppxe_off, ppxe_seg;       /* 4: [SS:SP+4] at entry (!PXE) */
	uint16_t rom_sp, rom_ss;           /* 8: the ROM's stack */
	uint16_t low_seg;                  /* 12: where the low part lives */
	uint16_t base_kb_found;            /* 14: 0x40:0x13 before we took ours */
	uint32_t low_size;                 /* 16: bytes of the low part */
	uint32_t thunk_entry;              /* 20: linear address of the 32-bit thunk */
	uint32_t request;                  /* 24: linear address of the thunk_request */
	uint32_t bounce, bounce_size;      /* 28, 32: the bounce buffer */
	uint32_t core_start, core_end;     /* 36, 40: the core above 1 MiB */
	uint32_t e820_count;               /* 44 */
	uint32_t e820;                     /* 48: linear address of the entries */
	uint32_t pm_idtr;                  /* 52: the IDT register image the thunk
					      loads on its way back to protected mode */
	uint32_t boot_kind;                /* 56: BOOT_KIND_*: which prefix started the core */
} __attribute__((packed));

/* The prefix is assembled once per build (Makefile: -DBOOT_KIND=...). */
enum {
	BOOT_KIND_KPXE = 0,     /* from a PXE ROM, keeping its stack (UNDI) */
	BOOT_KIND_PXE = 1,      /* from a PXE ROM, its stack unloaded (native drivers) */
	BOOT_KIND_MEDIA = 2,    /* from a disk, CD or option ROM: no PXE stack */
};

#endif
