/* bootnet.kpxe's 16-bit prefix: the PXE ROM loads the file at 0000:7C00
 * and jumps to its first byte in real mode, with ES:BX pointing to
 * PXENV+ and the far pointer to !PXE at SS:SP+4.
 *
 * What it does, in order:
 *  1. keeps what the ROM handed over (bios_handover.h);
 *  2. moves itself (the "low part": this code, the thunk, its stack and
 *     a bounce buffer) to the top of base memory and lowers the BIOS's
 *     base-memory size (0x40:0x13) by as much, so whatever bootnet later
 *     loads below 640 KiB (Linux's setup, another NBP at 7C00) cannot
 *     overwrite it; the PXE stack above it stays where the ROM put it;
 *  3. reads the E820 memory map and turns on A20;
 *  4. picks where the 32-bit core goes: the top of the largest usable
 *     E820 range below 4 GiB, so memory from 1 MiB up stays free;
 *  5. switches to 32-bit flat protected mode, unpacks the core (which
 *     follows this prefix in the file, LZMA-packed by tools/pack-core)
 *     there with bios/unpack/'s C code linked into this prefix, zeroes its
 *     bss, applies its R_386_RELATIVE relocations and calls its C entry
 *     (bios_entry.c).
 * The thunk (thunk32 below) then carries every BIOS and PXE call from the
 * core back down to real mode, and back up. */

/* Which build this prefix starts (bios_handover.h's BOOT_KIND_*). */
#ifndef BOOT_KIND
#define BOOT_KIND 0
#endif

#define SEL_CODE32 0x08
#define SEL_DATA32 0x10
#define SEL_CODE16 0x18
#define SEL_DATA16 0x20

#define CORE_MAGIC 0x31434e42       /* "BNC1": the core's header (bootnet.lds) */
#define CORE_FILE_SIZE 4
#define CORE_MEM_SIZE 8
#define CORE_ENTRY 12
#define CORE_REL_START 16
#define CORE_REL_END 20
#define CORE_STACK_TOP 24

/* The packed core's header (bios/unpack/packed_core.h). */
#define PACKED_MAGIC 0x31504e42     /* "BNP1" */
#define PACKED_SIZE 4
#define PACKED_MEM_SIZE 12
#define PACKED_HEADER 28
#define UNPACK_NO_SCRATCH 2         /* unpack_core's statuses up to this one: settings */

#define E820_MAX 128
#define E820_SIZE 24
#define BOUNCE_SIZE 16384
#define RM_STACK_SIZE 8192

/* Offsets in struct thunk_request (bios_handover.h). */
#define RQ_EAX 0
#define RQ_EBX 4
#define RQ_ECX 8
#define RQ_EDX 12
#define RQ_ESI 16
#define RQ_EDI 20
#define RQ_EBP 24
#define RQ_DS 28
#define RQ_ES 30
#define RQ_EFLAGS 32
#define RQ_KIND 36
#define RQ_VECTOR 38
#define RQ_TARGET 40
#define RQ_NWORDS 44
#define RQ_WORDS 46
#define RQ_SS 78
#define RQ_SP 80
#define RQ_FS 82
#define RQ_GS 84
#define RQ_SIZE 96

#define THUNK_INT 0
#define THUNK_CALL 1
#define THUNK_JUMP 2
#define THUNK_EXIT 3
#define THUNK_FAIL 4                /* the prefix's own: the core did not unpack */

	.section .text16, "awx", @progbits
	.code16
	.globl _start
_start:
	ljmp	$0x07c0, $entry

/* ------------------------------------------------ data kept in the file */
	.balign 16
handover:                            /* struct bios_handover */
h_pxenv_off:	.word 0
h_pxenv_seg:	.word 0
h_ppxe_off:	.word 0
h_ppxe_seg:	.word 0
h_rom_sp:	.word 0
h_rom_ss:	.word 0
h_low_seg:	.word 0
h_base_kb:	.word 0
h_low_size:	.long 0
h_thunk_entry:	.long 0
h_request:	.long 0
h_bounce:	.long 0
h_bounce_size:	.long BOUNCE_SIZE
h_core_start:	.long 0
h_core_end:	.long 0
h_e820_count:	.long 0
h_e820:		.long 0
h_pm_idtr:	.long 0
h_boot_kind:	.long BOOT_KIND

	.balign 8
