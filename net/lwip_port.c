/* The two things lwIP asks of a NO_SYS port: a millisecond clock and
 * random numbers. */
#include <stdint.h>
#include "../firmware/entropy.h"
#include "../firmware/platform.h"
#include "lwip/sys.h"

u32_t sys_now(void)
{
	return (u32_t)platform_now_ms();
}

/* xorshift64*, seeded from the entropy mixer on first use: ports, TCP
 * initial sequence numbers, DHCP xids and DNS ids no one can guess from
 * the clock. TLS draws from the mixer itself. */
unsigned int net_random32(void)
{
	static uint64_t state;
	while (!state)
		entropy_fill(&state, sizeof(state));
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (unsigned int)((state * 0x2545f4914f6cdd1dull) >> 32);
}
