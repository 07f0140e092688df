/* The link state machine (see link_watch.h). */
#include <string.h>
#include "link_watch.h"

void link_watch_start(struct link_watch *w, uint64_t now_ms)
{
	memset(w, 0, sizeof(*w));
	w->start_ms = now_ms;
}

enum link_verdict link_watch_sample(struct link_watch *w, uint64_t now_ms, bool up)
{
	bool first = !w->sampled;

	if (w->sampled && up != w->up) {
		if (up)
			w->rises++;
		else
			w->drops++;
	}
	if (up && (first || !w->up))
		w->up_since_ms = now_ms;
	w->up = up;
	w->sampled = true;

	if (up) {
		/* Up from the first look is up; a link that comes up while we
		 * watch must hold a while, or it is one that comes and goes. */
		if (w->rises == 0)
			return LINK_UP;
		if (now_ms - w->up_since_ms >= LINK_STABLE_MS)
			return LINK_UP;
	}
	if (now_ms - w->start_ms < LINK_WAIT_MS)
		return LINK_WAITING;
	if (up)
		return LINK_UP; /* up at the deadline: go on, the caller warns of the drops */
	return w->drops || w->rises ? LINK_FLAPPING : LINK_NEVER_UP;
}
