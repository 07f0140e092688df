/* The memory map bootnet reports through its INT 15h E820 hook once a SAN
 * drive is attached: the BIOS's map with the memory bootnet must keep
 * (its core and heap, its code in base memory) turned from usable into
 * reserved, so the OS booted from the SAN disk does not overwrite the
 * code that serves the disk. Pure (host unit tests). */
#ifndef E820_HIDE_H
#define E820_HIDE_H

#include "bios_handover.h"

#define E820_TYPE_RESERVED 2

/* Copies n entries from in to out (at most max), in order, with the part
 * of every usable entry that lies in [start, end) reported as reserved
 * (the rest of the entry stays usable, below and above it). Returns the number of entries, or -1 when they would
 * not fit in max. */
int e820_hide(const struct e820_entry *in, int n, uint64_t start, uint64_t end,
	      struct e820_entry *out, int max);

#endif
