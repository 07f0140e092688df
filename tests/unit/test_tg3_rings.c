/* tg3 against the chip model: open, sending and receiving through the
 * rings (the model reads and writes the descriptors and frames), ring
 * wrap-around, bad received frames, and close. */
#include <stdio.h>
#include "test.h"
#include "test_tg3.h"

static const uint8_t our_mac[6] = { 0x00, 0x10, 0x18, 0x01, 0x02, 0x03 };

static void open_rig(struct tg3_rig *rig)
{
	struct tg3_model_config c = { .revision = 1, .publish = MODEL_MAC_SRAM,
				      .partner_1000 = 0x0800 };
	memcpy(c.bootcode_mac, our_mac, 6);
	tg3_rig_probe(rig, &c);
	if (rig->rc == 0 && tg3_rig_open(rig) != 0)
		rig->rc = -200;
}

/* A frame whose bytes say which one it is. */
static size_t make_frame(uint8_t *frame, size_t len, unsigned n)
{
	memset(frame, 0xff, 6);           /* broadcast */
	memcpy(frame + 6, our_mac, 6);
	frame[12] = 0x08, frame[13] = 0x00;
	for (size_t i = 14; i < len; i++)
		frame[i] = (uint8_t)(n * 7 + i);
	frame[14] = (uint8_t)n, frame[15] = (uint8_t)(n >> 8);
	return len;
}

TEST(tg3_open_allocates_rings_and_close_stops_dma_and_frees_them)
{
	struct tg3_rig rig;
	int dma_before;
	open_rig(&rig);
	REQUIRE_PROBED(rig);
	CHECK(host_dma_live_count() == 1);
	CHECK(tg3_model_dma_enabled(rig.model));
	CHECK_STR(rig.model->violation, "");

	dma_before = rig.model->dma_writes;
	tg3_rig_close(&rig);
	CHECK(!tg3_model_dma_enabled(rig.model));
	/* Every engine was stopped before the reset, not just by it. */
	CHECK(rig.model->resets_with_dma_on == 0);
	CHECK(host_dma_live_count() == 0);
	/* The closed chip writes nothing more into (freed) host memory. */
	uint8_t frame[64];
	CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 64, 1)) < 0);
	CHECK(rig.model->dma_writes == dma_before);
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, 64) < 0);
	CHECK_CONTAINS(rig.dev.error, "not open");
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

TEST(tg3_sends_a_frame_the_model_reads_from_the_send_ring)
{
	struct tg3_rig rig;
	uint8_t frame[100];
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 100, 5)) == 0);
	CHECK(rig.model->frame_count == 1);
	CHECK(rig.model->frames[0].len == 100);
	CHECK(memcmp(rig.model->frames[0].data, frame, 100) == 0);
	CHECK(rig.model->tx_cons == 1);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

TEST(tg3_pads_a_short_frame_to_the_ethernet_minimum)
{
	struct tg3_rig rig;
	uint8_t frame[42];
	static const uint8_t zeros[18];
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 42, 1)) == 0);
	CHECK(rig.model->frame_count == 1);
	CHECK(rig.model->frames[0].len == 60);
	CHECK(memcmp(rig.model->frames[0].data, frame, 42) == 0);
	CHECK(memcmp(rig.model->frames[0].data + 42, zeros, 18) == 0);
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, 2000) < 0); /* too long: refused */
	CHECK_CONTAINS(rig.dev.error, "2000-byte frame");
	tg3_rig_done(&rig);
}

TEST(tg3_receives_frames_the_model_writes)
{
	struct tg3_rig rig;
	uint8_t in[3][1514], out[1600];
	const size_t lens[3] = { 60, 1514, 342 };
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 0);
	for (unsigned i = 0; i < 3; i++)
		CHECK(tg3_model_receive(rig.model, in[i], make_frame(in[i], lens[i], i)) == 0);
	for (unsigned i = 0; i < 3; i++) {
		int len = rig.dev.ops->receive(&rig.dev, out, sizeof(out));
		CHECK(len == (int)lens[i]);
		CHECK(len > 0 && memcmp(out, in[i], (size_t)len) == 0);
	}
	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 0);
	CHECK(rig.dev.rx_dropped == 0);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

