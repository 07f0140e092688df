/* Time on EFI: the CPU's time-stamp counter, calibrated once against the
 * firmware's Stall(). Cheap to read in the poll loop, unlike timer events.
 * The wall clock comes from the runtime service GetTime (the RTC). */
#include "../firmware/civil_time.h"
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

uint64_t platform_unix_time(void)
{
	EFI_TIME now;
	struct civil_time t;
	int64_t seconds;

	if (efi_rt->GetTime(&now, NULL) != EFI_SUCCESS)
		return 0;
	t = (struct civil_time){ now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second };
	if (!civil_to_unix(&t, &seconds))
		return 0; /* a clock never set, or a broken one */
	/* UEFI: Localtime = UTC - TimeZone (minutes). An unspecified zone
	 * means local time, which we take as it is, as iPXE does. */
	if (now.TimeZone != EFI_UNSPECIFIED_TIMEZONE && now.TimeZone >= -1440 &&
	    now.TimeZone <= 1440)
		seconds += (int64_t)now.TimeZone * 60;
	return seconds > 0 ? (uint64_t)seconds : 0;
}
