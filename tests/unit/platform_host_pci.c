/* The native-driver half of the host platform: claiming functions, DMA
 * memory from the heap (its bus address is its host address) and BAR
 * registers answered by whatever device model a test installed. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "platform_host.h"
#include "../../drivers/bus/pci_regs.h"

static struct host_reg_model model;
static int claimed, dma_live;

void host_reg_model_set(const struct host_reg_model *m)
{
	if (m)
		model = *m;
	else
		memset(&model, 0, sizeof(model));
}

int host_pci_claimed_count(void) { return claimed; }
int host_dma_live_count(void) { return dma_live; }

bool platform_pci_claim(const struct pci_location *loc, char *why, size_t why_size)
{
	struct host_pci_function *f = host_pci_find(loc);
	if (!f) {
		strncpy(why, "no such PCI function", why_size - 1);
		why[why_size - 1] = 0;
		return false;
	}
	f->config[4] |= 0x07; /* I/O and memory decoding, bus mastering */
	claimed++;
	return true;
}

void platform_pci_release_all(void) { claimed = 0; }

void platform_pci_release(const struct pci_location *loc)
{
	(void)loc;
	if (claimed > 0)
		claimed--;
}

/* Below 4 GiB, as the platform promises (MAP_32BIT): a model of a NIC with
 * 32-bit address registers (rtl8139) can then reach it. */
void *platform_dma_alloc(const struct pci_location *loc, size_t size, uint64_t *bus)
{
	(void)loc;
	size_t rounded = (size + 4095) & ~(size_t)4095;
	void *p = mmap(NULL, rounded ? rounded : 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	*bus = (uint64_t)(uintptr_t)p;
	dma_live++;
	return p;
}

void platform_dma_free(const struct pci_location *loc, void *ptr, size_t size)
{
	(void)loc;
	size_t rounded = (size + 4095) & ~(size_t)4095;
	if (!ptr)
		return;
	dma_live--;
	munmap(ptr, rounded ? rounded : 4096);
}

uint32_t pci_reg_read(const struct pci_bar *bar, unsigned offset, unsigned width)
{
	return model.read ? model.read(model.ctx, bar, offset, width) : 0xffffffffu;
}

void pci_reg_write(const struct pci_bar *bar, unsigned offset, unsigned width, uint32_t value)
{
	if (model.write)
		model.write(model.ctx, bar, offset, width, value);
}
