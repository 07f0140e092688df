/* The CMOS real-time clock's registers as a calendar time: BCD or binary
 * (status B bit 2), 24- or 12-hour (status B bit 1; in 12-hour mode the
 * hour's bit 7 means PM). Pure, tested on the host. */
#ifndef CMOS_TIME_H
#define CMOS_TIME_H

#include <stdint.h>
#include "../firmware/civil_time.h"

struct cmos_clock {
	uint8_t second, minute, hour, day, month, year, century, status_b;
};

void cmos_clock_decode(const struct cmos_clock *c, struct civil_time *t);

#endif
