/* The BIOS boot code of bootnet's boot media: the MBR of bin/bootnet.usb
 * (its first 440 bytes; the GPT's partition table and signature follow),
 * or, assembled with -DCDROM, the first 2048-byte sector of the ISO's
 * BIOS El Torito boot image (no emulation).
 *
 * The BIOS loads it at 0000:7C00 with the drive in DL. It moves itself to
 * 0000:0600, reads the BIOS build (build/bios/media.img: the prefix with
 * BOOT_KIND=2 and the core) to 0000:7C00 with INT 13h extended reads and
 * starts it there as a boot sector is started, with a far return to
 * INT 18h on the stack for the prefix's early failures. Where the build
 * is: on the USB disk the BIOS boot partition at IMAGE_LBA (tools/mkusb),
 * IMAGE_SECTORS long (the Makefile gives both); on the CD right after this
 * sector in the same boot file, whose place and length the boot info table
 * (xorriso -boot-info-table) gives. A failure says what failed and goes
 * back to the BIOS (INT 18h: its next boot device). */

#define LOAD_AT 0x7c00
#ifdef CDROM
#define SECTOR_SHIFT 11
#define CHUNK 16                        /* sectors per read: 32 KiB */
#else
#define SECTOR_SHIFT 9
#define CHUNK 64
#endif
#define SECTOR (1 << SECTOR_SHIFT)

	.section .text16, "awx", @progbits
	.code16
	.globl _start
_start:
	jmp	start
	.org 8
#ifdef CDROM
/* El Torito boot info table, written by xorriso. */
bi_pvd:		.long 0
bi_file:	.long 0                 /* LBA of this boot file */
bi_length:	.long 0                 /* its length in bytes */
bi_checksum:	.long 0
		.space 40
#endif
start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$LOAD_AT, %sp
	sti
	cld
	movw	$LOAD_AT, %si
	movw	$_start, %di
	movw	$SECTOR / 2, %cx
	rep movsw
	ljmpw	$0, $moved

moved:
	movb	%dl, drive
#ifdef CDROM
	/* El Torito no-emulation boots use the extended reads by definition. */
	movl	bi_file, %eax
	incl	%eax                    /* the image follows this sector */
	movl	%eax, dap_lba
	movl	bi_length, %eax
	decl	%eax                    /* sectors after this one: */
	shrl	$SECTOR_SHIFT, %eax     /* (length - 2048 + 2047) / 2048 */
	movw	%ax, remaining
#else
	movb	$0x41, %ah              /* are the extended reads there? */
	movw	$0x55aa, %bx
	int	$0x13
	movw	$msg_no_edd, %si
	jc	fail
	cmpw	$0xaa55, %bx
	jne	fail
	testb	$1, %cl
	jz	fail
#endif
	/* All of it must fit below the base memory the BIOS reports. */
	movzwl	remaining, %eax
	shll	$SECTOR_SHIFT, %eax
	addl	$LOAD_AT, %eax
	movzwl	0x413, %edx
	shll	$10, %edx
	movw	$msg_too_big, %si
	cmpl	%edx, %eax
	ja	fail

read_next:
	movw	remaining, %ax
	testw	%ax, %ax
	jz	loaded
	cmpw	$CHUNK, %ax
	jbe	1f
	movw	$CHUNK, %ax
1:	movw	%ax, dap_count
	movw	$3, %di                 /* tries */
2:	movw	$dap, %si
	movb	drive, %dl
	movb	$0x42, %ah
	int	$0x13
	jnc	3f
	xorb	%ah, %ah                /* reset the drive, try again */
	movb	drive, %dl
	int	$0x13
	decw	%di
	jnz	2b
	movw	$msg_read, %si
	jmp	fail
3:	movw	dap_count, %ax
	subw	%ax, remaining
	movzwl	%ax, %ecx
	addl	%ecx, dap_lba
	shlw	$SECTOR_SHIFT - 4, %ax
	addw	%ax, dap_seg
	jmp	read_next

loaded:
	movb	drive, %dl
	xorw	%bx, %bx                /* ES:BX: no PXE structure */
	pushw	$0
	pushw	$back_to_bios
	ljmpw	$0, $LOAD_AT

fail:
	call	print
back_to_bios:
	int	$0x18

/* print: the NUL-terminated string at DS:SI on the screen and on COM1. */
print:
	lodsb
	testb	%al, %al
	jz	1f
	pushw	%ax
	movb	$0x0e, %ah
	movw	$0x0007, %bx
	int	$0x10
	popw	%ax
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	print
1:	ret

msg_no_edd:	.asciz "bootnet: no INT 13h extended reads\r\n"
msg_read:	.asciz "bootnet: disk read error\r\n"
msg_too_big:	.asciz "bootnet: too big for base memory\r\n"

drive:		.byte 0
#ifndef CDROM
remaining:	.word IMAGE_SECTORS
#else
remaining:	.word 0
#endif
	.balign 4
dap:		.byte 16, 0             /* INT 13h AH=42h disk address packet */
dap_count:	.word 0
dap_off:	.word 0
dap_seg:	.word LOAD_AT >> 4
#ifdef CDROM
dap_lba:	.long 0, 0
#else
dap_lba:	.long IMAGE_LBA, 0
#endif
code_end:
