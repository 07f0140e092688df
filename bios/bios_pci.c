/* PCI on BIOS: configuration space through configuration mechanism 1
 * (address at 0xCF8, data at 0xCFC), segment 0 only. Native drivers take
 * a function by turning on its decoding and bus mastering: there is no
 * firmware driver to take it from, nor anything to give back. */
#include <stdio.h>
#include "../firmware/platform.h"
#include "bios_io.h"
#include "bios_platform.h"

#define CONFIG_ADDRESS 0xcf8
#define CONFIG_DATA 0xcfc
#define PCI_COMMAND 0x04
#define COMMAND_IO 0x1
#define COMMAND_MEMORY 0x2
#define COMMAND_MASTER 0x4

static bool valid(const struct pci_location *loc, unsigned offset, unsigned width)
{
	return loc->segment == 0 && loc->dev < 32 && loc->fn < 8 && offset < 256 &&
	       (width == 1 || width == 2 || width == 4) && offset % width == 0;
}

static void select_register(const struct pci_location *loc, unsigned offset)
{
	outl(CONFIG_ADDRESS, 0x80000000u | (uint32_t)loc->bus << 16 | (uint32_t)loc->dev << 11 |
			     (uint32_t)loc->fn << 8 | (offset & 0xfc));
}

bool platform_pci_config_read(const struct pci_location *loc, unsigned offset, unsigned width,
			      uint32_t *value)
{
	if (!valid(loc, offset, width))
		return false;
	select_register(loc, offset);
	uint16_t port = (uint16_t)(CONFIG_DATA + (offset & 3));
	*value = width == 1 ? inb(port) : width == 2 ? inw(port) : inl(port);
	return true;
}

bool platform_pci_config_write(const struct pci_location *loc, unsigned offset, unsigned width,
			       uint32_t value)
{
	if (!valid(loc, offset, width))
		return false;
	select_register(loc, offset);
	uint16_t port = (uint16_t)(CONFIG_DATA + (offset & 3));
	if (width == 1)
		outb(port, (uint8_t)value);
	else if (width == 2)
		outw(port, (uint16_t)value);
	else
		outl(port, value);
	return true;
}

void platform_pci_enumerate(pci_visit_fn *visit, void *ctx)
{
	for (unsigned bus = 0; bus < 256; bus++) {
		for (unsigned dev = 0; dev < 32; dev++) {
			for (unsigned fn = 0; fn < 8; fn++) {
				struct pci_location loc = { 0, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn };
				uint32_t id, header;
				platform_pci_config_read(&loc, 0, 4, &id);
				if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
					if (fn == 0)
						break; /* no device here at all */
					continue;
				}
				visit(&loc, ctx);
				platform_pci_config_read(&loc, 0x0e, 1, &header);
				if (fn == 0 && !(header & 0x80))
					break; /* single-function device */
			}
		}
	}
}

bool platform_pci_claim(const struct pci_location *loc, char *why, size_t why_size)
{
	uint32_t command;
	if (!platform_pci_config_read(loc, PCI_COMMAND, 2, &command)) {
		snprintf(why, why_size, "PCI %02x:%02x.%x cannot be reached through configuration "
			 "mechanism 1", loc->bus, loc->dev, loc->fn);
		return false;
	}
	command |= COMMAND_IO | COMMAND_MEMORY | COMMAND_MASTER;
	platform_pci_config_write(loc, PCI_COMMAND, 2, command);
	return true;
}

void platform_pci_release_all(void)
{
}

/* Nothing on BIOS drives a NIC behind bootnet's back: nothing to give back. */
void platform_pci_release(const struct pci_location *loc)
{
	(void)loc;
}
