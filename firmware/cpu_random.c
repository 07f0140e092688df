/* Filling a buffer from the CPU's RDSEED or RDRAND (see cpu_random.h). */
#include <string.h>
#include "cpu_random.h"

size_t cpu_random_fill(void *out, size_t len)
{
	uint8_t *buf = out;
	bool seed = cpu_has_rdseed(), rand = cpu_has_rdrand();
	size_t n = 0;
	if (!seed && !rand)
		return 0;
	while (n < len) {
		uint32_t v;
		int tries = 0;
		bool ok;
		/* Either can run dry for a moment: retry a little. */
		while (!(ok = seed ? cpu_rdseed32(&v) : cpu_rdrand32(&v)) && ++tries < 100)
			;
		if (!ok && seed && rand)
			ok = cpu_rdrand32(&v);
		if (!ok)
			break;
		size_t take = len - n < 4 ? len - n : 4;
		memcpy(buf + n, &v, take);
		n += take;
	}
	return n;
}
