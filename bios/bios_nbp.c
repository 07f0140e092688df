/* Chaining a PXE NBP (pxelinux.0, another bootnet.kpxe...) through the PXE
 * stack bootnet was loaded with, as a PXE ROM starts one (PXE 2.1, 4.4.5):
 * the NBP copied to 0000:7C00 and entered in real mode with ES:BX pointing
 * at PXENV+ and the !PXE far pointer at SS:SP+4. bootnet's netdev over the
 * UNDI is closed first (its close leaves the stack as bootnet found it),
 * so the NBP finds the stack as the ROM left it. The far return address at
 * SS:SP leads to INT 18h: an NBP that returns makes the BIOS try its next
 * boot device, as when a PXE ROM's NBP gives up. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/netdev.h"
#include "bios_loader.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "bios_nbp_layout.h"
#include "bios_pxe_struct.h"
#include "bios_thunk.h"

#define PXE_INSTALL_CHECK 0x5650  /* INT 1Ah AX: "PXE installation check" */
#define PXE_INSTALLED     0x564e  /* AX back: "VN" */
#define LOW_MEMORY_END    0x100000u

/* int 18h; sti; hlt; jmp back to hlt: where an NBP returning lands. */
static const uint8_t return_stub[] = { 0xcd, 0x18, 0xfb, 0xf4, 0xeb, 0xfd };

/* Bytes readable at a real-mode address before the end of the first MiB. */
static size_t low_avail(uint32_t linear)
{
	return linear < LOW_MEMORY_END ? LOW_MEMORY_END - linear : 0;
}

/* PXENV+ and !PXE of the PXE stack, checked; 0, or -1 with why. */
static int find_pxe_stack(struct far_ptr *pxenv, struct far_ptr *pxe, char *why, size_t why_size)
{
	struct bios_regs regs;
	uint16_t version;
	uint32_t at;
	char detail[96];

	memset(&regs, 0, sizeof(regs));
	regs.eax = PXE_INSTALL_CHECK;
	bios_int(0x1a, &regs);
	if ((regs.eflags & BIOS_CF) || (regs.eax & 0xffff) != PXE_INSTALLED) {
		snprintf(why, why_size, "there is no PXE stack (INT 1Ah AX=5650h finds none): "
			 "bootnet was not started from a PXE ROM, or the stack was unloaded");
		return -1;
	}
	pxenv->seg = regs.es;
	pxenv->off = (uint16_t)regs.ebx;
	at = real_linear(pxenv->seg, pxenv->off);
	if (!pxenv_check(bios_linear(at), low_avail(at), &version, pxe, detail, sizeof(detail))) {
		snprintf(why, why_size, "the PXE stack's PXENV+ at %04x:%04x is not valid: %s",
			 pxenv->seg, pxenv->off, detail);
		return -1;
	}
	if (version < 0x0201)
		return 0; /* PXE 2.0 has no !PXE: the NBP gets 0000:0000 */
	at = real_linear(pxe->seg, pxe->off);
	if (!pxe_check(bios_linear(at), low_avail(at), detail, sizeof(detail))) {
		snprintf(why, why_size, "the PXE stack's !PXE at %04x:%04x is not valid: %s",
			 pxe->seg, pxe->off, detail);
		return -1;
	}
	return 0;
}

int bios_nbp_chain(struct image *img)
{
	struct far_ptr pxenv, pxe;
	struct nbp_layout l;
	struct bios_real_entry entry;
	uint8_t *stack;
	char why[200];

	if (find_pxe_stack(&pxenv, &pxe, why, sizeof(why)) != 0 ||
	    nbp_layout_compute(img->len, bios_free_base_memory(), &l, why, sizeof(why)) != 0) {
		console_printf("%s: cannot chain this PXE NBP: %s\n", img->name, why);
		return -1;
	}
	console_printf("Chaining %s: PXE NBP, %zu bytes at 0000:7c00, PXE stack at %04x:%04x "
		       "(PXENV+), %04x:%04x (!PXE)\n", img->name, img->len, pxenv.seg, pxenv.off,
		       pxe.seg, pxe.off);
	netdev_close_all();

	memcpy(bios_linear(l.load), img->data, img->len);
	stack = bios_linear(l.stack);
	memcpy(stack, return_stub, sizeof(return_stub));
	/* SS:SP: the far return (offset, segment), then the !PXE pointer. */
	uint16_t words[4] = { 0, real_seg(l.stack), pxe.off, pxe.seg };
	memcpy(stack + l.sp, words, sizeof(words));

	memset(&entry, 0, sizeof(entry));
	entry.cs = 0;
	entry.ip = (uint16_t)l.load;
	entry.ss = real_seg(l.stack);
	entry.sp = l.sp;
	entry.es = pxenv.seg;
	entry.ebx = pxenv.off;
	bios_real_jump(&entry);
}
