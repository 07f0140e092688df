/* Time on EFI: the CPU's time-stamp counter, calibrated once against the
 * firmware's Stall(). Cheap to read in the poll loop, unlike timer events. */
#include "../firmware/platform.h"
#include "efi_platform.h"

static uint64_t tsc_start, tsc_per_ms = 1000000;

void efi_time_init(void)
{
	uint64_t t0 = __builtin_ia32_rdtsc();
	efi_bs->Stall(20000);
	uint64_t per_ms = (__builtin_ia32_rdtsc() - t0) / 20;
	if (per_ms)
		tsc_per_ms = per_ms;
	tsc_start = __builtin_ia32_rdtsc();
}

uint64_t platform_now_ms(void)
{
	return (__builtin_ia32_rdtsc() - tsc_start) / tsc_per_ms;
}

void platform_delay_us(uint32_t us)
{
	efi_bs->Stall(us);
}
