/* putc16: the character in AL on the screen (INT 10h teletype) and on
 * COM1, waiting a little for the UART's transmitter; every register kept.
 * 16-bit code #included by the prefixes (prefix.S, prefix_rom.S) for
 * their messages before bootnet's console exists; not assembled alone. */
putc16:
	pushal
	movb	%al, %cl
	movb	$0x0e, %ah
	movw	$0x0007, %bx
	int	$0x10
	movw	$0x3fd, %dx
	movw	$10000, %di
1:	inb	%dx, %al
	testb	$0x20, %al
	jnz	2f
	decw	%di
	jnz	1b
2:	movw	$0x3f8, %dx
	movb	%cl, %al
	outb	%al, %dx
	popal
	ret
