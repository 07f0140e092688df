/* Calendar dates and times (the proleptic Gregorian calendar, as a
 * real-time clock gives them) to seconds since the Unix epoch,
 * 1970-01-01 00:00:00 UTC. No time zones: the caller applies the offset. */
#ifndef CIVIL_TIME_H
#define CIVIL_TIME_H

#include <stdbool.h>
#include <stdint.h>

struct civil_time {
	int year;               /* 1-9999 */
	unsigned month, day;    /* 1-12, 1-31 */
	unsigned hour, minute, second; /* 0-23, 0-59, 0-59 */
};

bool civil_is_leap_year(int year);
/* The number of days in month (1-12) of year; 0 for a month out of range. */
unsigned civil_days_in_month(int year, unsigned month);
/* Seconds from the epoch to t (negative before 1970) in *seconds; false,
 * leaving *seconds alone, when a field is out of range (a clock that was
 * never set can read 2000-00-00). */
bool civil_to_unix(const struct civil_time *t, int64_t *seconds);
/* The other way, for times from the epoch on (messages that quote a clock). */
void civil_from_unix(uint64_t seconds, struct civil_time *t);

#endif
