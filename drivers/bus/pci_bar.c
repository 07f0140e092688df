/* A BAR's kind, address and size, read from configuration space. */
#include <stdio.h>
#include "pci_regs.h"

#define PCI_COMMAND 0x04
#define PCI_COMMAND_DECODE 0x0003 /* I/O and memory */

static bool fail(char *why, size_t why_size, const char *text, int n)
{
	snprintf(why, why_size, "BAR%d %s", n, text);
	return false;
}

/* Sizing writes all ones and reads back which address bits stick. Decoding
 * is off meanwhile, so the device never answers at the all-ones address. */
static bool size_dword(const struct pci_location *loc, unsigned offset, uint32_t *original,
		       uint32_t *sized)
{
	uint32_t command = 0;
	if (!platform_pci_config_read(loc, PCI_COMMAND, 2, &command) ||
	    !platform_pci_config_read(loc, offset, 4, original))
		return false;
	platform_pci_config_write(loc, PCI_COMMAND, 2, command & ~PCI_COMMAND_DECODE);
	platform_pci_config_write(loc, offset, 4, 0xffffffffu);
	platform_pci_config_read(loc, offset, 4, sized);
	platform_pci_config_write(loc, offset, 4, *original);
	platform_pci_config_write(loc, PCI_COMMAND, 2, command);
	return true;
}

bool pci_bar_get(const struct pci_location *loc, int n, struct pci_bar *bar, char *why,
		 size_t why_size)
{
	unsigned offset = 0x10 + 4 * (unsigned)n;
	uint32_t low, low_sized;

	if (n < 0 || n > 5)
		return fail(why, why_size, "does not exist (a function has BAR0 to BAR5)", n);
	if (!size_dword(loc, offset, &low, &low_sized))
		return fail(why, why_size, "cannot be read from configuration space", n);
	if (low_sized == 0 || low_sized == 0xffffffffu)
		return fail(why, why_size, "is not implemented by this device", n);

	if (low & 1) {
		bar->is_io = true;
		bar->base = low & ~0x3u;
		bar->size = (uint16_t)(~(low_sized & ~0x3u) + 1);
		return true;
	}
	bar->is_io = false;
	bar->base = low & ~0xfu;
	bar->size = (uint32_t)(~(low_sized & ~0xfu) + 1);
	if (((low >> 1) & 3) == 2) { /* 64-bit: the next BAR holds the high half */
		uint32_t high, high_sized;
		if (n == 5 || !size_dword(loc, offset + 4, &high, &high_sized))
			return fail(why, why_size, "is 64-bit but its high half cannot be read", n);
		bar->base |= (uint64_t)high << 32;
		if (high_sized != 0xffffffffu || (low_sized & ~0xfu) == 0)
			bar->size = ~((uint64_t)high_sized << 32 | (low_sized & ~0xfu)) + 1;
	}
	if (bar->base == 0)
		return fail(why, why_size, "has no address assigned by the firmware", n);
	if (sizeof(void *) < 8 && bar->base + bar->size > 0x100000000ull)
		return fail(why, why_size, "lies above 4 GiB, out of reach of a 32-bit build", n);
	return true;
}
