/* A PCI function's registers: its BARs (memory or I/O ports) and the
 * reads and writes native drivers make to them.
 *
 * Firmware builds reach registers directly (drivers/bus/pci_regs.c:
 * identity-mapped memory, x86 in/out). Host tests link a device model in
 * its place (tests/unit/), so a driver runs unchanged against the model. */
#ifndef PCI_REGS_H
#define PCI_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../firmware/platform.h"

struct pci_bar {
	bool is_io;          /* I/O ports, not memory */
	uint64_t base;       /* physical address, or first port */
	uint64_t size;       /* bytes (or ports) decoded */
};

/* Reads BAR n (0-5; a 64-bit BAR takes n and n+1) and its size. false,
 * with why filled in, when it is absent or this build cannot reach it
 * (memory above 4 GiB in a 32-bit build). */
bool pci_bar_get(const struct pci_location *loc, int n, struct pci_bar *bar,
		 char *why, size_t why_size);

/* Register access: width 1, 2 or 4 bytes at offset into the BAR. Each
 * call is also a compiler barrier, so descriptors written to DMA memory
 * before a doorbell write reach memory first (x86 keeps stores in order). */
uint32_t pci_reg_read(const struct pci_bar *bar, unsigned offset, unsigned width);
void pci_reg_write(const struct pci_bar *bar, unsigned offset, unsigned width, uint32_t value);

static inline uint32_t pci_reg_read32(const struct pci_bar *bar, unsigned offset)
{
	return pci_reg_read(bar, offset, 4);
}
static inline void pci_reg_write32(const struct pci_bar *bar, unsigned offset, uint32_t value)
{
	pci_reg_write(bar, offset, 4, value);
}

#endif
