/* The MBR boot code of bin/bootnet.usb (tools/mkusb --bios-mbr): the BIOS
 * loads this sector at 0000:7C00 and jumps to it with DL = the boot drive.
 * It moves itself to 0000:0600, reads the BIOS build (bin/bootnet.kpxe)
 * from the USB image's "BIOS boot" partition with INT 13h extended reads
 * (AH=42h) to 0000:7C00, and enters it there with DL kept, as a PXE ROM
 * enters an NBP (minus the PXE structures, which bootnet checks before
 * use). On an error it says what failed and hands the boot back to the
 * BIOS (INT 18h: the next boot device), so the machine stays usable.
 *
 * Only the first 440 bytes are used (the disk signature and partition
 * table follow). mkusb fills in, at fixed offsets:
 *   0x1A8  image_lba    (8 bytes): first sector of the BIOS build
 *   0x1B0  image_count  (2 bytes): its length in 512-byte sectors */
	.code16
	.section .text
	.globl _start

#define RELOC 0x0600
#define LOAD_SEG 0x07c0
#define CHUNK 64                    /* sectors per read: within every BIOS's limit */

_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$0x7c00, %sp
	sti
	cld
	movw	$0x7c00, %si
	movw	$RELOC, %di
	movw	$256, %cx
	rep movsw
	ljmp	$0, $relocated

relocated:
	movb	%dl, drive
	movw	$image_lba, %si
	movw	$dap_lba, %di
	movw	$4, %cx
	rep movsw
	movw	$msg_ext, %si
	movb	$0x41, %ah
	movw	$0x55aa, %bx
	int	$0x13
	jc	fail
	cmpw	$0xaa55, %bx
	jne	fail
	movw	$msg_packet, %si
	testb	$1, %cl                 /* CX bit 0: packet calls (AH=42h) supported */
	jz	fail
	movw	$msg_empty, %si
	movw	image_count, %cx
	jcxz	fail

read_next:
	movw	%cx, %ax
	cmpw	$CHUNK, %ax
	jbe	1f
	movw	$CHUNK, %ax
1:	movw	%ax, dap_count
	pushw	%cx
	movw	$dap, %si
	movb	drive, %dl
	movb	$0x42, %ah
	int	$0x13
	popw	%cx
	movw	$msg_read, %si
	jc	fail
	movw	dap_count, %ax
	subw	%ax, %cx
	addw	%ax, dap_lba
	adcw	$0, dap_lba + 2
	adcw	$0, dap_lba + 4
	adcw	$0, dap_lba + 6
	shlw	$5, %ax                 /* 512 bytes = 32 paragraphs */
	addw	%ax, dap_seg
	jcxz	start_image
	jmp	read_next

start_image:
	/* As a PXE ROM calls an NBP: SS:SP holds where to come back to (here,
	 * if bootnet gives the machine back) and SS:SP+4 the !PXE far
	 * pointer, 0:0 (none). */
	xorw	%ax, %ax
	pushw	%ax
	pushw	%ax
	pushw	%ax
	pushw	$returned
	movb	drive, %dl
	ljmp	$0, $0x7c00
returned:
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	$msg_returned, %si

/* Prints "bootnet USB: " and the message at SI, then INT 18h. */
fail:
	pushw	%si
	movw	$msg_prefix, %si
	call	puts
	popw	%si
	call	puts
	int	$0x18
halt:	hlt
	jmp	halt

puts:
	lodsb
	testb	%al, %al
	jz	2f
	movb	$0x0e, %ah
	movw	$0x0007, %bx
	int	$0x10
	jmp	puts
2:	ret

msg_prefix:	.asciz "bootnet USB: "
msg_ext:	.asciz "no INT 13h extensions\r\n"
msg_packet:	.asciz "INT 13h extensions without packet reads (AH=42h)\r\n"
msg_empty:	.asciz "no BIOS build on this image\r\n"
msg_read:	.asciz "disk read failed\r\n"
msg_returned:	.asciz "bootnet returned\r\n"

drive:	.byte 0
	.balign 4
dap:	.byte 16, 0
dap_count:	.word 0
	.word 0                     /* offset */
dap_seg:	.word LOAD_SEG
dap_lba:	.quad 0

	.org 0x1a8
image_lba:	.quad 0
image_count:	.word 0
	.org 0x1b8
