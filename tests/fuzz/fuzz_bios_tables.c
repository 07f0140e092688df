/* Fuzz target: what the BIOS platform reads from firmware tables it
 * cannot trust: an ACPI DSDT searched for \_S5, an E820 map, and the
 * !PXE / PXENV+ structures. */
#include <stdint.h>
#include <string.h>
#include "../../bios/acpi_tables.h"
#include "../../bios/e820_map.h"
#include "../../firmware/pxe_undi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t a, b;
	struct e820_entry entries[64];
	struct mem_range ranges[16];
	struct segoff16 p;
	size_t n = size / sizeof(entries[0]);

	acpi_find_s5(data, size, &a, &b);
	if (n > 64)
		n = 64;
	memcpy(entries, data, n * sizeof(entries[0]));
	int count = e820_usable(entries, (int)n, ranges, 16);
	for (int i = 0; i < count && i < 16; i++)
		if (ranges[i].end <= ranges[i].start || (i && ranges[i].start < ranges[i - 1].end))
			__builtin_trap(); /* empty, unsorted or overlapping output */
	if (pxe_ppxe_valid(data, size))
		pxe_ppxe_entry(data);
	if (pxe_pxenv_valid(data, size)) {
		pxe_pxenv_entry(data);
		pxe_pxenv_ppxe(data, &p);
	}
	return 0;
}
