/* bootnet.pxe unloads the PXE ROM's stack (bios_pxe_unload.c). */
#ifndef BIOS_PXE_UNLOAD_H
#define BIOS_PXE_UNLOAD_H

#include <stddef.h>
#include "../firmware/pxe_undi.h"

/* Notes the NIC's PCI location in u, then closes, shuts down and unloads
 * the stack. 0 when it is gone; -1 when the ROM refused a call. Either
 * way why says what happened, in words for the device report. */
int bios_pxe_unload(struct pxe_undi *u, char *why, size_t why_size);

#endif
