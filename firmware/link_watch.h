/* Watching a link come up: a small state machine fed with link samples
 * and the clock, so that "no link" (a cable or port problem) and "link
 * flapping" (a bad cable, autonegotiation or EEE trouble, and with
 * spanning tree a long wait after each change) can be told apart. */
#ifndef LINK_WATCH_H
#define LINK_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#define LINK_WAIT_MS 10000       /* how long to wait for a link at all */
#define LINK_STABLE_MS 1000      /* a link seen rising counts once up this long */
#define LINK_FLAPS_WORRYING 2    /* this many drops: say it is flapping */

enum link_verdict {
	LINK_WAITING,            /* keep sampling */
	LINK_UP,                 /* up at once, or risen and held LINK_STABLE_MS */
	LINK_NEVER_UP,           /* no link within LINK_WAIT_MS */
	LINK_FLAPPING,           /* it came and went, and is not up at the end */
};

struct link_watch {
	uint64_t start_ms;
	uint64_t up_since_ms;    /* when the current up period began */
	bool up;                 /* the last sample */
	bool sampled;
	unsigned drops;          /* up -> down transitions seen */
	unsigned rises;          /* down -> up transitions seen */
};

void link_watch_start(struct link_watch *w, uint64_t now_ms);
enum link_verdict link_watch_sample(struct link_watch *w, uint64_t now_ms, bool up);

#endif
