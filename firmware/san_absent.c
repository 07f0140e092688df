/* The list of SAN disks in the rom64 build, which can attach none
 * (cmd_san_absent.c): always empty. */
#include <stddef.h>
#include "san.h"

struct san_disk *san_first(void)
{
	return NULL;
}

struct san_disk *san_find(unsigned drive)
{
	(void)drive;
	return NULL;
}

void san_unhook_all(void)
{
}
