/* The real-mode side of bootnet's SAN drive: a position-independent blob
 * that bios_int13.c copies into base memory (CS = its segment, offset 0 =
 * its first byte) and hooks into the INT 13h and INT 15h vectors.
 *
 * INT 13h for bootnet's drive saves the caller's registers in the frame,
 * switches to 32-bit flat protected mode, calls the core's C handler on a
 * stack of its own with a pointer to the frame, switches back and returns
 * with the frame's registers and its carry flag. Other drives go to the
 * previous vector untouched. The core needs protected mode: the iSCSI
 * session runs on lwIP and the network poll loop.
 *
 * INT 15h E820 answers from the memory map bootnet computed (its own
 * memory marked reserved, so the OS leaves it alone); every other INT 15h
 * call goes to the previous vector.
 *
 * The header's layout is struct int13_blob in bios_int13_blob.h: change
 * both together. Only numbers relative to the blob appear here, so the
 * copy runs wherever it lands and the core needs no relocation for it. */

#define H_INT13_ENTRY 0
#define H_INT15_ENTRY 2
#define H_OLD13 4
#define H_OLD15 8
#define H_DRIVE 12
#define H_BUSY 13
#define H_E820_COUNT 14
#define H_HANDLER 16
#define H_STACK_TOP 20
#define H_PM_ENTRY 24          /* offset32:selector16 for ljmpl */
#define H_RM_BACK 32           /* offset16:segment16 for ljmpw */
#define H_GDTR 38              /* limit16, base32 */
#define H_LINEAR 44
#define H_GDT 48               /* 7 descriptors */
#define H_FRAME 104            /* struct bios_regs */
#define H_SAVED_SS 140
#define H_SAVED_FS 142
#define H_SAVED_GS 144
#define H_SAVED_ESP 148
#define H_SAVED_IDTR 152      /* the caller's, restored on the way back */
#define H_E820_TABLE 160       /* 32 entries of 24 bytes */
#define E820_ENTRY 24

#define F_EAX (H_FRAME + 0)
#define F_EBX (H_FRAME + 4)
#define F_ECX (H_FRAME + 8)
#define F_EDX (H_FRAME + 12)
#define F_ESI (H_FRAME + 16)
#define F_EDI (H_FRAME + 20)
#define F_EBP (H_FRAME + 24)
#define F_DS (H_FRAME + 28)
#define F_ES (H_FRAME + 30)
#define F_EFLAGS (H_FRAME + 32)

#define SEL_CODE32 0x08
#define SEL_DATA32 0x10
#define SEL_BLOB_CODE16 0x28
#define SEL_BLOB_DATA16 0x30
#define SMAP 0x534d4150

	.section .rodata.int13_blob, "a"
	.globl int13_blob, int13_blob_end
	.code16
int13_blob:
	.word int13_entry - int13_blob
	.word int15_entry - int13_blob
	.org H_PM_ENTRY
	.long pm32_entry - int13_blob    /* bios_int13.c adds the blob's address */
	.word SEL_CODE32
	.org H_RM_BACK
	.word rm_back - int13_blob       /* bios_int13.c sets the segment */
	.org H_GDT
	.quad 0
	.quad 0x00cf9a000000ffff     /* 0x08: 32-bit code, flat */
	.quad 0x00cf92000000ffff     /* 0x10: 32-bit data, flat */
	.quad 0                      /* 0x18, 0x20: the thunk's 16-bit segments */
	.quad 0                      /*   (its low part), so the thunk works under this GDT */
	.quad 0                      /* 0x28, 0x30: 16-bit segments at this blob */
	.quad 0
	.org H_E820_TABLE + 32 * E820_ENTRY

/* cs_save REG,SLOT, REG,SLOT...: each register into its slot of the blob,
 * in the order given; cs_load loads them back. Through CS, the one segment
 * known to point at the blob; the register's name gives the size (movl or
 * movw), so a run of them is one line. */
	.macro	cs_save reg, slot, more:vararg
	mov	%\reg, %cs:\slot
	.ifnb	\more
	cs_save	\more
	.endif
	.endm

	.macro	cs_load reg, slot, more:vararg
	mov	%cs:\slot, %\reg
	.ifnb	\more
	cs_load	\more
	.endif
	.endm

/* ------------------------------------------------ INT 13h */
int13_entry:
	cmpb	%cs:H_DRIVE, %dl
	je	1f
	ljmpw	*%cs:H_OLD13
