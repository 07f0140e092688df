/* Waiting for a link: up at once, up late, never up, flapping, and a link
 * that settles after dropping (the spanning-tree / autonegotiation case). */
#include "../../firmware/link_watch.h"
#include "test.h"

TEST(link_up_at_the_first_sample_is_up_at_once)
{
	struct link_watch w;
	link_watch_start(&w, 1000);
	CHECK(link_watch_sample(&w, 1000, true) == LINK_UP);
	CHECK(w.drops == 0);
}

TEST(link_that_comes_up_while_watched_must_hold_a_second)
{
	struct link_watch w;
	link_watch_start(&w, 0);
	for (uint64_t t = 0; t < 3000; t += 100)
		CHECK(link_watch_sample(&w, t, false) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 3000, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 3000 + LINK_STABLE_MS - 1, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 3000 + LINK_STABLE_MS, true) == LINK_UP);
	CHECK(w.rises == 1 && w.drops == 0);
}

TEST(no_link_at_all_is_never_up_after_the_wait)
{
	struct link_watch w;
	enum link_verdict v = LINK_WAITING;
	uint64_t t;
	link_watch_start(&w, 500);
	for (t = 500; v == LINK_WAITING && t < 60000; t += 100)
		v = link_watch_sample(&w, t, false);
	CHECK(v == LINK_NEVER_UP);
	CHECK(t - 100 - 500 == LINK_WAIT_MS);
}

TEST(link_that_comes_and_goes_and_is_down_at_the_end_is_flapping)
{
	struct link_watch w;
	enum link_verdict v = LINK_WAITING;
	uint64_t t;
	link_watch_start(&w, 0);
	/* Down 400 ms, up 300 ms, down again...: never settles, down at the end. */
	for (t = 0; v == LINK_WAITING && t < 60000; t += 100)
		v = link_watch_sample(&w, t, t % 1000 >= 400 && t % 1000 < 700);
	CHECK(v == LINK_FLAPPING);
	CHECK(w.drops >= LINK_FLAPS_WORRYING);
}

TEST(link_that_drops_then_holds_is_up_once_it_has_held)
{
	struct link_watch w;
	link_watch_start(&w, 0);
	CHECK(link_watch_sample(&w, 0, false) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 100, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 200, false) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 300, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 400, false) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 500, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, 500 + LINK_STABLE_MS, true) == LINK_UP);
	CHECK(w.drops == 2 && w.rises == 3);
	CHECK(w.drops >= LINK_FLAPS_WORRYING); /* the caller warns */
}

TEST(link_up_at_the_deadline_but_not_yet_settled_is_taken)
{
	struct link_watch w;
	link_watch_start(&w, 0);
	CHECK(link_watch_sample(&w, 0, false) == LINK_WAITING);
	CHECK(link_watch_sample(&w, LINK_WAIT_MS - 10, true) == LINK_WAITING);
	CHECK(link_watch_sample(&w, LINK_WAIT_MS, true) == LINK_UP);
}
