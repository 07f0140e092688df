/* bootnet.rom's 16-bit code: a legacy PCI option ROM (PCI Firmware spec
 * 3.0 header and PCIR structure, PnP expansion header with a Boot Entry
 * Vector as the BIOS Boot Specification 1.01 has it).
 *
 * Only this code is the "initialization" part the BIOS copies into its
 * option ROM space, where room is scarce. The boot image
 * (build/bios/media.img: the prefix with BOOT_KIND=2 and the core it
 * unpacks, LZMA-packed by tools/pack-core) follows it on the NIC's flash,
 * inside the PCIR image length, behind an 8-byte header from tools/mkrom.
 *
 * The init entry only notes the NIC's PCI address the BIOS passes in AX
 * (keeping the checksum right): no network until the BIOS boots the BEV,
 * which lists the ROM as a boot device ("bootnet"). The BEV turns the
 * NIC's ROM BAR on again, copies the image from it to 0000:7C00, turns
 * the BAR off and starts the image there, as the USB MBR does; the prefix
 * then unpacks the core above 1 MiB and bootnet runs with its own drivers.
 *
 * tools/mkrom fills in the sizes, the PCI IDs, image_at and the
 * checksums. */

#define IMAGE_MAGIC 0x31494e42   /* "BNI1", then the image's size: tools/mkrom */
#define LOAD_AT 0x7c00

	.section .text16, "awx", @progbits
	.code16
	.globl _start
_start:
	.byte 0x55, 0xaa
rom_size:
	.byte 0                  /* 512-byte units: mkrom */
	jmp	init_entry       /* offset 3: the init entry */
	.org 0x18
	.word pcir
	.word pnp
image_at:	.long 0          /* offset of the image's header in the ROM: mkrom */
rom_pfa:	.word 0xffff     /* the NIC's bus/device/function: init */
rom_pfa_fix:	.byte 0          /* keeps the byte sum when rom_pfa changes */

	.balign 4
pcir:
	.ascii "PCIR"
	.word 0x8086, 0x100e     /* vendor, device: mkrom --vendor --device */
	.word 0                  /* device list */
	.word pcir_end - pcir    /* structure length */
	.byte 3                  /* structure revision (PCI Firmware 3.0) */
	.byte 0x00, 0x00, 0x02   /* class code: programming interface, subclass, class 02 network */
	.word 0                  /* image length, 512-byte units: mkrom */
	.word 1                  /* revision of the code */
	.byte 0                  /* code type 0: x86 (legacy BIOS) */
	.byte 0x80               /* indicator: the last image */
	.word 0                  /* maximum run-time image length: mkrom */
	.word 0                  /* configuration utility code header */
	.word 0                  /* DMTF CLP entry point */
pcir_end:

	.balign 16
pnp:
	.ascii "$PnP"
	.byte 1                  /* revision */
	.byte 2                  /* length in 16-byte units */
	.word 0                  /* next header: none */
	.byte 0                  /* reserved */
	.byte 0                  /* checksum of these 32 bytes: mkrom */
	.long 0                  /* device identifier */
	.word manufacturer
	.word product
	.byte 0x02, 0x00, 0x00   /* device type: network, Ethernet */
	.byte 0x06               /* indicators: may be shadowed, read cacheable */
	.word 0                  /* boot connection vector: none (not a disk) */
	.word 0                  /* disconnect vector */
	.word bev_entry          /* boot entry vector */
	.word 0                  /* reserved */
	.word 0                  /* static resource information vector */

manufacturer:	.asciz "bootnet"
product:	.asciz "bootnet"

msg_bad_image:	.asciz "bootnet.rom: the boot image on the NIC's ROM is damaged (no BNI1 header)\r\n"
msg_no_pfa:	.asciz "bootnet.rom: the BIOS did not pass the NIC's PCI address at init\r\n"
msg_no_bar:	.asciz "bootnet.rom: the NIC's ROM BAR has no address\r\n"
msg_too_big:	.asciz "bootnet.rom: not enough base memory below 640 KiB to load bootnet\r\n"
msg_failed:	.asciz "bootnet.rom: bootnet could not start; back to the BIOS\r\n"

	/* For unreal mode: data segments with a 4 GiB limit. The accessed
	 * bits are set, so the CPU never writes to this (read-only) copy. */
	.balign 8
gdt:
	.quad 0
	.quad 0x00cf93000000ffff     /* 0x08: data, base 0, 4 GiB */
gdt_end:

/* ------------------------------------------------ init: called once at POST */
init_entry:
	/* The shadow copy is writable during init (PCI Firmware 3.0); the
	 * fix byte takes away what the PFA adds, so the sum stays 0. */
	pushw	%ax
	movw	%ax, %cs:rom_pfa
	addb	%ah, %al
	negb	%al
	subb	$2, %al                  /* 0xFE (the 0xFFFF replaced) less the PFA's bytes */
	movb	%al, %cs:rom_pfa_fix
	popw	%ax
	xorw	%ax, %ax                 /* nothing attached: the BEV does the work */
	lretw