/* 1100 frames each way go round the 512-entry rings twice; the model
 * checks every descriptor and frame. */
TEST(tg3_rings_wrap_around_in_both_directions)
{
	struct tg3_rig rig;
	uint8_t frame[200], out[1600];
	unsigned tx_wrong = 0, rx_wrong = 0;
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	for (unsigned n = 0; n < 1100; n++) {
		size_t len = make_frame(frame, 60 + n % 140, n);
		if (rig.dev.ops->transmit(&rig.dev, frame, len) != 0)
			tx_wrong++;
	}
	CHECK(tx_wrong == 0);
	CHECK(rig.model->frame_count == 1100);
	for (unsigned n = 0; n < TG3_MODEL_MAX_FRAMES; n++) {
		size_t len = make_frame(frame, 60 + n % 140, n);
		if (rig.model->frames[n].len != len || memcmp(rig.model->frames[n].data, frame, len))
			tx_wrong++;
	}
	CHECK(tx_wrong == 0);

	/* Receive in bursts of 50, more than the 64 buffers would allow at once
	 * if they were not given back. */
	for (unsigned n = 0; n < 1100; n += 50) {
		for (unsigned k = n; k < n + 50; k++)
			if (tg3_model_receive(rig.model, frame, make_frame(frame, 60 + k % 140, k)) != 0)
				rx_wrong++;
		for (unsigned k = n; k < n + 50; k++) {
			size_t len = make_frame(frame, 60 + k % 140, k);
			int got = rig.dev.ops->receive(&rig.dev, out, sizeof(out));
			if (got != (int)len || memcmp(out, frame, len) != 0)
				rx_wrong++;
		}
	}
	CHECK(rx_wrong == 0);
	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 0);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

TEST(tg3_drops_and_counts_bad_received_frames_and_keeps_its_buffers)
{
	struct tg3_rig rig;
	uint8_t frame[100], out[1600];
	unsigned wrong = 0;
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	make_frame(frame, 100, 1);
	/* A CRC error, then a length larger than any buffer, then a frame from
	 * a ring we never gave the chip (jumbo), then a good one. */
	CHECK(tg3_model_receive_raw(rig.model, frame, 100, 104, 0x0400, 0x00010000) == 0);
	CHECK(tg3_model_receive_raw(rig.model, frame, 100, 4000, 0, 0) == 0);
	CHECK(tg3_model_receive_raw(rig.model, frame, 100, 104, 0x0020, 0) == 0);
	CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 100, 2)) == 0);
	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 100);
	CHECK(memcmp(out, frame, 100) == 0);
	CHECK(rig.dev.rx_dropped == 3);

	/* A frame larger than the caller can take is dropped, not cut. */
	CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 100, 3)) == 0);
	CHECK(rig.dev.ops->receive(&rig.dev, out, 50) == 0);
	CHECK(rig.dev.rx_dropped == 4);

	/* Buffers of the dropped frames went back: 200 more still arrive. */
	for (unsigned n = 0; n < 200; n++) {
		if (tg3_model_receive(rig.model, frame, make_frame(frame, 100, n)) != 0 ||
		    rig.dev.ops->receive(&rig.dev, out, sizeof(out)) != 100)
			wrong++;
	}
	CHECK(wrong == 0);
	tg3_rig_done(&rig);
}

TEST(tg3_open_fails_clearly_when_the_bootcode_stops_answering)
{
	struct tg3_rig rig;
	struct tg3_model_config c = { .revision = 1, .publish = MODEL_MAC_SRAM };
	memcpy(c.bootcode_mac, our_mac, 6);
	tg3_rig_probe(&rig, &c);
	REQUIRE_PROBED(rig);

	rig.model->cfg.bootcode_dead = true;
	CHECK(tg3_rig_open(&rig) != 0);
	CHECK_CONTAINS(rig.dev.error, "tg3 BCM57766: firmware handshake timed out");
	CHECK(host_dma_live_count() == 0);
	CHECK(!tg3_model_dma_enabled(rig.model));
	tg3_rig_done(&rig);
}

/* The MAC's port mode follows the PHY: MII at 100, GMII at 1000; the
 * model refuses frames sent with the wrong one. */