gdt:
	.quad 0
	.quad 0x00cf9a000000ffff     /* 0x08: 32-bit code, flat */
	.quad 0x00cf92000000ffff     /* 0x10: 32-bit data, flat */
gdt_code16:
	.quad 0x00009a000000ffff     /* 0x18: 16-bit code, 64 KiB at the low part */
gdt_data16:
	.quad 0x000092000000ffff     /* 0x20: 16-bit data, 64 KiB at the low part */
gdt_end:
gdtr:	.word gdt_end - gdt - 1
	.long 0                      /* linear, set once the low part has moved */
rm_idtr:
	.word 0x3ff                  /* the BIOS's interrupt vectors at 0 */
	.long 0
pm_idtr:
	.word 0                      /* the core's exception handlers (bios_exception.c) */
	.long 0

/* Far pointers whose linear parts are known only once the low part moved. */
pm32_start_ptr:  .long 0
		 .word SEL_CODE32
pm32_return_ptr: .long 0
		 .word SEL_CODE32
rm_entry_ptr:	 .word thunk_rm
		 .word 0

msg_bad_image:	.asciz "bootnet: the core is missing from bootnet.kpxe (truncated download?)\r\n"
msg_damaged:	.asciz "bootnet: the packed core is damaged or cut short (truncated download?)\r\n"
msg_settings:	.asciz "bootnet: the core was packed with LZMA settings this prefix cannot unpack\r\n"
msg_no_base:	.asciz "bootnet: not enough base memory below 640 KiB\r\n"
msg_no_memory:	.asciz "bootnet: no usable memory above 1 MiB for its core (E820 map empty or too small)\r\n"

/* ------------------------------------------------ start, at 07C0:entry */
entry:
	movw	%bx, %cs:h_pxenv_off
	movw	%es, %cs:h_pxenv_seg
	movw	%sp, %cs:h_rom_sp
	movw	%ss, %cs:h_rom_ss
	movw	%sp, %bp
	movw	4(%bp), %ax
	movw	%ax, %cs:h_ppxe_off
	movw	6(%bp), %ax
	movw	%ax, %cs:h_ppxe_seg
	movw	%cs, %ax
	movw	%ds, %cs:rom_ds
	movw	%ax, %ds
	cld

	cmpl	$PACKED_MAGIC, _prefix_file_end
	jne	bad_image

	/* The new home: base memory top, less our size in KiB. */
	xorw	%ax, %ax
	movw	%ax, %es
	movw	%es:0x413, %ax
	movw	%ax, h_base_kb
	movl	$_low_mem_end + 1023, %ecx
	shrl	$10, %ecx
	subw	%cx, %ax
	jc	no_base
	andw	$~3, %ax                /* 4 KiB aligned: code and data on separate pages */
	movzwl	%ax, %ebx
	shll	$10, %ebx
	movl	_prefix_file_end + PACKED_SIZE, %edx
	addl	$0x7c00 + _prefix_file_end + PACKED_HEADER, %edx
	cmpl	%edx, %ebx              /* must lie above the file we came in */
	jb	no_base
	movw	%ax, %es:0x413
	shlw	$6, %ax
	movw	%ax, h_low_seg
	movl	$_low_mem_end, h_low_size

	movw	%ax, %es
	xorw	%si, %si
	xorw	%di, %di
	movw	$_prefix_file_end, %cx
	rep movsb
	movw	$_low_bss_size, %cx
	xorb	%al, %al
	rep stosb
	pushw	%es
	pushw	$relocated
	lretw

bad_image:
	movw	$msg_bad_image, %si
	jmp	early_fail
no_base:
	movw	$msg_no_base, %si
early_fail:
	call	print
	movw	%cs:rom_ds, %ds
	movw	$1, %ax
	lretw                           /* back to the ROM: its stack is untouched */
rom_ds:	.word 0

/* print: the NUL-terminated string at DS:SI to the screen and COM1. */
print:
	pushal
1:	lodsb
	testb	%al, %al
	jz	2f
	call	putc16
	jmp	1b
2:	popal
	ret
