/* The two structures a PXE ROM publishes (PXE 2.1 specification, 4.4):
 * PXENV+ (found through INT 1Ah AX=5650h, handed to an NBP in ES:BX) and
 * !PXE (its far pointer at SS:SP+4 of an NBP, and in PXENV+ from 2.1 on).
 * Checked here before anything in them is believed. */
#ifndef BIOS_PXE_STRUCT_H
#define BIOS_PXE_STRUCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PXENV_LENGTH_MIN 0x2c    /* through PXEPtr */
#define PXE_LENGTH_MIN   0x20    /* through FirstSelector */

struct far_ptr {
	uint16_t seg, off;
};

/* p holds avail readable bytes. true when they start with a PXENV+
 * structure whose length fits and whose bytes sum to zero; *version is
 * its version (0x0201 for PXE 2.1) and, from 2.1 on, *pxe the !PXE
 * pointer it carries ({0, 0} before). why says what is wrong otherwise. */
bool pxenv_check(const uint8_t *p, size_t avail, uint16_t *version, struct far_ptr *pxe,
		 char *why, size_t why_size);
/* The same for !PXE. */
bool pxe_check(const uint8_t *p, size_t avail, char *why, size_t why_size);

#endif
