/* Register access on the real machine: BAR memory is identity-mapped on
 * both platforms (UEFI maps all memory 1:1; the BIOS build runs flat), and
 * I/O BARs are x86 ports. Host tests link a device model instead. */
#include "pci_regs.h"

static uint32_t port_in(uint16_t port, unsigned width)
{
	uint32_t v;
	if (width == 1) {
		uint8_t b;
		__asm__ volatile("inb %1, %0" : "=a"(b) : "Nd"(port));
		v = b;
	} else if (width == 2) {
		uint16_t w;
		__asm__ volatile("inw %1, %0" : "=a"(w) : "Nd"(port));
		v = w;
	} else {
		__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	}
	return v;
}

static void port_out(uint16_t port, unsigned width, uint32_t v)
{
	if (width == 1)
		__asm__ volatile("outb %0, %1" : : "a"((uint8_t)v), "Nd"(port));
	else if (width == 2)
		__asm__ volatile("outw %0, %1" : : "a"((uint16_t)v), "Nd"(port));
	else
		__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

uint32_t pci_reg_read(const struct pci_bar *bar, unsigned offset, unsigned width)
{
	uintptr_t addr = (uintptr_t)bar->base + offset;
	__asm__ volatile("" ::: "memory");
	if (bar->is_io)
		return port_in((uint16_t)addr, width);
	if (width == 1)
		return *(volatile uint8_t *)addr;
	if (width == 2)
		return *(volatile uint16_t *)addr;
	return *(volatile uint32_t *)addr;
}

void pci_reg_write(const struct pci_bar *bar, unsigned offset, unsigned width, uint32_t value)
{
	uintptr_t addr = (uintptr_t)bar->base + offset;
	__asm__ volatile("" ::: "memory");
	if (bar->is_io)
		port_out((uint16_t)addr, width, value);
	else if (width == 1)
		*(volatile uint8_t *)addr = (uint8_t)value;
	else if (width == 2)
		*(volatile uint16_t *)addr = (uint16_t)value;
	else
		*(volatile uint32_t *)addr = value;
	__asm__ volatile("" ::: "memory");
}
