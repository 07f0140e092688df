/* Calendar time to Unix time and back (see civil_time.h). */
#include "civil_time.h"

bool civil_is_leap_year(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned civil_days_in_month(int year, unsigned month)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && civil_is_leap_year(year));
}

/* Leap years in 1..year-1 (year >= 1), so the division never sees a
 * negative number. */
static int64_t leap_years_before(int year)
{
	int64_t y = year - 1;
	return y / 4 - y / 100 + y / 400;
}

bool civil_to_unix(const struct civil_time *t, int64_t *seconds)
{
	int64_t days;
	if (t->year < 1 || t->year > 9999 || t->day < 1 ||
	    t->day > civil_days_in_month(t->year, t->month) || t->hour > 23 ||
	    t->minute > 59 || t->second > 59)
		return false;
	days = 365 * (int64_t)(t->year - 1970) + leap_years_before(t->year) -
	       leap_years_before(1970);
	for (unsigned m = 1; m < t->month; m++)
		days += civil_days_in_month(t->year, m);
	days += t->day - 1;
	*seconds = days * 86400 + t->hour * 3600 + t->minute * 60 + t->second;
	return true;
}

void civil_from_unix(uint64_t seconds, struct civil_time *t)
{
	uint64_t days = seconds / 86400, rest = seconds % 86400;
	int year = 1970;
	unsigned month = 1;
	/* Whole years, then whole months: a few hundred steps at most. */
	while (days >= (uint64_t)(civil_is_leap_year(year) ? 366 : 365) && year < 9999)
		days -= civil_is_leap_year(year++) ? 366 : 365;
	while (month < 12 && days >= civil_days_in_month(year, month))
		days -= civil_days_in_month(year, month++);
	*t = (struct civil_time){ year, month, (unsigned)days + 1, (unsigned)(rest / 3600),
				  (unsigned)(rest / 60 % 60), (unsigned)(rest % 60) };
}
