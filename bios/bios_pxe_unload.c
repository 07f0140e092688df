/* bootnet.pxe: the PXE ROM's stack taken out of the way, so bootnet's own
 * driver has the NIC to itself. PXE 2.1 lets an NBP that does not need
 * the stack any more unload it: close the NIC, shut the UNDI down (which
 * stops the NIC), unload the base code and UNDI stack, and last stop the
 * UNDI (which unhooks its interrupt handler), so nothing of the ROM's
 * touches the NIC while our driver owns it. */
#include <stdio.h>
#include <string.h>
#include "../firmware/pxe_undi.h"
#include "bios_pxe_unload.h"

enum {
	PXENV_UNDI_SHUTDOWN = 0x0005,
	PXENV_STOP_UNDI = 0x0015,
	PXENV_UNLOAD_STACK = 0x0070,
};

/* Every block these calls take: the status, then reserved zeroes. */
struct pxenv_status_only {
	uint16_t status;
	uint8_t reserved[10];
} PXE_PACKED;

static int unload_call(struct pxe_undi *u, uint16_t opcode, const char *name)
{
	struct pxenv_status_only block;

	memset(&block, 0, sizeof(block));
	return pxe_undi_call(u, opcode, name, &block, sizeof(block));
}

int bios_pxe_unload(struct pxe_undi *u, char *why, size_t why_size)
{
	struct pxenv_status_only close;

	/* Where the NIC is, so the native driver that takes it knows it is
	 * the one bootnet came from. Only a detail: no error if unknown. */
	pxe_undi_find_pci(u);
	/* The ROM may have left the NIC open for us or not: either is fine. */
	memset(&close, 0, sizeof(close));
	u->port->call(u->port, PXENV_UNDI_CLOSE, &close, sizeof(close));

	if (unload_call(u, PXENV_UNDI_SHUTDOWN, "PXENV_UNDI_SHUTDOWN") ||
	    unload_call(u, PXENV_UNLOAD_STACK, "PXENV_UNLOAD_STACK") ||
	    unload_call(u, PXENV_STOP_UNDI, "PXENV_STOP_UNDI")) {
		snprintf(why, why_size, "the PXE ROM refused to unload its stack (%s); "
			 "bootnet's own driver resets the NIC and goes on", u->error);
		return -1;
	}
	snprintf(why, why_size, "unloaded (PXENV_UNDI_SHUTDOWN, PXENV_UNLOAD_STACK, "
		 "PXENV_STOP_UNDI): bootnet.pxe drives the NIC with its own driver");
	return 0;
}
