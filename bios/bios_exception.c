/* CPU exceptions in the 32-bit core: a bug, but one that should say
 * where it happened (on serial first, which needs no BIOS call) and then
 * wait for a key and reboot, instead of a silent triple-fault reset.
 * The thunk loads this table each time it comes back from real mode. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "bios_platform.h"

#define VECTORS 32
/* The link map that names the core's offsets (the rom64 build sets its own). */
#ifndef BIOS_CORE_MAP
#define BIOS_CORE_MAP "bin/bootnet-kpxe.map"
#endif
#define SEL_CODE32 0x08

/* One 16-byte stub per vector: an error code of 0 where the CPU pushes
 * none, the vector number, then the common part. */
__asm__(".pushsection .text.bios_exception_stubs, \"ax\"\n"
	".balign 16\n"
	"bios_exception_stubs:\n"
	".altmacro\n"
	".macro EXCEPTION_STUB n\n"
	".balign 16\n"
	".if (\\n != 8) && (\\n != 10) && (\\n != 11) && (\\n != 12) && (\\n != 13) && (\\n != 14) && (\\n != 17)\n"
	"pushl $0\n"
	".endif\n"
	"pushl $\\n\n"
	"jmp bios_exception_common\n"
	".endm\n"
	".set i, 0\n"
	".rept 32\n"
	"EXCEPTION_STUB %i\n"
	".set i, i + 1\n"
	".endr\n"
	"bios_exception_common:\n"
	"pushal\n"
	"cld\n"
	"pushl %esp\n"
	"call bios_exception\n"
	"1: cli; hlt; jmp 1b\n"
	".noaltmacro\n"
	".popsection\n");

extern char bios_exception_stubs[];

struct exception_frame {
	uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;   /* pushal */
	uint32_t vector, error, eip, cs, eflags;
};

struct idt_gate {
	uint16_t offset_low, selector;
	uint8_t zero, type;
	uint16_t offset_high;
} __attribute__((packed));

static struct idt_gate idt[VECTORS];

#ifndef BIOS_EXCEPTION_BRIEF
static const char *const names[] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "no FPU", "double fault", "coprocessor overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection", "page fault", "reserved",
	"FPU error", "alignment check", "machine check", "SIMD error",
};
#endif

void bios_exception(struct exception_frame *f) __attribute__((used, noreturn));
void bios_exception(struct exception_frame *f)
{
#ifdef BIOS_EXCEPTION_BRIEF
	/* rom64 (bios/rom64.mk): one line, no names or registers. */
	char msg[120];
	int n = snprintf(msg, sizeof(msg),
			 "\nbootnet: CPU exception %u at EIP 0x%x (core offset 0x%x), error code 0x%x: "
			 "a bug\n",
			 (unsigned)f->vector, (unsigned)f->eip,
			 (unsigned)(f->eip - bios_handover->core_start), (unsigned)f->error);
#else
	char msg[320];
	uint32_t core = bios_handover->core_start;
	int n = snprintf(msg, sizeof(msg),
			 "\nbootnet: CPU exception %u (%s) at EIP 0x%08x (core offset 0x%x, see "
			 BIOS_CORE_MAP "), error code 0x%x\n"
			 "  eax %08x ebx %08x ecx %08x edx %08x esi %08x edi %08x ebp %08x esp %08x\n"
			 "This is a bug in bootnet.\n",
			 (unsigned)f->vector, f->vector < 20 ? names[f->vector] : "reserved",
			 (unsigned)f->eip, (unsigned)(f->eip - core), (unsigned)f->error,
			 (unsigned)f->eax, (unsigned)f->ebx, (unsigned)f->ecx, (unsigned)f->edx,
			 (unsigned)f->esi, (unsigned)f->edi, (unsigned)f->ebp, (unsigned)f->esp);
#endif
	bios_serial_write(msg, n > 0 ? (size_t)n : 0);
	platform_halt(); /* the screen gets "Press any key to reboot." */
}

void bios_exceptions_init(void)
{
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) idtr;

	for (int v = 0; v < VECTORS; v++) {
		uint32_t stub = (uint32_t)(uintptr_t)bios_exception_stubs + 16u * (uint32_t)v;
		idt[v] = (struct idt_gate){ (uint16_t)stub, SEL_CODE32, 0, 0x8e, (uint16_t)(stub >> 16) };
	}
	idtr.limit = sizeof(idt) - 1;
	idtr.base = (uint32_t)(uintptr_t)idt;
	memcpy(bios_linear(bios_handover->pm_idtr), &idtr, sizeof(idtr));
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