TEST(tg3_mac_follows_the_negotiated_speed)
{
	struct tg3_rig rig;
	uint8_t frame[80];
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	tg3_rig_wait_ms(2500); /* autonegotiation done: 1000/full */
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, 1)) == 0);
	/* The switch is replaced by a 100 Mbit/s one. */
	rig.model->cfg.partner_1000 = 0;
	tg3_model_set_cable(rig.model, false);
	tg3_rig_wait_ms(500);
	CHECK(!rig.dev.ops->link_up(&rig.dev));
	tg3_model_set_cable(rig.model, true);
	tg3_rig_wait_ms(2500);
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, 2)) == 0);
	CHECK(rig.model->frame_count == 2);
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}

/* The other families' differences: a 5719's PHY sits at its function
 * number + 1, a 5761's standard ring control block holds the buffer size
 * where 57765-class chips hold the ring size. */
TEST(tg3_sends_and_receives_on_5719_and_5761_class_chips)
{
	static const uint16_t devices[] = { 0x1657, 0x1681, 0x1684, 0x16b4 };
	for (unsigned i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
		struct tg3_model_config c = { .revision = 2, .publish = MODEL_MAC_SRAM,
					      .device_id = devices[i], .fn = 1 };
		struct tg3_rig rig;
		uint8_t frame[1514], out[1600];
		memcpy(c.bootcode_mac, our_mac, 6);
		tg3_rig_probe(&rig, &c);
		REQUIRE_PROBED(rig);
		CHECK(tg3_rig_open(&rig) == 0);
		tg3_rig_wait_ms(2500);
		CHECK(rig.dev.ops->link_up(&rig.dev));
		CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, i)) == 0);
		CHECK(rig.model->frame_count == 1);
		CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 1514, i)) == 0);
		CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 1514);
		CHECK(memcmp(out, frame, 1514) == 0);
		CHECK_STR(rig.model->violation, "");
		tg3_rig_done(&rig);
	}
}

/* A send engine that stops consuming descriptors: the driver never
 * overwrites a buffer still in flight, and says the ring is stuck. */
TEST(tg3_says_the_send_ring_is_stuck_when_the_chip_stops_sending)
{
	struct tg3_rig rig;
	uint8_t frame[80];
	unsigned sent = 0;
	uint64_t start;
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	tg3_model_stall_tx(rig.model, true);
	for (unsigned n = 0; n < 16; n++)
		sent += rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, n)) == 0;
	CHECK(sent == 16);
	start = platform_now_ms();
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, 80) < 0);
	CHECK_STR(rig.dev.error,
		  "tg3: send ring stuck: the chip has sent none of the last 16 frames in 100 ms");
	CHECK(platform_now_ms() - start >= 100 && platform_now_ms() - start < 200);
	/* Once the chip moves again, so does the driver. */
	tg3_model_stall_tx(rig.model, false);
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, 99)) == 0);
	CHECK(rig.model->frame_count == 17);
	tg3_rig_done(&rig);
}

/* Devices are closed before a program runs and opened again if it
 * returns: the second open starts from clean rings. */
TEST(tg3_opens_again_after_close_with_fresh_rings)
{
	struct tg3_rig rig;
	uint8_t frame[80], out[1600];
	open_rig(&rig);
	REQUIRE_PROBED(rig);

	for (unsigned n = 0; n < 5; n++)
		CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, n)) == 0);
	CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 80, 9)) == 0);
	tg3_rig_close(&rig);
	CHECK(host_dma_live_count() == 0);

	CHECK(tg3_rig_open(&rig) == 0);
	CHECK(host_dma_live_count() == 1);
	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 0); /* nothing stale */
	CHECK(rig.dev.ops->transmit(&rig.dev, frame, make_frame(frame, 80, 7)) == 0);
	CHECK(rig.model->frame_count == 6);
	CHECK(rig.model->frames[5].len == 80 && memcmp(rig.model->frames[5].data, frame, 80) == 0);
	CHECK(tg3_model_receive(rig.model, frame, make_frame(frame, 80, 8)) == 0);
	CHECK(rig.dev.ops->receive(&rig.dev, out, sizeof(out)) == 80);
	CHECK(memcmp(out, frame, 80) == 0);
	CHECK(rig.model->resets == 4); /* probe, open, close, open */
	CHECK_STR(rig.model->violation, "");
	tg3_rig_done(&rig);
}
