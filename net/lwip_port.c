/* The two things lwIP asks of a NO_SYS port: a millisecond clock and
 * random numbers. */
#include <stdint.h>
#include "../firmware/platform.h"
#include "lwip/sys.h"

u32_t sys_now(void)
{
	return (u32_t)platform_now_ms();
}

/* xorshift64*, seeded from the clock on first use. Good enough for ports
 * and transaction IDs; TLS gets real entropy of its own. */
unsigned int net_random32(void)
{
	static uint64_t state;
	if (!state)
		state = (platform_now_ms() * 0x9e3779b97f4a7c15ull) | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (unsigned int)((state * 0x2545f4914f6cdd1dull) >> 32);
}