#include "prefix_putc.S"

/* ------------------------------------------------ at the top of base memory */
relocated:
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	cli
	movw	%ax, %ss
	movl	$rm_stack_top, %esp
	sti

	call	get_e820
	call	enable_a20

	movzwl	h_low_seg, %ebp
	shll	$4, %ebp
	movl	%ebp, %eax
	movw	%ax, gdt_code16 + 2
	movw	%ax, gdt_data16 + 2
	shrl	$16, %eax
	movb	%al, gdt_code16 + 4
	movb	%al, gdt_data16 + 4
	leal	gdt(%ebp), %eax
	movl	%eax, gdtr + 2
	leal	pm32_start(%ebp), %eax
	movl	%eax, pm32_start_ptr
	leal	thunk_pm32_return(%ebp), %eax
	movl	%eax, pm32_return_ptr
	movw	%cs, rm_entry_ptr + 2
	leal	thunk32(%ebp), %eax
	movl	%eax, h_thunk_entry
	leal	request(%ebp), %eax
	movl	%eax, h_request
	leal	bounce(%ebp), %eax
	movl	%eax, h_bounce
	leal	e820_buf(%ebp), %eax
	movl	%eax, h_e820
	leal	pm_idtr(%ebp), %eax
	movl	%eax, h_pm_idtr

	call	place_core
	jc	no_memory

	cli
	lgdtl	gdtr
	movl	%cr0, %eax
	orb	$1, %al
	movl	%eax, %cr0
	ljmpl	*pm32_start_ptr

no_memory:
	movw	$msg_no_memory, %si
	call	print
	jmp	do_exit

/* get_e820: INT 15h E820 into e820_buf, the count into h_e820_count. */
get_e820:
	xorl	%ebx, %ebx
	movw	$e820_buf, %di
	xorw	%si, %si
1:	movl	$1, %es:20(%di)         /* ACPI 3 attributes: "valid" unless told */
	movl	$0xe820, %eax
	movl	$E820_SIZE, %ecx
	movl	$0x534d4150, %edx       /* "SMAP" */
	int	$0x15
	jc	2f
	cmpl	$0x534d4150, %eax
	jne	2f
	cmpl	$20, %ecx
	jb	3f
	incw	%si
	addw	$E820_SIZE, %di
	cmpw	$E820_MAX, %si
	jae	2f
3:	testl	%ebx, %ebx
	jnz	1b
2:	movzwl	%si, %eax
	movl	%eax, h_e820_count
	ret

/* enable_a20: ask the BIOS, then the "fast A20" port as well. */
enable_a20:
	movw	$0x2401, %ax
	int	$0x15
	inb	$0x92, %al
	testb	$0x02, %al
	jnz	1f
	orb	$0x02, %al
	andb	$0xfe, %al              /* bit 0 would reset the machine */
	outb	%al, $0x92
1:	ret

/* place_core: the core's address at the top of the largest usable E820
 * range between 1 MiB and 4 GiB, 64 KiB aligned, into h_core_start and
 * h_core_end; CF set when nothing fits. The core itself (bios_memory.c)
 * checks it against the merged map. */
place_core:
	movw	$0x07c0, %ax
	movw	%ax, %fs
	movl	%fs:_prefix_file_end + PACKED_MEM_SIZE, %edi
	xorl	%eax, %eax
	movl	%eax, best_size
	movl	%eax, best_end
	movw	$e820_buf, %bx
	movw	h_e820_count, %cx
1:	jcxz	5f
	cmpl	$1, 16(%bx)
	jne	4f
	cmpl	$0, 4(%bx)
	jne	4f
	movl	(%bx), %eax
	movl	8(%bx), %edx
	cmpl	$0, 12(%bx)
	jne	2f
	addl	%eax, %edx
	jnc	3f
2:	movl	$0xfffff000, %edx
3:	andl	$0xfffff000, %edx
	cmpl	$0x100000, %eax
	jae	6f
	movl	$0x100000, %eax
6:	cmpl	%eax, %edx
	jbe	4f
	movl	%edx, %esi
	subl	%eax, %esi
	cmpl	best_size, %esi
	jbe	4f
	movl	%esi, best_size
	movl	%edx, best_end
