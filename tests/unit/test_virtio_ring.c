/* The split virtqueue: where the rings lie (legacy and 1.x alignment) and
 * the available/used protocol, with the test playing the device. */
#include <stdlib.h>
#include "../../drivers/net/virtio_ring.h"
#include "test.h"

TEST(virtq_layout_matches_the_legacy_and_modern_rules)
{
	/* Legacy, 256 entries: 4096 descriptors bytes + avail (6 + 512) -> the
	 * used ring at 8192, 6 + 2048 bytes rounded to 4096. */
	CHECK(virtq_bytes(256, 4096) == 8192 + 4096);
	/* 1.x, 64 entries: 1024 + 134 (rounded to 1160), then 6 + 512 -> 520. */
	CHECK(virtq_bytes(64, 4) == 1160 + 520);

	struct virtq q;
	void *mem = aligned_alloc(4096, 3 * 4096);
	virtq_layout(&q, 256, 4096, mem, 0x100000);
	CHECK(virtq_desc_bus(&q) == 0x100000);
	CHECK(virtq_avail_bus(&q) == 0x100000 + 4096);
	CHECK(virtq_used_bus(&q) == 0x100000 + 8192);
	CHECK(q.avail[0] == VRING_AVAIL_F_NO_INTERRUPT);
	CHECK(virtq_wants_notify(&q));
	q.used_hdr[0] = VRING_USED_F_NO_NOTIFY;
	CHECK(!virtq_wants_notify(&q));
	free(mem);
}

TEST(virtq_offers_in_order_and_takes_what_the_device_used_across_wrap)
{
	struct virtq q;
	void *mem = aligned_alloc(4096, 4096);
	uint32_t head, len;
	virtq_layout(&q, 4, 4, mem, 0);

	CHECK(!virtq_take_used(&q, &head, &len));
	/* Ten rounds through a 4-entry ring: indexes wrap, entries land mod size. */
	for (uint16_t round = 0; round < 10; round++) {
		virtq_offer(&q, (uint16_t)(round % 4));
		CHECK(q.avail[1] == round + 1);
		CHECK(q.avail[2 + round % 4] == round % 4);
		/* The device uses it and reports 60 + round bytes. */
		q.used[round % 4].id = round % 4;
		q.used[round % 4].len = 60u + round;
		q.used_hdr[1] = (uint16_t)(round + 1);
		CHECK(virtq_take_used(&q, &head, &len));
		CHECK(head == round % 4u && len == 60u + round);
		CHECK(!virtq_take_used(&q, &head, &len));
	}
	/* The 16-bit index wraps too. */
	q.used_seen = 0xffff;
	q.used[0xffff % 4].id = 3;
	q.used_hdr[1] = 0;
	CHECK(virtq_take_used(&q, &head, &len) && head == 3);
	CHECK(q.used_seen == 0);
	free(mem);
}
