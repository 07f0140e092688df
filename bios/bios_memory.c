/* Memory on BIOS: the E820 map, the heap and what bootnet occupies.
 *
 * The prefix put the core at the top of the largest usable range below
 * 4 GiB. The heap (every downloaded image lives there) takes the upper
 * half of what lies between 1 MiB and the core; the lower half, from
 * 1 MiB up, stays free for a Linux kernel and initrds placed by a loader. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "e820_map.h"
#include "heap.h"

#define MAX_RANGES 64
#define ONE_MIB 0x100000u

static uint32_t heap_start;

int bios_usable_memory(struct mem_range *ranges, int max)
{
	const struct e820_entry *e = bios_linear(bios_handover->e820);
	return e820_usable(e, (int)bios_handover->e820_count, ranges, max);
}

void bios_memory_init(void)
{
	struct mem_range ranges[MAX_RANGES];
	uint32_t core = bios_handover->core_start, bottom = ONE_MIB;
	int n = bios_usable_memory(ranges, MAX_RANGES);
	bool inside = false;

	for (int i = 0; i < n && i < MAX_RANGES; i++) {
		if (ranges[i].start <= core && bios_handover->core_end <= ranges[i].end) {
			inside = true;
			if (ranges[i].start > bottom)
				bottom = (uint32_t)ranges[i].start;
		}
	}
	if (!inside)
		console_printf("bootnet: warning: the E820 map does not show memory at 0x%x-0x%x "
			       "as usable, where bootnet runs\n", (unsigned)core,
			       (unsigned)bios_handover->core_end);
	heap_start = (bottom + (core - bottom) / 2 + 0xffff) & ~0xffffu;
	if (heap_start >= core)
		heap_start = bottom;
	heap_init(bios_linear(heap_start), core - heap_start);
}

struct mem_range bios_own_range(void)
{
	return (struct mem_range){ heap_start, bios_handover->core_end };
}

struct mem_range bios_free_base_memory(void)
{
	/* From 7C00 (the NBP address; the area below may hold the ROM's
	 * stack) to the low part, which the prefix hid at the top of base
	 * memory below the PXE stack. */
	return (struct mem_range){ 0x7c00, (uint64_t)bios_handover->low_seg << 4 };
}

void *platform_alloc(size_t size)
{
	return heap_alloc(size);
}

void platform_free(void *ptr)
{
	heap_free(ptr);
}

/* DMA memory: everything here is below 4 GiB and mapped 1:1, so the
 * address is the bus address, whichever device asks; 4 KiB alignment by
 * over-allocating and keeping the block's own address just before the
 * aligned one. */
void *platform_dma_alloc(const struct pci_location *loc, size_t size, uint64_t *bus)
{
	uint8_t *raw, *aligned;
	(void)loc;
	if (size > SIZE_MAX - 8192)
		return NULL;
	raw = heap_alloc(size + 4096 + sizeof(void *));
	if (!raw)
		return NULL;
	aligned = (uint8_t *)(((uintptr_t)raw + sizeof(void *) + 4095) & ~(uintptr_t)4095);
	((void **)aligned)[-1] = raw;
	memset(aligned, 0, size);
	*bus = (uintptr_t)aligned;
	return aligned;
}

void platform_dma_free(const struct pci_location *loc, void *ptr, size_t size)
{
	(void)loc;
	(void)size;
	if (ptr)
		heap_free(((void **)ptr)[-1]);
}
