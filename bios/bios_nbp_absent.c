/* Chaining a PXE NBP in the rom64 build: refused in words. An NBP needs
 * the PXE stack of a PXE ROM, and this build is the NIC's ROM itself, so
 * there is none (firmware/rom64.h; bios_nbp.c is the full build's). */
#include "../firmware/console.h"
#include "../firmware/rom64.h"
#include "bios_loader.h"

int bios_nbp_chain(struct image *img)
{
	console_printf("%s: cannot chain this PXE NBP: " ROM64_BUILD " has no PXE stack to give "
		       "it; start bootnet.kpxe from a PXE ROM for that\n", img->name);
	return -1;
}
