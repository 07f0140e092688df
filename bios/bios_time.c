/* Time on BIOS: the CPU's time-stamp counter, calibrated once against the
 * PIT (channel 2, whose output the CPU can read at port 0x61 without
 * interrupts); the wall clock from the CMOS real-time clock. */
#include "../firmware/civil_time.h"
#include "cmos_time.h"
#include "../firmware/platform.h"
#include "bios_io.h"
#include "bios_platform.h"

#define PIT_HZ 1193182u
#define CALIBRATE_MS 10u

static uint64_t tsc_start, tsc_per_ms = 1000000;

static uint64_t rdtsc(void)
{
	return __builtin_ia32_rdtsc();
}

void bios_time_init(void)
{
	uint16_t count = (uint16_t)(PIT_HZ * CALIBRATE_MS / 1000);
	uint64_t t0, t1;
	unsigned long spins = 0;

	/* Gate channel 2 on, speaker off; mode 0 counts down once and then
	 * raises its output (port 0x61 bit 5). */
	outb(0x61, (uint8_t)((inb(0x61) & ~0x02) | 0x01));
	outb(0x43, 0xb0);
	outb(0x42, count & 0xff);
	outb(0x42, count >> 8);
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20) && spins < 100000000ul)
		spins++;
	t1 = rdtsc();
	if (t1 > t0 && (t1 - t0) / CALIBRATE_MS)
		tsc_per_ms = (t1 - t0) / CALIBRATE_MS;
	tsc_start = rdtsc();
}

uint64_t platform_now_ms(void)
{
	return (rdtsc() - tsc_start) / tsc_per_ms;
}

void platform_delay_us(uint32_t us)
{
	uint64_t start = rdtsc(), ticks = (uint64_t)us * tsc_per_ms / 1000;
	while (rdtsc() - start < ticks)
		__asm__ volatile("pause");
}

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

uint64_t platform_unix_time(void)
{
	struct cmos_clock c;
	struct civil_time t;
	int64_t seconds;
	unsigned long spins = 0;

	/* Read between updates: wait while the update-in-progress bit is set. */
	while ((cmos(0x0a) & 0x80) && spins < 1000000ul)
		spins++;
	c.status_b = cmos(0x0b);
	c.hour = cmos(0x04);
	c.second = cmos(0x00);
	c.minute = cmos(0x02);
	c.day = cmos(0x07);
	c.month = cmos(0x08);
	c.year = cmos(0x09);
	c.century = cmos(0x32);
	cmos_clock_decode(&c, &t);
	if (!civil_to_unix(&t, &seconds) || seconds <= 0)
		return 0;
	return (uint64_t)seconds; /* the RTC keeps local time, taken as it is */
}