/* pci_read: the dword at config register BL of the NIC into EAX.
 * pci_write: EAX to it. */
pci_address:
	movzwl	%cs:rom_pfa, %edx
	shll	$8, %edx
	movb	%bl, %dl
	andb	$0xfc, %dl
	orl	$0x80000000, %edx
	xchgl	%eax, %edx
	movw	$0xcf8, %dx
	outl	%eax, %dx
	movw	$0xcfc, %dx
	ret
pci_read:
	pushl	%edx
	call	pci_address
	inl	%dx, %eax
	popl	%edx
	ret
pci_write:
	pushl	%edx
	pushl	%eax
	call	pci_address
	popl	%eax
	outl	%eax, %dx
	popl	%edx
	ret

/* print: the NUL-terminated string at CS:SI on the screen and on COM1. */
print:
	pushal
1:	movb	%cs:(%si), %al
	incw	%si
	testb	%al, %al
	jz	2f
	call	putc16
	jmp	1b
2:	popal
	ret
#include "prefix_putc.S"

/* ------------------------------------------------ BEV: the BIOS boots us */
bev_entry:
	pushal
	pushw	%ds
	pushw	%es
	movw	%cs, %ax
	movw	%ax, %ds
	cld
	movw	$msg_no_pfa, %si
	cmpw	$0xffff, rom_pfa
	je	bev_fail

	/* The ROM BAR (config 0x30) on, and memory decoding (0x04 bit 1);
	 * the old values on the stack, as this copy is read-only now. */
	movb	$0x04, %bl
	call	pci_read
	pushl	%eax
	orb	$0x02, %al
	call	pci_write
	movb	$0x30, %bl
	call	pci_read
	pushl	%eax
	andl	$0xfffff800, %eax
	movw	$msg_no_bar, %si
	jz	bev_restore
	movl	%eax, %ebp               /* the ROM's address */
	orb	$1, %al
	call	pci_write

	call	unreal_mode
	/* DS and ES now reach all memory by 32-bit offsets (base 0). */
	movl	%ebp, %esi
	addl	%cs:image_at, %esi
	cmpl	$IMAGE_MAGIC, (%esi)
	jne	bad_image
	/* The image must end below the base memory the BIOS reports. */
	movl	4(%esi), %ecx
	leal	LOAD_AT(%ecx), %edx
	movzwl	0x413, %eax
	shll	$10, %eax
	cmpl	%eax, %edx
	ja	too_big
	addl	$8, %esi
	movl	$LOAD_AT, %edi
	addr32 rep movsb
	sti
	movb	$0x30, %bl               /* the BAR and command as they were */
	popl	%eax
	call	pci_write
	movb	$0x04, %bl
	popl	%eax
	call	pci_write

	/* Start it as a boot sector is started: at 0000:7C00, with a far
	 * return to INT 18h on the stack for the prefix's early failures. */
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	xorw	%bx, %bx
	pushw	%cs
	pushw	$start_failed
	ljmpw	$0, $LOAD_AT

bad_image:
	movw	$msg_bad_image, %si
	jmp	bev_restore_sti
too_big:
	movw	$msg_too_big, %si
bev_restore_sti:
	sti
bev_restore:
	movw	%cs, %ax
	movw	%ax, %ds
	movb	$0x30, %bl
	popl	%eax
	call	pci_write
	movb	$0x04, %bl
	popl	%eax
	call	pci_write
bev_fail:
	movw	%cs, %ax
	movw	%ax, %ds
	call	print
	popw	%es
	popw	%ds
	popal
	lretw                            /* the BIOS tries its next boot device */

start_failed:
	movw	$msg_failed, %si
	call	print
	int	$0x18

/* unreal_mode: DS and ES get 4 GiB limits (protected mode for a moment);
 * interrupts stay off until the copy is done, as a real-mode handler
 * reloading DS would take the limit away. */
unreal_mode:
	cli
	pushl	%ebp
	movw	%cs, %ax
	movzwl	%ax, %eax
	shll	$4, %eax
	addl	$gdt, %eax
	pushl	%eax                     /* GDTR: base ... */
	pushw	$gdt_end - gdt - 1       /* ... and limit, on the stack */
	movw	%sp, %bp
	lgdtl	%ss:(%bp)
	addw	$6, %sp
	movl	%cr0, %eax
	orb	$1, %al
	movl	%eax, %cr0
	jmp	1f
1:	movw	$0x08, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movl	%cr0, %eax
	andb	$0xfe, %al
	movl	%eax, %cr0
	jmp	2f
2:	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	popl	%ebp
	ret

	.balign 16
code_end:                                /* mkrom pads, checksums, appends the image */
