/* Memory on BIOS: the E820 map, and where bootnet itself lives, so a
 * loader (Linux, a chained NBP) knows which memory is free to place into. */
#ifndef BIOS_MEMORY_H
#define BIOS_MEMORY_H

#include <stdint.h>

struct mem_range {
	uint64_t start, end;     /* [start, end) */
};

/* Usable RAM from INT 15h E820 (merged, sorted, overlaps with reserved
 * ranges removed); returns how many ranges, filling at most max. */
int bios_usable_memory(struct mem_range *ranges, int max);

/* What bootnet occupies above 1 MiB: its code, data and heap, where every
 * downloaded image is held. Loaders place below it and above 1 MiB. */
struct mem_range bios_own_range(void);

/* Base memory (below 640 KiB) free for real-mode code that bootnet hands
 * over to: from 0x7C00 (where an NBP goes; the ROM's stack may lie below)
 * up to bootnet's low-memory part (thunk, stack, bounce buffer), which
 * the prefix moved to the top of base memory and hid from the BIOS's
 * count (0x40:0x13), just below the kept PXE stack and the EBDA. */
struct mem_range bios_free_base_memory(void);

#endif