4:	addw	$E820_SIZE, %bx
	decw	%cx
	jmp	1b
5:	movl	best_end, %eax
	subl	%edi, %eax
	jc	7f
	andl	$0xffff0000, %eax
	movl	best_end, %edx
	subl	best_size, %edx
	cmpl	%edx, %eax
	jb	7f
	movl	%eax, h_core_start
	addl	%edi, %eax
	movl	%eax, h_core_end
	clc
	ret
7:	stc
	ret
best_size:	.long 0
best_end:	.long 0

/* ------------------------------------------------ 32-bit: start the core */
	.code32
pm32_start:
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	leal	rm_stack_top(%ebp), %esp
	cld

	/* unpack_core(packed, dest, scratch, scratch_size): the bounce
	 * buffer is free until the core runs, and holds the bit models. */
	leal	bounce(%ebp), %eax
	pushl	$BOUNCE_SIZE
	pushl	%eax
	pushl	h_core_start(%ebp)
	pushl	$0x7c00 + _prefix_file_end
	call	unpack_core
	addl	$16, %esp
	testl	%eax, %eax
	jnz	unpack_failed
	movl	h_core_start(%ebp), %ebx

	movl	CORE_FILE_SIZE(%ebx), %edi
	movl	CORE_MEM_SIZE(%ebx), %ecx
	subl	%edi, %ecx
	addl	%ebx, %edi
	xorl	%eax, %eax
	rep stosb

	/* Relocations: the core is linked at 0, every entry is R_386_RELATIVE
	 * (the build checks that), so add where it now lives. */
	movl	CORE_REL_START(%ebx), %esi
	addl	%ebx, %esi
	movl	CORE_REL_END(%ebx), %edx
	addl	%ebx, %edx
1:	cmpl	%edx, %esi
	jae	3f
	cmpb	$8, 4(%esi)
	jne	2f
	movl	(%esi), %eax
	addl	%ebx, (%ebx,%eax)
2:	addl	$8, %esi
	jmp	1b
3:
	movl	CORE_STACK_TOP(%ebx), %esp
	addl	%ebx, %esp
	leal	handover(%ebp), %eax
	pushl	%eax
	movl	CORE_ENTRY(%ebx), %eax
	addl	%ebx, %eax
	call	*%eax
	/* bootnet_main returned ("exit"): give the machine back to the ROM. */
	movw	$THUNK_EXIT, request + RQ_KIND(%ebp)
	leal	thunk32(%ebp), %eax
	call	*%eax
unpack_failed:                          /* real mode says why, then gives up */
	movl	%eax, request + RQ_EAX(%ebp)
	movw	$THUNK_FAIL, request + RQ_KIND(%ebp)
	leal	thunk32(%ebp), %eax
	call	*%eax

/* ------------------------------------------------ the thunk
 * thunk32: called (cdecl, no arguments) from the 32-bit core with the
 * request block filled; runs it in real mode and comes back. Every
 * register is kept; interrupts are off in protected mode, on in real mode. */
thunk32:
	pushal
	ljmpl	$SEL_CODE16, $thunk16
	.code16
thunk16:
	movw	$SEL_DATA16, %ax         /* 64 KiB limits for real mode */
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	%esp, saved_esp
	movl	%cr0, %eax
	andb	$0xfe, %al
	movl	%eax, %cr0
	ljmpw	*%cs:rm_entry_ptr
thunk_rm:
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	$rm_stack_top, %esp
	lidtl	rm_idtr
	sti
	movw	request + RQ_KIND, %ax
	cmpw	$THUNK_CALL, %ax
	je	do_call
	cmpw	$THUNK_JUMP, %ax
	je	do_jump
	cmpw	$THUNK_EXIT, %ax
	je	do_exit
	cmpw	$THUNK_FAIL, %ax
	je	do_fail

.macro LOAD_REGS
	movl	%cs:request + RQ_EAX, %eax
	movl	%cs:request + RQ_EBX, %ebx
	movl	%cs:request + RQ_ECX, %ecx
	movl	%cs:request + RQ_EDX, %edx
	movl	%cs:request + RQ_ESI, %esi
	movl	%cs:request + RQ_EDI, %edi
	movl	%cs:request + RQ_EBP, %ebp
	movw	%cs:request + RQ_ES, %es
	movw	%cs:request + RQ_DS, %ds
