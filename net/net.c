/* Network stack start-up: lwIP (raw API, no OS). */
#include <stdbool.h>
#include "lwip/init.h"
#include "net.h"

void net_init(void)
{
	static bool started;
	if (!started) {
		lwip_init();
		started = true;
	}
}
