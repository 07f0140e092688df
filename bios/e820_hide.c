/* Hiding a range in an E820 map (see e820_hide.h). */
#include <stdbool.h>
#include "e820_hide.h"

static bool add(struct e820_entry *out, int *n, int max, uint64_t base, uint64_t end,
		uint32_t type, uint32_t attr)
{
	if (end <= base)
		return true;
	if (*n >= max)
		return false;
	out[*n] = (struct e820_entry){ base, end - base, type, attr };
	(*n)++;
	return true;
}

int e820_hide(const struct e820_entry *in, int n, uint64_t start, uint64_t end,
	      struct e820_entry *out, int max)
{
	int count = 0;
	for (int i = 0; i < n; i++) {
		uint64_t base = in[i].base, top = in[i].base + in[i].length;
		uint32_t attr = in[i].acpi_attr;
		if (in[i].type != 1 || top <= start || base >= end) {
			if (!add(out, &count, max, base, top, in[i].type, attr))
				return -1;
			continue;
		}
		/* The usable part below, the hidden part, the usable part above. */
		if (!add(out, &count, max, base, start, 1, attr) ||
		    !add(out, &count, max, base > start ? base : start, top < end ? top : end,
			 E820_TYPE_RESERVED, attr) ||
		    !add(out, &count, max, end, top, 1, attr))
			return -1;
	}
	return count;
}
