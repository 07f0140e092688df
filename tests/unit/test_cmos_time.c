/* The CMOS clock's registers as a calendar time (bios/cmos_time.c):
 * BCD and binary, 24- and 12-hour, the century register. */
#include "../../bios/cmos_time.h"
#include "test.h"

static unsigned hour_of(uint8_t hour, uint8_t status_b)
{
	struct cmos_clock c = { .hour = hour, .day = 1, .month = 1, .status_b = status_b };
	struct civil_time t;
	cmos_clock_decode(&c, &t);
	return t.hour;
}

TEST(cmos_12_hour_clock_midnight_is_0_and_noon_12)
{
	CHECK(hour_of(0x12, 0) == 0);           /* 12 AM, BCD */
	CHECK(hour_of(0x12 | 0x80, 0) == 12);   /* 12 PM */
	CHECK(hour_of(0x01, 0) == 1);
	CHECK(hour_of(0x11 | 0x80, 0) == 23);
	CHECK(hour_of(12, 0x04) == 0);          /* binary */
	CHECK(hour_of(12 | 0x80, 0x04) == 12);
	CHECK(hour_of(7 | 0x80, 0x04) == 19);
	/* 24-hour: taken as it is. */
	CHECK(hour_of(0x12, 0x02) == 12);
	CHECK(hour_of(0x00, 0x02) == 0);
	CHECK(hour_of(23, 0x06) == 23);
}

TEST(cmos_date_bcd_binary_and_century)
{
	struct cmos_clock c = { 0x59, 0x30, 0x21, 0x25, 0x11, 0x26, 0x20, 0x02 };
	struct civil_time t;
	cmos_clock_decode(&c, &t);
	CHECK(t.year == 2026 && t.month == 11 && t.day == 25);
	CHECK(t.hour == 21 && t.minute == 30 && t.second == 59);
	c = (struct cmos_clock){ 5, 6, 7, 8, 9, 99, 19, 0x06 };
	cmos_clock_decode(&c, &t);
	CHECK(t.year == 1999 && t.month == 9 && t.day == 8 && t.hour == 7);
	/* No plausible century register: 20xx. */
	c.century = 0;
	cmos_clock_decode(&c, &t);
	CHECK(t.year == 2099);
}
