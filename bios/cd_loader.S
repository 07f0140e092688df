/* The loader at the front of bin/bootnet.iso's BIOS boot file (tools/mkiso
 * --bios-loader): that file is this sector (2048 bytes) followed by
 * bin/bootnet.kpxe, and its El Torito entry (no emulation) has the BIOS
 * load only its first 2048 bytes (-boot-load-size 4), as many BIOSes load
 * no more of a no-emulation image whatever the entry says.
 *
 * The BIOS loads this sector at 0000:7C00 (or 07C0:0000) and jumps to it
 * with DL = the CD's drive number. It moves itself to 0000:0600, reads the
 * rest of the boot file (bootnet.kpxe: from the boot file's LBA + 1, the
 * file's length less 2048 bytes) with INT 13h extended reads (AH=42h, in
 * 2048-byte CD sectors) to 0000:7C00, and enters it there with DL kept,
 * as a PXE ROM enters an NBP minus the PXE structures: ES:BX = 0000:0000
 * (no PXENV+), a far pointer 0000:0000 (no !PXE) at SS:SP+4 and, at
 * SS:SP, a far return to this loader, which bootnet takes when it gives
 * the machine back (its prefix's early failures included). On any error,
 * and on that return, it says what happened (screen and COM1) and hands
 * the boot back to the BIOS (INT 18h: the next boot device), so the
 * machine stays usable.
 *
 * Bytes 8 to 63 are El Torito's boot info table, which xorriso fills in
 * (-boot-info-table): the primary volume descriptor's LBA, the boot file's
 * LBA and length in bytes, a checksum. mkiso checks they are zero here. */
	.code16
	.section .text
	.globl _start

#define RELOC 0x0600                /* where this loader runs (linked there) */
#define LOAD_ADDR 0x7c00            /* where bootnet.kpxe is read to and entered */
#define BOUNCE 0x1000               /* one CD sector, for those that straddle 64 KiB */
#define CD_SECTOR 2048
#define CHUNK 16                    /* CD sectors per read (32 KiB): within every BIOS's limit */
#define TRIES 4                     /* reads of a chunk before giving up (a CD spinning up) */

_start:
	jmp	start                   /* relative: right at 0000:7C00 or 07C0:0000 */

	.org 8
bi_pvd:		.long 0
bi_file:	.long 0
bi_length:	.long 0
bi_csum:	.long 0
	.org 64

start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$LOAD_ADDR, %sp
	sti
	cld
	movw	$LOAD_ADDR, %si
	movw	$RELOC, %di
	movw	$CD_SECTOR / 2, %cx
	rep movsw
	ljmp	$0, $relocated

relocated:
	movb	%dl, drive
	movw	$msg_reading, %si
	call	puts

	/* The boot info table: bootnet.kpxe follows this sector. */
	movw	$msg_no_table, %si
	movl	bi_file, %eax
	testl	%eax, %eax
	jz	fail
	movw	$msg_empty, %si
	movl	bi_length, %ecx
	subl	$CD_SECTOR, %ecx
	jbe	fail
	addl	$CD_SECTOR - 1, %ecx
	shrl	$11, %ecx               /* ECX: CD sectors left to read */
	incl	%eax
	movl	%eax, dap_lba
	/* Whole sectors from 7C00 must end below the base-memory top (the
	 * EBDA and whatever the BIOS keeps there lie above). */
	movw	$msg_too_big, %si
	movl	%ecx, %edx
	shll	$11, %edx
	addl	$LOAD_ADDR, %edx
	movzwl	0x413, %eax
	shll	$10, %eax
	cmpl	%eax, %edx
	ja	fail
	movl	$LOAD_ADDR, %edi        /* EDI: where the next sector goes (linear) */

read_next:
	/* Whole sectors before the next 64 KiB boundary, so that no read
	 * crosses one (a BIOS's DMA may not); a sector that would straddle
	 * one goes through the bounce buffer. */
	movzwl	%di, %eax
	negl	%eax
	addl	$0x10000, %eax
	shrl	$11, %eax
	jz	straddle
	cmpl	$CHUNK, %eax
	jbe	1f
	movl	$CHUNK, %eax
1:	cmpl	%ecx, %eax
	jbe	2f
	movl	%ecx, %eax
2:	movl	%edi, %ebx
	shrl	$4, %ebx
	movw	%bx, dap_seg
	movw	%di, %bx
	andw	$15, %bx
	movw	%bx, dap_off
	call	read
	jmp	advance