1:	cli
	cmpb	$0, %cs:H_BUSY           /* called again from inside the core: refuse */
	jne	busy
	movb	$1, %cs:H_BUSY
	cs_save	eax,F_EAX, ebx,F_EBX, ecx,F_ECX, edx,F_EDX, esi,F_ESI, edi,F_EDI, ebp,F_EBP
	cs_save	ds,F_DS, es,F_ES, ss,H_SAVED_SS, fs,H_SAVED_FS, gs,H_SAVED_GS, esp,H_SAVED_ESP
	sidtl	%cs:H_SAVED_IDTR
	movl	%cs:H_LINEAR, %ebx
	lgdtl	%cs:H_GDTR
	movl	%cr0, %eax
	orb	$1, %al
	movl	%eax, %cr0
	ljmpl	*%cs:H_PM_ENTRY

busy:
	movb	$0xaa, %ah               /* "drive not ready" */
	pushw	%bp
	movw	%sp, %bp
	orb	$1, 6(%bp)               /* CF in the caller's flags */
	popw	%bp
	iret

	.code32
pm32_entry:                              /* EBX: the blob's linear address */
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	H_STACK_TOP(%ebx), %esp
	cld
	pushl	%ebx
	leal	H_FRAME(%ebx), %eax
	pushl	%eax
	call	*H_HANDLER(%ebx)
	addl	$4, %esp
	popl	%ebx
	lgdtl	H_GDTR(%ebx)             /* a thunk call in between loaded its own */
	ljmpl	$SEL_BLOB_CODE16, $(pm16_exit - int13_blob)

	.code16
pm16_exit:
	movw	$SEL_BLOB_DATA16, %ax    /* 64 KiB limits for real mode */
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	%cr0, %eax
	andb	$0xfe, %al
	movl	%eax, %cr0
	ljmpw	*%cs:H_RM_BACK
rm_back:
	lidtl	%cs:H_SAVED_IDTR         /* a thunk call may have loaded the core's IDT */
	cs_load	ss,H_SAVED_SS, esp,H_SAVED_ESP, fs,H_SAVED_FS, gs,H_SAVED_GS  /* SS, then ESP at once */
	cs_load	eax,F_EAX, ebx,F_EBX, ecx,F_ECX, edx,F_EDX, esi,F_ESI, edi,F_EDI, ebp,F_EBP
	cs_load	ds,F_DS, es,F_ES
	movb	$0, %cs:H_BUSY
	pushw	%bp
	movw	%sp, %bp
	andb	$0xfe, 6(%bp)            /* the frame's CF into the caller's flags */
	testb	$1, %cs:F_EFLAGS
	jz	2f
	orb	$1, 6(%bp)
2:	popw	%bp
	iret

/* ------------------------------------------------ INT 15h E820 */
int15_entry:
	cmpl	$0xe820, %eax
	jne	chain15
	cmpl	$SMAP, %edx
	jne	chain15
	movzwl	%cs:H_E820_COUNT, %eax
	cmpl	%eax, %ebx
	jae	e820_fail
	cmpl	$20, %ecx
	jb	e820_fail
	pushw	%si
	pushw	%di
	pushw	%ds
	pushw	%cs
	popw	%ds
	imulw	$E820_ENTRY, %bx, %si
	addw	$H_E820_TABLE, %si
	movl	$E820_ENTRY, %eax        /* 24 bytes when the caller has room, else 20 */
	cmpl	%eax, %ecx
	jae	1f
	movl	$20, %eax
1:	movl	%eax, %ecx
	cld
	rep movsb
	movl	%eax, %ecx
	popw	%ds
	popw	%di
	popw	%si
	incl	%ebx
	movzwl	%cs:H_E820_COUNT, %eax
	cmpl	%eax, %ebx
	jb	2f
	xorl	%ebx, %ebx               /* that was the last entry */
2:	movl	$SMAP, %eax
	pushw	%bp
	movw	%sp, %bp
	andb	$0xfe, 6(%bp)
	popw	%bp
	iret
e820_fail:
	movb	$0x86, %ah               /* "function not supported" */
	pushw	%bp
	movw	%sp, %bp
	orb	$1, 6(%bp)
	popw	%bp
	iret
chain15:
	ljmpw	*%cs:H_OLD15
int13_blob_end:

	.section .note.GNU-stack, "", @progbits