.endm
.macro SAVE_REGS
	pushfl
	popl	%cs:request + RQ_EFLAGS
	movl	%eax, %cs:request + RQ_EAX
	movl	%ebx, %cs:request + RQ_EBX
	movl	%ecx, %cs:request + RQ_ECX
	movl	%edx, %cs:request + RQ_EDX
	movl	%esi, %cs:request + RQ_ESI
	movl	%edi, %cs:request + RQ_EDI
	movl	%ebp, %cs:request + RQ_EBP
	movw	%ds, %cs:request + RQ_DS
	movw	%es, %cs:request + RQ_ES
.endm

do_int:                                 /* INT n, as the CPU would: flags, then far call */
	movzbw	request + RQ_VECTOR, %bx
	shlw	$2, %bx
	xorw	%ax, %ax
	movw	%ax, %fs
	movl	%fs:(%bx), %eax
	movl	%eax, int_target
	LOAD_REGS
	pushfw
	cli
	lcallw	*%cs:int_target
	SAVE_REGS
	jmp	back_to_pm

do_call:                                /* push the words, far call, drop them */
	movw	request + RQ_NWORDS, %cx
	cmpw	$16, %cx
	jbe	1f
	movw	$16, %cx
1:	movw	%cx, %si
	shlw	$1, %si
	addw	$request + RQ_WORDS, %si
2:	jcxz	3f
	subw	$2, %si
	pushw	(%si)
	decw	%cx
	jmp	2b
3:	LOAD_REGS
	lcallw	*%cs:request + RQ_TARGET
	SAVE_REGS
	jmp	back_to_pm

do_jump:                                /* for good: to Linux's setup, another NBP */
	cli
	LOAD_REGS
	movw	%cs:request + RQ_FS, %fs
	movw	%cs:request + RQ_GS, %gs
	movw	%cs:request + RQ_SS, %ss
	movzwl	%cs:request + RQ_SP, %esp
	sti
	ljmpw	*%cs:request + RQ_TARGET

do_fail:
	movw	$msg_damaged, %si
	cmpl	$UNPACK_NO_SCRATCH, request + RQ_EAX
	ja	1f
	movw	$msg_settings, %si
1:	call	print
do_exit:                                /* back to the PXE ROM that loaded us */
	cli
	cmpl	$0, %cs:h_boot_kind
	je	2f
	sti                                     /* its stack is gone, or there was none: */
	int	$0x18                           /* the BIOS's next boot device */
2:
	xorw	%ax, %ax
	movw	%ax, %es
	movw	%cs, %ax
	shrw	$6, %ax
	cmpw	%ax, %es:0x413          /* nobody took base memory after us */
	jne	1f
	movw	%cs:h_base_kb, %ax
	movw	%ax, %es:0x413
1:	movw	%cs:h_rom_ss, %ss
	movw	%cs:h_rom_sp, %sp
	movw	%cs:rom_ds, %ds
	sti
	xorw	%ax, %ax
	lretw

back_to_pm:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movl	saved_esp, %edx
	lgdtl	gdtr                     /* a BIOS service may have loaded its own */
	lidtl	pm_idtr                  /* interrupts are off until we are back */
	movl	%cr0, %eax
	orb	$1, %al
	movl	%eax, %cr0
	ljmpl	*%cs:pm32_return_ptr
	.code32
thunk_pm32_return:
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	%edx, %esp
	popal
	ret

/* ------------------------------------------------ only in memory */
/* Everything the thunk writes lives here, on pages of its own: QEMU (and
 * any CPU) treats a write to a page holding code it has translated as
 * self-modifying code, which made each call cost a millisecond. */
	.section .bss16, "aw", @nobits
	.balign 16
saved_esp:	.long 0
int_target:	.long 0
	.balign 16
request:	.space RQ_SIZE
e820_buf:	.space E820_MAX * E820_SIZE
	.balign 16
bounce:		.space BOUNCE_SIZE
rm_stack:	.space RM_STACK_SIZE
rm_stack_top:

	.section .note.GNU-stack, "", @progbits
