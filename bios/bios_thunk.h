/* Calls from bootnet's 32-bit protected-mode core down into real mode:
 * BIOS interrupts and far calls (the PXE API), and the last jump into a
 * real-mode program (Linux's setup, a chained NBP).
 *
 * Written by the prefix (bios/): everything a real-mode call needs (the
 * thunk code, its stack, a bounce buffer) lives below 1 MiB. */
#ifndef BIOS_THUNK_H
#define BIOS_THUNK_H

#include <stdint.h>

/* Registers in and out of a real-mode call. Only the low 16 bits of each
 * 32-bit register matter to most BIOS services; all 32 are passed. */
struct bios_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp;
	uint16_t ds, es;
	uint32_t eflags;         /* out: the flags the service returned (CF = bit 0) */
};
#define BIOS_CF 0x0001u

/* INT vector with regs, in real mode; regs holds the results on return. */
void bios_int(uint8_t vector, struct bios_regs *regs);

/* Far call to seg:off in real mode with the given 16-bit words pushed
 * (last word first, as C pushes: words[0] ends on top of the stack);
 * returns AX. The PXE API is called this way: push the segment and
 * offset of the parameter structure, then the opcode. */
uint16_t bios_far_call(uint16_t seg, uint16_t off, const uint16_t *words, int nwords,
		       struct bios_regs *regs);

/* A bounce buffer below 1 MiB for data passed to real-mode services
 * (at least 8 KiB, 16-byte aligned); its real-mode segment:offset. The
 * UNDI netdev uses it for every PXE call: its contents do not survive
 * network traffic. */
void *bios_low_buffer(uint16_t *seg, uint16_t *off, uint32_t *size);

/* Leaves protected mode for good: interrupts as the BIOS left them, the
 * segment registers and SS:SP as given, then a far jump to cs:ip. For
 * Linux's real-mode setup and chained NBPs. Never returns. */
struct bios_real_entry {
	uint16_t cs, ip, ss, sp;
	uint16_t ds, es, fs, gs;
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp;
};
void bios_real_jump(const struct bios_real_entry *entry) __attribute__((noreturn));

/* Real-mode addresses: a linear address below 1 MiB as segment:offset. */
static inline uint16_t real_seg(uint32_t linear) { return (uint16_t)(linear >> 4); }
static inline uint16_t real_off(uint32_t linear) { return (uint16_t)(linear & 15); }
static inline uint32_t real_linear(uint16_t seg, uint16_t off) { return ((uint32_t)seg << 4) + off; }

#endif
