/* A tiny multiboot (1) kernel for test_bios_multiboot.sh, built by the
 * test with gcc -m32 (ELF, linked at 1 MiB). It prints on COM1 what the
 * loader handed it, each on a line of its own, then halts:
 *   MB-MAGIC-OK / MB-MAGIC-BAD     EAX at entry
 *   MB-CMDLINE: <cmdline>          the information's command line
 *   MB-MODULES: <count, one digit>
 *   MB-MODULE0: <first module's bytes>  (a short text file)
 *   MB-LOADER: <boot_loader_name>
 *   MB-DONE */
	.code32
	.text
	.globl	_start
	.align	4
	.long	0x1badb002                /* magic */
	.long	0x00000003                /* page-aligned modules, memory information */
	.long	-(0x1badb002 + 0x00000003)

_start:
	cli
	movl	$stack_top, %esp
	movl	%ebx, %ebp                /* the information structure */
	cmpl	$0x2badb002, %eax
	je	1f
	movl	$magic_bad, %esi
	call	puts
	jmp	halt
1:	movl	$magic_ok, %esi
	call	puts

	movl	$cmdline_tag, %esi
	call	puts_nonl
	movl	16(%ebp), %esi
	call	puts

	movl	$modules_tag, %esi
	call	puts_nonl
	movl	20(%ebp), %eax
	addb	$'0', %al
	call	putc
	movb	$'\n', %al
	call	putc

	cmpl	$0, 20(%ebp)
	je	2f
	movl	$module0_tag, %esi
	call	puts_nonl
	movl	24(%ebp), %ebx            /* mods_addr */
	movl	(%ebx), %esi              /* mod_start */
	movl	4(%ebx), %ecx             /* mod_end */
3:	cmpl	%ecx, %esi
	jae	4f
	movb	(%esi), %al
	cmpb	$'\n', %al
	je	4f
	call	putc
	incl	%esi
	jmp	3b
4:	movb	$'\n', %al
	call	putc

2:	movl	$loader_tag, %esi
	call	puts_nonl
	movl	64(%ebp), %esi
	call	puts
	movl	$done, %esi
	call	puts
halt:
	hlt
	jmp	halt

/* putc: AL to COM1 once its transmitter is empty. */
putc:
	pushl	%edx
	pushl	%eax
	movw	$0x3fd, %dx
5:	inb	%dx, %al
	testb	$0x20, %al
	jz	5b
	popl	%eax
	movw	$0x3f8, %dx
	outb	%al, %dx
	popl	%edx
	ret

/* puts_nonl: the string at ESI; puts: the same and a line break. */
puts_nonl:
	movb	(%esi), %al
	testb	%al, %al
	jz	6f
	call	putc
	incl	%esi
	jmp	puts_nonl
6:	ret
puts:
	call	puts_nonl
	movb	$'\r', %al
	call	putc
	movb	$'\n', %al
	call	putc
	ret

	.data
magic_ok:	.asciz	"MB-MAGIC-OK"
magic_bad:	.asciz	"MB-MAGIC-BAD"
cmdline_tag:	.asciz	"MB-CMDLINE: "
modules_tag:	.asciz	"MB-MODULES: "
module0_tag:	.asciz	"MB-MODULE0: "
loader_tag:	.asciz	"MB-LOADER: "
done:		.asciz	"MB-DONE"
	.bss
	.space	4096
stack_top:
