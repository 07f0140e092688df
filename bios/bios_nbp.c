/* Chaining a PXE NBP (pxelinux.0, another bootnet.kpxe...) through the PXE
 * stack bootnet was loaded with, as a PXE ROM starts one (PXE 2.1, 4.4.5):
 * the NBP copied to 0000:7C00 and entered in real mode with ES:BX pointing
 * at PXENV+ and the !PXE far pointer at SS:SP+4. bootnet's netdev over the
 * UNDI is closed first (its close leaves the stack as bootnet found it),
 * so the NBP finds the stack as the ROM left it -- unless one of bootnet's
 * own drivers has reset that NIC, which is refused. The far return address at
 * SS:SP leads to INT 18h: an NBP that returns makes the BIOS try its next
 * boot device, as when a PXE ROM's NBP gives up. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/netdev.h"
#include "../firmware/pxe_undi.h"
#include "bios_loader.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "bios_nbp_layout.h"
#include "bios_thunk.h"

#define PXE_INSTALL_CHECK 0x5650  /* INT 1Ah AX: "PXE installation check" */
#define PXE_INSTALLED     0x564e  /* AX back: "VN" */
#define LOW_MEMORY_END    0x100000u

/* int 18h; sti; hlt; jmp back to hlt: where an NBP returning lands. */
static const uint8_t return_stub[] = { 0xcd, 0x18, 0xfb, 0xf4, 0xeb, 0xfd };

static const uint8_t *real_ptr(struct segoff16 at)
{
	return bios_linear(real_linear(at.seg, at.off));
}

/* Bytes readable at a real-mode address before the end of the first MiB. */
static size_t low_avail(struct segoff16 at)
{
	uint32_t linear = real_linear(at.seg, at.off);
	return linear < LOW_MEMORY_END ? LOW_MEMORY_END - linear : 0;
}

static bool pxenv_ok(struct segoff16 at)
{
	return (at.seg || at.off) && pxe_pxenv_valid(real_ptr(at), low_avail(at));
}

static bool ppxe_ok(struct segoff16 at)
{
	return (at.seg || at.off) && pxe_ppxe_valid(real_ptr(at), low_avail(at));
}

/* The NBP gets what the ROM handed bootnet (PXENV+ from ES:BX, !PXE from
 * SS:SP+4), each checked; PXE's installation check (INT 1Ah AX=5650h)
 * and PXENV+'s own !PXE pointer stand in for one that is not valid.
 * 0, or -1 with why. A PXE 2.0 stack has no !PXE: the NBP gets 0000:0000. */
static int find_pxe_stack(struct segoff16 *pxenv, struct segoff16 *ppxe, char *why,
			  size_t why_size)
{
	struct bios_regs regs = { .eax = PXE_INSTALL_CHECK };

	*pxenv = (struct segoff16){ bios_handover->pxenv_off, bios_handover->pxenv_seg };
	*ppxe = (struct segoff16){ bios_handover->ppxe_off, bios_handover->ppxe_seg };
	if (!pxenv_ok(*pxenv)) {
		bios_int(0x1a, &regs);
		*pxenv = (struct segoff16){ (uint16_t)regs.ebx, regs.es };
		if ((regs.eflags & BIOS_CF) || (regs.eax & 0xffff) != PXE_INSTALLED ||
		    !pxenv_ok(*pxenv)) {
			snprintf(why, why_size, "there is no PXE stack (no valid PXENV+ from the ROM, "
				 "none from INT 1Ah AX=5650h): bootnet was not started from a PXE "
				 "ROM, or the stack was unloaded");
			return -1;
		}
	}
	if (!ppxe_ok(*ppxe) && !(pxe_pxenv_ppxe(real_ptr(*pxenv), ppxe) && ppxe_ok(*ppxe)))
		*ppxe = (struct segoff16){ 0, 0 };
	return 0;
}

int bios_nbp_chain(struct image *img)
{
	struct segoff16 pxenv, pxe;
	struct nbp_layout l;
	struct bios_real_entry entry;
	uint8_t *stack;
	char why[240], nic_at[16];
	bool nic_taken = bios_undi_nic_taken(nic_at, sizeof(nic_at));

	if (find_pxe_stack(&pxenv, &pxe, why, sizeof(why)) != 0 ||
	    nbp_undi_check(nic_taken, nic_at, why, sizeof(why)) != 0 ||
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
