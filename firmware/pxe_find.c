/* The !PXE and PXENV+ structures (PXE 2.1): found from what the ROM hands
 * an NBP, checked before their entry points are trusted. */
#include <string.h>
#include "pxe_undi.h"

static bool sums_to_zero(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return sum == 0;
}

bool pxe_ppxe_valid(const uint8_t *p, size_t avail)
{
	/* "!PXE", length at 4 (at least up to the entry points), checksum over it. */
	return avail >= 28 && memcmp(p, "!PXE", 4) == 0 && p[4] >= 28 && p[4] <= avail &&
	       sums_to_zero(p, p[4]);
}

bool pxe_pxenv_valid(const uint8_t *p, size_t avail)
{
	/* "PXENV+", length at 8, checksum over it. */
	return avail >= 0x26 && memcmp(p, "PXENV+", 6) == 0 && p[8] >= 0x26 && p[8] <= avail &&
	       sums_to_zero(p, p[8]);
}

struct segoff16 pxe_ppxe_entry(const uint8_t *ppxe)
{
	struct segoff16 e;
	memcpy(&e, ppxe + 16, sizeof(e));   /* EntryPointSP */
	return e;
}

struct segoff16 pxe_pxenv_entry(const uint8_t *pxenv)
{
	struct segoff16 e;
	memcpy(&e, pxenv + 10, sizeof(e));  /* RMEntry */
	return e;
}

bool pxe_pxenv_ppxe(const uint8_t *pxenv, struct segoff16 *ppxe)
{
	uint16_t version = (uint16_t)(pxenv[6] | pxenv[7] << 8);
	if (version < 0x0201 || pxenv[8] < 0x2c)
		return false;
	memcpy(ppxe, pxenv + 0x28, sizeof(*ppxe)); /* PXEPtr */
	return ppxe->seg || ppxe->off;
}
