# A tiny BIOS-bootable disk for the BIOS SAN tests, assembled at test time
# (sourced; needs binutils and python3). The MBR prints a marker on COM1,
# checks the EDD extensions (INT 13h AH=41h) and reads its second stage
# from sectors 1-4 with AH=42h. The second stage prints its own random
# marker (proof the read went over iSCSI), then what INT 13h reports:
# AH=08h geometry, AH=15h size, a CHS read (AH=02h) of a marker sector,
# an AH=42h read of 64 sectors of random data summed, a read past the end
# (must fail), the INT 15h E820 map (base, length, type per line), and the
# iBFT it finds in 512 KiB-640 KiB (checksum, target and initiator names),
# then a read aimed at that iBFT (bootnet's memory: must be refused). Everything goes straight to the UART: no BIOS video involved.

# san_bios_disk IMAGE: builds the disk; sets SAN_STAGE2_MARKER,
# SAN_CHS_MARKER and SAN_BULK_SUM (what the program must print).
san_bios_disk() {
	local image=$1 dir
	dir=$(dirname "$image")
	SAN_STAGE2_MARKER="STAGE2-MARKER-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
	SAN_CHS_MARKER="CHS-MARKER-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
	cat > "$dir/mbr.S" <<'ASM'
	.code16
	.text
	.globl _start
_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$0x7c00, %sp
	sti
	movb	%dl, drive
	movw	$msg_hello, %si
	call	print
	movb	drive, %al
	call	hex8
	movw	$msg_crlf, %si
	call	print
	movb	$0x41, %ah
	movw	$0x55aa, %bx
	movb	drive, %dl
	int	$0x13
	jc	no_edd
	cmpw	$0xaa55, %bx
	jne	no_edd
	movw	$dap, %si
	movb	$0x42, %ah
	movb	drive, %dl
	int	$0x13
	jc	read_failed
	movb	drive, %dl
	ljmp	$0, $0x7e00
no_edd:
	movw	$msg_no_edd, %si
	jmp	fail
read_failed:
	movw	$msg_read_failed, %si
fail:
	call	print
halt:
	hlt
	jmp	halt
print:
	lodsb
	testb	%al, %al
	jz	1f
	call	putc
	jmp	print
1:	ret
putc:
	pushw	%dx
	pushw	%ax
	movw	$0x3fd, %dx
1:	inb	%dx, %al
	testb	$0x20, %al
	jz	1b
	popw	%ax
	movw	$0x3f8, %dx
	outb	%al, %dx
	popw	%dx
	ret
hex8:
	pushw	%ax
	shrb	$4, %al
	call	nibble
	popw	%ax
nibble:
	andb	$15, %al
	addb	$'0', %al
	cmpb	$'9', %al
	jbe	putc
	addb	$7, %al
	jmp	putc
dap:	.byte 16, 0
	.word 4, 0x7e00, 0
	.quad 1
drive:	.byte 0
msg_hello:	.asciz "MBR-ON-SAN dl="
msg_crlf:	.asciz "\r\n"
msg_no_edd:	.asciz "MBR-NO-EDD\r\n"
msg_read_failed: .asciz "MBR-READ-FAILED\r\n"
	.org 510
	.byte 0x55, 0xaa
ASM
	cat > "$dir/stage2.S" <<ASM
	.code16
	.text
	.globl _start
_start:
	movb	%dl, drive
	movw	\$msg_stage2, %si
	call	print

	movb	\$0x08, %ah                 /* geometry */
	movb	drive, %dl
	int	\$0x13
	jc	fail
	pushw	%dx
	movw	\$msg_geometry, %si
	call	print
	movw	%cx, %ax
	call	hex16
	movw	\$msg_dh, %si
	call	print
	popw	%dx
	pushw	%dx
	movb	%dh, %al
	call	hex8
	movw	\$msg_dl, %si
	call	print
	popw	%dx
	movb	%dl, %al
	call	hex8
	call	crlf

	movb	\$0x15, %ah                 /* type and size */
	movb	drive, %dl
	int	\$0x13
	jc	fail
	pushw	%dx
	pushw	%cx
	pushw	%ax
	movw	\$msg_type, %si
	call	print
	popw	%ax
	movb	%ah, %al
	call	hex8
	movw	\$msg_sectors, %si
	call	print
	popw	%ax
	call	hex16
	popw	%ax
	call	hex16
	call	crlf

	movw	\$0x0201, %ax               /* CHS: cylinder 0, head 0, sector 6 = LBA 5 */
	movw	\$0x0006, %cx
	xorb	%dh, %dh
	movb	drive, %dl
	movw	\$0x9000, %bx
	int	\$0x13
	jc	fail
	movw	\$0x9000, %si
	call	print
	call	crlf

	movw	\$dap_bulk, %si             /* 64 sectors at LBA 8 to 1000:0000 */
	movb	\$0x42, %ah
	movb	drive, %dl
	int	\$0x13
	jc	fail
	pushw	%ds
	movw	\$0x1000, %ax
	movw	%ax, %ds
	xorw	%si, %si
	xorw	%bx, %bx
	movw	\$16384, %cx
1:	lodsw
	addw	%ax, %bx
	loop	1b
	popw	%ds
	movw	\$msg_sum, %si
	call	print
	movw	%bx, %ax
	call	hex16
	call	crlf

	movw	\$dap_past, %si             /* past the end: must fail */
	movb	\$0x42, %ah
	movb	drive, %dl
	int	\$0x13
	jnc	past_accepted
	pushw	%ax
	movw	\$msg_past, %si
	call	print
	popw	%ax
	movb	%ah, %al
	call	hex8
	call	crlf

	xorl	%ebx, %ebx                  /* the memory map, as the OS will see it */
e820_next:
	movl	\$0xe820, %eax
	movl	\$24, %ecx
	movl	\$0x534d4150, %edx
	movw	\$e820_buf, %di
	int	\$0x15
	jc	e820_end
	cmpl	\$0x534d4150, %eax
	jne	e820_end
	movw	\$msg_e820, %si
	call	print
	movw	\$e820_buf + 8, %si
	call	hex64
	movw	\$msg_space, %si
	call	print
	movw	\$e820_buf + 16, %si
	call	hex64
	movw	\$msg_space, %si
	call	print
	movb	e820_buf + 16, %al
	call	hex8
	call	crlf
	testl	%ebx, %ebx
	jnz	e820_next
e820_end:

	movw	\$0x8000, %ax               /* the iBFT, on a 16-byte boundary */
scan:	movw	%ax, %es
	cmpl	\$0x54464269, %es:0         /* "iBFT" */
	je	found
	incw	%ax
	cmpw	\$0xa000, %ax
	jb	scan
	movw	\$msg_no_ibft, %si
	call	print
	jmp	done
found:	pushw	%ax
	movw	\$msg_ibft, %si
	call	print
	popw	%ax
	call	hex16
	movw	%es:4, %cx                  /* checksum: all bytes sum to 0 */
	xorw	%di, %di
	xorb	%bl, %bl
1:	addb	%es:(%di), %bl
	incw	%di
	loop	1b
	movw	\$msg_ibft_sum, %si
	call	print
	movb	%bl, %al
	call	hex8
	movw	\$msg_ibft_target, %si
	call	print
	movw	%es:60, %di                 /* control + 12: the target structure */
	movw	%es:34(%di), %cx            /* its name: length, offset */
	movw	%es:36(%di), %si
	call	print_es
	movw	\$msg_ibft_initiator, %si
	call	print
	movw	%es:56, %di                 /* control + 8: the initiator structure */
	movw	%es:70(%di), %cx            /* its name: length, offset */
	movw	%es:72(%di), %si
	call	print_es
	call	crlf
	movw	%es, dap_own + 6            /* a read over the iBFT, in bootnet's memory */
	movw	\$dap_own, %si
	movb	\$0x42, %ah
	movb	drive, %dl
	int	\$0x13
	jnc	own_accepted
	pushw	%ax
	movw	\$msg_own, %si
	call	print
	popw	%ax
	movb	%ah, %al
	call	hex8
	call	crlf
done:
	movw	\$msg_done, %si
	call	print
	jmp	halt
own_accepted:
	movw	\$msg_own_accepted, %si
	call	print
	jmp	halt
past_accepted:
	movw	\$msg_past_accepted, %si
	call	print
	jmp	halt
fail:
	pushw	%ax
	movw	\$msg_fail, %si
	call	print
	popw	%ax
	movb	%ah, %al
	call	hex8
	call	crlf
halt:
	hlt
	jmp	halt

print_es:                                   /* CX bytes at ES:SI */
	jcxz	2f
1:	movb	%es:(%si), %al
	call	putc
	incw	%si
	loop	1b
2:	ret
print:
	lodsb
	testb	%al, %al
	jz	1f
	call	putc
	jmp	print
1:	ret
crlf:
	movb	\$13, %al
	call	putc
	movb	\$10, %al
	jmp	putc
putc:
	pushw	%dx
	pushw	%ax
	movw	\$0x3fd, %dx
1:	inb	%dx, %al
	testb	\$0x20, %al
	jz	1b
	popw	%ax
	movw	\$0x3f8, %dx
	outb	%al, %dx
	popw	%dx
	ret
hex64:                                      /* the 8 bytes below DS:SI, as one number */
	movw	\$4, %cx
1:	subw	\$2, %si
	movw	(%si), %ax
	call	hex16
	loop	1b
	ret
hex16:
	pushw	%ax
	movb	%ah, %al
	call	hex8
	popw	%ax
hex8:
	pushw	%ax
	shrb	\$4, %al
	call	nibble
	popw	%ax
nibble:
	andb	\$15, %al
	addb	\$'0', %al
	cmpb	\$'9', %al
	jbe	putc
	addb	\$7, %al
	jmp	putc

dap_bulk:	.byte 16, 0
	.word 64, 0, 0x1000
	.quad 8
dap_past:	.byte 16, 0
	.word 1, 0, 0x1000
	.quad 0x1000000
dap_own:	.byte 16, 0
	.word 1, 0, 0
	.quad 8
drive:	.byte 0
e820_buf:	.space 24
msg_e820:	.asciz "E820 "
msg_space:	.asciz " "
msg_stage2:	.asciz "STAGE2 $SAN_STAGE2_MARKER\r\n"
msg_geometry:	.asciz "GEOMETRY cx="
msg_dh:		.asciz " dh="
msg_dl:		.asciz " dl="
msg_type:	.asciz "TYPE ah="
msg_sectors:	.asciz " sectors="
msg_sum:	.asciz "BULK-SUM "
msg_past:	.asciz "PAST-END-REFUSED ah="
msg_past_accepted: .asciz "PAST-END-ACCEPTED\r\n"
msg_no_ibft:	.asciz "IBFT-NOT-FOUND\r\n"
msg_ibft:	.asciz "IBFT-FOUND seg="
msg_ibft_sum:	.asciz " sum="
msg_ibft_target: .asciz " target="
msg_ibft_initiator: .asciz " initiator="
msg_own:	.asciz "OWN-MEMORY-REFUSED ah="
msg_own_accepted: .asciz "OWN-MEMORY-ACCEPTED\r\n"
msg_done:	.asciz "STAGE2-DONE\r\n"
msg_fail:	.asciz "STAGE2-INT13-FAILED ah="
	.org 2048
ASM
	as --32 -o "$dir/mbr.o" "$dir/mbr.S" &&
	ld -m elf_i386 -Ttext=0x7c00 --oformat binary -o "$dir/mbr.bin" "$dir/mbr.o" &&
	as --32 -o "$dir/stage2.o" "$dir/stage2.S" &&
	ld -m elf_i386 -Ttext=0x7e00 --oformat binary -o "$dir/stage2.bin" "$dir/stage2.o" ||
		lab_fail "could not assemble the test's boot program"
	[ "$(stat -c %s "$dir/mbr.bin")" = 512 ] || lab_fail "the test's MBR is not 512 bytes"
	rm -f "$image"
	truncate -s 8M "$image"
	dd if="$dir/mbr.bin" of="$image" conv=notrunc status=none
	dd if="$dir/stage2.bin" of="$image" bs=512 seek=1 conv=notrunc status=none
	printf '%s\0' "$SAN_CHS_MARKER" | dd of="$image" bs=512 seek=5 conv=notrunc status=none
	head -c 32768 /dev/urandom | dd of="$image" bs=512 seek=8 conv=notrunc status=none
	SAN_BULK_SUM=$(python3 - "$image" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()[8 * 512:72 * 512]
print("%04X" % (sum(struct.unpack("<16384H", data)) & 0xffff))
PY
)
}
