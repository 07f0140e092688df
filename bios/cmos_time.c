/* The RTC's registers as a calendar time (see cmos_time.h). */
#include <stdbool.h>
#include "cmos_time.h"

#define STATUS_B_24_HOUR 0x02
#define STATUS_B_BINARY  0x04
#define HOUR_PM          0x80

static unsigned from_bcd(uint8_t v, bool binary)
{
	return binary ? v : (v >> 4) * 10u + (v & 15u);
}

void cmos_clock_decode(const struct cmos_clock *c, struct civil_time *t)
{
	bool binary = c->status_b & STATUS_B_BINARY;
	unsigned century = from_bcd(c->century, binary);

	t->second = from_bcd(c->second, binary);
	t->minute = from_bcd(c->minute, binary);
	t->hour = from_bcd(c->hour & 0x7f, binary);
	/* 12-hour clock: 12 AM is midnight (0), 12 PM is noon (12). */
	if (!(c->status_b & STATUS_B_24_HOUR))
		t->hour = t->hour % 12 + (c->hour & HOUR_PM ? 12 : 0);
	t->day = from_bcd(c->day, binary);
	t->month = from_bcd(c->month, binary);
	/* The century register is not standard: trust it only when plausible. */
	t->year = (int)from_bcd(c->year, binary) +
		  ((century >= 19 && century <= 21) ? (int)century * 100 : 2000);
}
