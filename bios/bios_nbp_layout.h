/* Where a chained PXE NBP and the stack it starts on go in base memory
 * (PXE 2.1, 4.4.5: loaded at 0000:7C00, entered with SS:SP+4 holding the
 * !PXE far pointer). Pure arithmetic, tested on the host. */
#ifndef BIOS_NBP_LAYOUT_H
#define BIOS_NBP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bios_memory.h"

#define NBP_LOAD        0x7c00u
#define NBP_STACK_SIZE  0x1000u   /* the NBP's stack, a return stub at its bottom */

struct nbp_layout {
	uint32_t load;            /* 0x7c00 */
	uint32_t stack;           /* the stack block (16-byte aligned): SS = stack >> 4 */
	uint16_t sp;              /* SS:SP: far return to the stub, then the !PXE pointer */
};

/* 0 with out filled in, or -1 with why when an NBP of len bytes cannot
 * be placed in base_free (bios_free_base_memory). */
int nbp_layout_compute(size_t len, struct mem_range base_free, struct nbp_layout *out,
		       char *why, size_t why_size);

/* 0, or -1 with why when the PXE stack cannot be handed on: once one of
 * bootnet's own drivers has reset the NIC the UNDI drives (nic_taken, at
 * PCI address nic_at), the stack's view of that NIC is gone, and an NBP
 * would get a PXE stack that no longer works. */
int nbp_undi_check(bool nic_taken, const char *nic_at, char *why, size_t why_size);

#endif
