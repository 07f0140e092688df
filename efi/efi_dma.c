/* DMA memory on EFI, through the device's own PciIo (UEFI spec, "PCI I/O
 * Protocol": AllocateBuffer, then Map as a bus-master common buffer): on
 * a machine whose firmware turned on an IOMMU before boot (Macs with a T2
 * chip do, for Thunderbolt devices such as Apple's Thunderbolt Ethernet),
 * only mapped memory is reachable by the device, and the address the
 * device must use is the one Map gives. Without an IOMMU (OVMF, older
 * Macs) that address is the memory's own. A function with no PciIo gets
 * plain pages below 4 GiB, as before PciIo mapping was used. */
#include <string.h>
#include "../firmware/platform.h"
#include "efi_platform.h"

#define MAX_BUFFERS 32          /* a few per NIC: rings and buffers */
#define FOUR_GIB 0x100000000ull

struct dma_buffer {
	void *host;
	UINTN pages;
	EFI_PCI_IO_PROTOCOL *io;        /* NULL: plain pages */
	void *mapping;
};

static struct dma_buffer buffers[MAX_BUFFERS];

static struct dma_buffer *slot_for(void *host)
{
	for (int i = 0; i < MAX_BUFFERS; i++)
		if (buffers[i].host == host)
			return &buffers[i];
	return NULL;
}

static void *plain_pages(UINTN pages, uint64_t *bus)
{
	EFI_PHYSICAL_ADDRESS addr = FOUR_GIB - 1;
	if (efi_bs->AllocatePages(AllocateMaxAddress, EfiBootServicesData, pages, &addr) != EFI_SUCCESS)
		return NULL;
	*bus = addr;
	return (void *)(uintptr_t)addr;
}

/* Allocated and mapped through io, or NULL with nothing left behind. The
 * buffer is below 4 GiB (no dual-address-cycle attribute asked for), and
 * so must be the device's view of it: rtl8139 has 32-bit registers. */
static void *mapped_pages(EFI_PCI_IO_PROTOCOL *io, UINTN pages, uint64_t *bus, void **mapping)
{
	void *host = NULL;
	if (io->AllocateBuffer(io, AllocateAnyPages, EfiBootServicesData, pages, &host, 0) != EFI_SUCCESS)
		return NULL;
	UINTN bytes = pages * 4096;
	EFI_PHYSICAL_ADDRESS device = 0;
	if (io->Map(io, EfiPciIoOperationBusMasterCommonBuffer, host, &bytes, &device, mapping) !=
	    EFI_SUCCESS) {
		io->FreeBuffer(io, pages, host);
		return NULL;
	}
	if (bytes < pages * 4096 || device + pages * 4096 > FOUR_GIB) {
		io->Unmap(io, *mapping);
		io->FreeBuffer(io, pages, host);
		return NULL;
	}
	*bus = device;
	return host;
}

void *platform_dma_alloc(const struct pci_location *loc, size_t size, uint64_t *bus)
{
	UINTN pages = size ? (size + 4095) / 4096 : 1;
	struct dma_buffer *slot = slot_for(NULL);
	if (!slot)
		return NULL;
	EFI_PCI_IO_PROTOCOL *io = efi_pci_io_at(loc);
	void *mapping = NULL;
	void *host = io ? mapped_pages(io, pages, bus, &mapping) : plain_pages(pages, bus);
	if (!host)
		return NULL;
	memset(host, 0, pages * 4096);
	*slot = (struct dma_buffer){ host, pages, io, mapping };
	return host;
}

void platform_dma_free(const struct pci_location *loc, void *ptr, size_t size)
{
	(void)loc;
	(void)size;             /* the slot knows what was allocated */
	struct dma_buffer *slot = ptr ? slot_for(ptr) : NULL;
	if (!slot)
		return;
	if (slot->io) {
		slot->io->Unmap(slot->io, slot->mapping);
		slot->io->FreeBuffer(slot->io, slot->pages, slot->host);
	} else {
		efi_bs->FreePages((EFI_PHYSICAL_ADDRESS)(uintptr_t)slot->host, slot->pages);
	}
	*slot = (struct dma_buffer){ 0 };
}
