/* Calendar time to Unix time: the epoch, leap years, 2038 and beyond,
 * fields a never-set clock can hold. */
#include "../../firmware/civil_time.h"
#include "test.h"

static int64_t unix_of(int year, unsigned month, unsigned day, unsigned hour, unsigned minute,
		       unsigned second)
{
	struct civil_time t = { year, month, day, hour, minute, second };
	int64_t s = 12345;
	if (!civil_to_unix(&t, &s))
		return 12345; /* marks "refused" */
	return s;
}

TEST(civil_epoch)
{
	CHECK(unix_of(1970, 1, 1, 0, 0, 0) == 0);
	CHECK(unix_of(1970, 1, 1, 0, 0, 1) == 1);
	CHECK(unix_of(1970, 1, 2, 0, 0, 0) == 86400);
	CHECK(unix_of(1969, 12, 31, 23, 59, 59) == -1);
	CHECK(unix_of(1972, 12, 31, 23, 59, 59) == 94694399); /* 1972: leap */
}

TEST(civil_leap_years)
{
	CHECK(civil_is_leap_year(2024));
	CHECK(civil_is_leap_year(2000)); /* divisible by 400 */
	CHECK(!civil_is_leap_year(1900)); /* by 100, not 400 */
	CHECK(!civil_is_leap_year(2100));
	CHECK(!civil_is_leap_year(2023));
	CHECK(civil_days_in_month(2024, 2) == 29);
	CHECK(civil_days_in_month(2100, 2) == 28);
	CHECK(civil_days_in_month(2023, 4) == 30);
	CHECK(civil_days_in_month(2023, 13) == 0);
	CHECK(unix_of(2000, 2, 29, 0, 0, 0) == 951782400);
	CHECK(unix_of(2000, 3, 1, 0, 0, 0) == 951868800);
	CHECK(unix_of(2024, 2, 29, 12, 34, 56) == 1709210096);
	CHECK(unix_of(1900, 3, 1, 0, 0, 0) == -2203891200LL);
	CHECK(unix_of(2100, 3, 1, 0, 0, 0) == 4107542400LL);
}

TEST(civil_2038_and_beyond)
{
	CHECK(unix_of(2038, 1, 19, 3, 14, 7) == 2147483647);
	CHECK(unix_of(2038, 1, 19, 3, 14, 8) == 2147483648LL);
	CHECK(unix_of(2106, 2, 7, 6, 28, 15) == 4294967295LL); /* last uint32 second */
	CHECK(unix_of(9999, 12, 31, 23, 59, 59) == 253402300799LL);
	CHECK(unix_of(1, 1, 1, 0, 0, 0) == -62135596800LL);
}

TEST(civil_days_follow_each_other)
{
	/* Every day from 1970 to 2400 starts 86400 s after the one before. */
	int64_t prev = unix_of(1969, 12, 31, 0, 0, 0);
	for (int y = 1970; y <= 2400; y++)
		for (unsigned m = 1; m <= 12; m++)
			for (unsigned d = 1; d <= civil_days_in_month(y, m); d++) {
				int64_t s = unix_of(y, m, d, 0, 0, 0);
				if (!CHECK(s == prev + 86400))
					return;
				prev = s;
			}
}

TEST(civil_refuses_bad_fields)
{
	CHECK(unix_of(2023, 0, 1, 0, 0, 0) == 12345);
	CHECK(unix_of(2023, 13, 1, 0, 0, 0) == 12345);
	CHECK(unix_of(2023, 1, 0, 0, 0, 0) == 12345);
	CHECK(unix_of(2023, 4, 31, 0, 0, 0) == 12345);
	CHECK(unix_of(2023, 2, 29, 0, 0, 0) == 12345);
	CHECK(unix_of(2023, 1, 1, 24, 0, 0) == 12345);
	CHECK(unix_of(2023, 1, 1, 0, 60, 0) == 12345);
	CHECK(unix_of(2023, 1, 1, 0, 0, 60) == 12345);
	CHECK(unix_of(0, 1, 1, 0, 0, 0) == 12345);
	CHECK(unix_of(10000, 1, 1, 0, 0, 0) == 12345);
}

TEST(civil_from_unix_round_trips)
{
	struct civil_time t;
	int64_t back;
	civil_from_unix(0, &t);
	CHECK(t.year == 1970 && t.month == 1 && t.day == 1 && t.hour == 0);
	civil_from_unix(951782400 + 86399, &t); /* 2000-02-29 23:59:59 */
	CHECK(t.year == 2000 && t.month == 2 && t.day == 29 && t.hour == 23 && t.minute == 59 &&
	      t.second == 59);
	/* Every day from 1970 to 2100 comes back to itself. */
	for (uint64_t s = 0; s < 4102444800ull; s += 86400 + 3661) {
		civil_from_unix(s, &t);
		if (!CHECK(civil_to_unix(&t, &back) && (uint64_t)back == s))
			break;
	}
}
