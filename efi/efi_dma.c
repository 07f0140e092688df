/* DMA memory on EFI: whole pages below 4 GiB, which every NIC can reach.
 * x86 firmware maps memory 1:1 and OVMF and Macs put no IOMMU in the way
 * during boot, so the CPU address is the bus address. */
#include <string.h>
#include "../firmware/platform.h"
#include "efi_platform.h"

void *platform_dma_alloc(size_t size, uint64_t *bus)
{
	EFI_PHYSICAL_ADDRESS addr = 0xffffffffu;
	UINTN pages = (size + 4095) / 4096;

	if (efi_bs->AllocatePages(AllocateMaxAddress, EfiBootServicesData, pages ? pages : 1,
				  &addr) != EFI_SUCCESS)
		return NULL;
	memset((void *)(uintptr_t)addr, 0, (pages ? pages : 1) * 4096);
	*bus = addr;
	return (void *)(uintptr_t)addr;
}

void platform_dma_free(void *ptr, size_t size)
{
	UINTN pages = (size + 4095) / 4096;
	if (ptr)
		efi_bs->FreePages((EFI_PHYSICAL_ADDRESS)(uintptr_t)ptr, pages ? pages : 1);
}
