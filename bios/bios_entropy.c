/* Random bytes on BIOS (platform_entropy): the CPU's RDSEED or RDRAND;
 * the core mixes them with timer jitter (firmware/entropy.c), which is all
 * there is on CPUs without them. */
#include "../firmware/cpu_random.h"
#include "../firmware/platform.h"

size_t platform_entropy(void *buf, size_t len, const char **source)
{
	size_t n = cpu_random_fill(buf, len);
	*source = n ? (cpu_has_rdseed() ? "RDSEED" : "RDRAND") : "none";
	return n;
}

uint64_t platform_cycles(void)
{
	return cpu_cycles();
}