straddle:
	movw	$BOUNCE >> 4, dap_seg
	movw	$0, dap_off
	movw	$1, %ax
	call	read
	pushw	%es
	movl	%edi, %ebx
	shrl	$4, %ebx
	movw	%bx, %es
	pushw	%di
	andw	$15, %di
	movw	$BOUNCE, %si
	pushw	%cx
	movw	$CD_SECTOR / 2, %cx
	rep movsw
	popw	%cx
	popw	%di
	popw	%es
	movl	$1, %eax

advance:                                /* EAX sectors were read */
	addl	%eax, dap_lba
	adcl	$0, dap_lba + 4
	subl	%eax, %ecx
	shll	$11, %eax
	addl	%eax, %edi
	testl	%ecx, %ecx
	jnz	read_next

	/* Enter bootnet.kpxe as a PXE ROM enters an NBP, without PXE. */
	cli
	xorw	%ax, %ax
	movw	%ax, %ss
	movw	$LOAD_ADDR, %sp
	sti
	pushw	%ax                     /* SS:SP+4: !PXE, none */
	pushw	%ax
	pushw	%ax                     /* SS:SP: back to the loader */
	pushw	$returned
	movw	%ax, %ds
	movw	%ax, %es
	xorw	%bx, %bx                /* ES:BX: PXENV+, none */
	movb	drive, %dl
	ljmp	$0, $LOAD_ADDR

/* bootnet gave the machine back (it has said why). */
returned:
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	$msg_returned, %si
	jmp	fail

/* read: AX CD sectors from dap_lba to dap_seg:dap_off, TRIES times at
 * most; on failure, says so with the BIOS's status and the LBA. Keeps
 * every register but flags. */
read:
	pushal
	movw	$TRIES, %bp
1:	movw	%ax, dap_count          /* a failed call may have changed it */
	pushw	%ax
	movw	$dap, %si
	movb	drive, %dl
	movb	$0x42, %ah
	int	$0x13
	movb	%ah, status
	popw	%ax
	jnc	2f
	decw	%bp
	jnz	1b
	movw	$msg_prefix, %si
	call	puts
	movw	$msg_read, %si
	call	puts
	movzbl	status, %eax
	shll	$24, %eax
	movw	$2, %cx
	call	puthex
	movw	$msg_at_lba, %si
	call	puts
	movl	dap_lba, %eax
	movw	$8, %cx
	call	puthex
	movw	$msg_close, %si
	jmp	fail_tail
2:	popal
	ret

/* Prints "bootnet CD: " and the message at SI, then INT 18h. */
fail:
	pushw	%si
	movw	$msg_prefix, %si
	call	puts
	popw	%si
fail_tail:
	call	puts
	int	$0x18
halt:	hlt
	jmp	halt

/* puts: the NUL-terminated string at DS:SI (screen and COM1). */
puts:
	lodsb
	testb	%al, %al
	jz	1f
	call	putc16
	jmp	puts
1:	ret

/* puthex: the CX hex digits at the top of EAX. */
puthex:
	roll	$4, %eax
	pushl	%eax
	andb	$0x0f, %al
	addb	$'0', %al
	cmpb	$'9', %al
	jbe	1f
	addb	$'a' - '9' - 1, %al
1:	call	putc16
	popl	%eax
	loop	puthex
	ret

#include "prefix_putc.S"

msg_reading:	.ascii "bootnet CD: loading bootnet.kpxe"
msg_crlf:	.asciz "\r\n"
msg_prefix:	.asciz "bootnet CD: "
msg_no_table:	.asciz "no boot info table in this sector (the ISO was not made by tools/mkiso)\r\n"
msg_empty:	.asciz "no bootnet.kpxe after the loader in the boot file\r\n"
msg_too_big:	.asciz "bootnet.kpxe does not fit in base memory\r\n"
msg_read:	.asciz "CD read failed (INT 13h AH=42h status 0x"
msg_at_lba:	.asciz " at LBA 0x"
msg_close:	.asciz ")\r\n"
msg_returned:	.asciz "bootnet returned; next boot device\r\n"

drive:	.byte 0
status:	.byte 0
	.balign 4
dap:	.byte 16, 0
dap_count:	.word 0
dap_off:	.word 0
dap_seg:	.word 0
dap_lba:	.quad 0

	.org CD_SECTOR
