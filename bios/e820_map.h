/* The E820 memory map made usable: what is RAM, with no overlaps. Pure
 * computation (no BIOS calls), so host unit tests check it. */
#ifndef E820_MAP_H
#define E820_MAP_H

#include "bios_handover.h"
#include "bios_memory.h"

#define E820_TYPE_RAM 1

/* Usable RAM from n raw entries in any order: type-1 ranges merged where
 * they overlap or touch, minus every other range (reserved wins over
 * usable), trimmed to whole 4 KiB pages; zero-length entries and those whose
 * ACPI 3 attributes say "ignore" (bit 0 clear) are left out.
 * Sorted; fills at most max, returns how many there are. */
int e820_usable(const struct e820_entry *entries, int n, struct mem_range *out, int max);

#endif
