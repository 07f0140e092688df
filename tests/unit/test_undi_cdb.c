/* UNDI command blocks: layouts as the spec packs them, outcomes, errors in
 * words, the !PXE structure check, receive filters, sent-buffer lists. */
#include <stdio.h>
#include "../../firmware/undi_cdb.h"
#include "test.h"

TEST(undi_layouts_match_the_spec)
{
	CHECK(sizeof(struct undi_cdb) == 32);
	CHECK(offsetof(struct undi_cdb, cpb_addr) == 8);
	CHECK(offsetof(struct undi_cdb, stat_code) == 24);
	CHECK(offsetof(struct undi_cdb, if_num) == 28);
	CHECK(sizeof(struct undi_pxe) == 32);
	CHECK(offsetof(struct undi_pxe, entry_point) == 16);
	CHECK(sizeof(struct undi_cpb_start) == 64);
	CHECK(offsetof(struct undi_cpb_start, unique_id) == 56);
	CHECK(sizeof(struct undi_db_get_init_info) == 47);
	CHECK(sizeof(struct undi_cpb_initialize) == 26);
	CHECK(sizeof(struct undi_db_initialize) == 12);
	CHECK(sizeof(struct undi_db_station_address) == 96);
	CHECK(sizeof(struct undi_db_get_status) == 8 + 32 * 8);
	CHECK(sizeof(struct undi_cpb_transmit) == 16);
	CHECK(sizeof(struct undi_cpb_receive) == 16);
	CHECK(sizeof(struct undi_db_receive) == 80);
}

TEST(undi_prepare_fills_the_cdb)
{
	struct undi_cdb cdb;
	struct undi_cpb_receive cpb = { 0 };
	struct undi_db_receive db = { 0 };

	memset(&cdb, 0xff, sizeof(cdb));
	undi_cdb_prepare(&cdb, UNDI_RECEIVE, 0, 3, &cpb, sizeof(cpb), &db, sizeof(db));
	CHECK(cdb.opcode == UNDI_RECEIVE);
	CHECK(cdb.if_num == 3);
	CHECK(cdb.cpb_addr == (uint64_t)(uintptr_t)&cpb && cdb.cpb_size == 16);
	CHECK(cdb.db_addr == (uint64_t)(uintptr_t)&db && cdb.db_size == 80);
	CHECK(cdb.stat_code == 0 && cdb.stat_flags == 0 && cdb.control == 0);
	CHECK(undi_cdb_outcome(&cdb) == UNDI_PENDING); /* not run yet */

	undi_cdb_prepare(&cdb, UNDI_STOP, 0, 0, NULL, 0, NULL, 0);
	CHECK(cdb.cpb_addr == 0 && cdb.cpb_size == 0 && cdb.db_addr == 0 && cdb.db_size == 0);
}

TEST(undi_outcomes)
{
	struct undi_cdb cdb = { 0 };
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE;
	CHECK(undi_cdb_outcome(&cdb) == UNDI_DONE);
	cdb.stat_code = UNDI_STAT_NO_DATA; /* "complete" but with a code: not done */
	CHECK(undi_cdb_outcome(&cdb) == UNDI_FAILED);
	cdb.stat_flags = UNDI_STATFLAGS_FAILED;
	CHECK(undi_cdb_outcome(&cdb) == UNDI_FAILED);
	cdb.stat_flags = UNDI_STATFLAGS_QUEUED;
	CHECK(undi_cdb_outcome(&cdb) == UNDI_PENDING);
}

TEST(undi_errors_name_opcode_and_status)
{
	struct undi_cdb cdb = { 0 };
	char msg[120];

	cdb.opcode = UNDI_INITIALIZE;
	cdb.stat_flags = UNDI_STATFLAGS_FAILED;
	cdb.stat_code = UNDI_STAT_NOT_STARTED;
	undi_cdb_error(msg, sizeof(msg), &cdb);
	CHECK_STR(msg, "UNDI INITIALIZE failed: not started (StatCode 0x0006)");

	cdb.opcode = UNDI_TRANSMIT;
	cdb.stat_code = UNDI_STAT_QUEUE_FULL;
	undi_cdb_error(msg, sizeof(msg), &cdb);
	CHECK_STR(msg, "UNDI TRANSMIT failed: command queue full (StatCode 0x0004)");

	cdb.opcode = 0x42;
	cdb.stat_code = 0x99;
	undi_cdb_error(msg, sizeof(msg), &cdb);
	CHECK_STR(msg, "UNDI opcode 0x0042 failed: unknown status (StatCode 0x0099)");

	cdb.opcode = UNDI_START;
	cdb.stat_code = 0;
	undi_cdb_error(msg, sizeof(msg), &cdb);
	CHECK_STR(msg, "UNDI START failed: failed without a reason (StatCode 0x0000)");

	cdb.opcode = UNDI_SHUTDOWN;
	cdb.stat_flags = UNDI_STATFLAGS_QUEUED;
	undi_cdb_error(msg, sizeof(msg), &cdb);
	CHECK_STR(msg, "UNDI SHUTDOWN did not complete (StatFlags 0x4000)");

	CHECK_STR(undi_opcode_name(UNDI_GET_STATUS), "GET_STATUS");
	CHECK_STR(undi_opcode_name(UNDI_RECEIVE), "RECEIVE");
	CHECK_STR(undi_stat_text(UNDI_STAT_NO_DATA), "no data");
	CHECK(undi_stat_text(0x14) == NULL);
}

TEST(undi_get_state)
{
	struct undi_cdb cdb = { 0 };
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE | 2;
	CHECK(undi_cdb_state(&cdb) == UNDI_INITIALIZED);
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE | 1;
	CHECK(undi_cdb_state(&cdb) == UNDI_STARTED);
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE;
	CHECK(undi_cdb_state(&cdb) == UNDI_STOPPED);
	CHECK_STR(undi_state_name(UNDI_STARTED), "started");
}

/* A valid software UNDI !PXE structure, 3.1, entry point given. */
static void make_pxe(uint8_t *b, uint32_t imp, uint64_t entry)
{
	struct undi_pxe p = { 0 };
	uint8_t sum = 0;
	memcpy(&p.signature, "!PXE", 4);
	p.len = sizeof(p);
	p.rev = 2;
	p.major = 3;
	p.minor = 1;
	p.implementation = imp;
	p.entry_point = entry;
	p.bus_count = 1;
	memcpy(b, &p, sizeof(p));
	for (unsigned i = 0; i < sizeof(p); i++)
		sum += b[i];
	b[5] = (uint8_t)-sum; /* fudge */
}

TEST(undi_pxe_structure_checks)
{
	uint8_t b[32];

	make_pxe(b, UNDI_IMP_SW_VIRT_ADDR, 0x1000);
	CHECK(undi_pxe_check(b, sizeof(b)) == NULL);
	CHECK(undi_pxe_check(NULL, 0) != NULL);

	b[9]++; /* MinorVer changed: the sum is off */
	CHECK_STR(undi_pxe_check(b, sizeof(b)), "bad !PXE checksum");

	make_pxe(b, 0, 0x1000);
	b[0] = '?';
	CHECK_STR(undi_pxe_check(b, sizeof(b)), "no !PXE signature");

	make_pxe(b, UNDI_IMP_HW_UNDI, 0);
	CHECK_STR(undi_pxe_check(b, sizeof(b)), "hardware UNDI (not supported)");

	make_pxe(b, 0, 0x1000);
	b[9] = 0; /* 3.0 */
	b[5] = 0;
	{
		uint8_t sum = 0;
		for (int i = 0; i < 32; i++)
			sum += b[i];
		b[5] = (uint8_t)-sum;
	}
	CHECK_STR(undi_pxe_check(b, sizeof(b)), "UNDI command interface older than 3.1");

	make_pxe(b, 0, 0);
	CHECK_STR(undi_pxe_check(b, sizeof(b)), "no UNDI entry point");

	make_pxe(b, 0, 0x1000);
	CHECK_STR(undi_pxe_check(b, 20), "!PXE structure longer than its memory");
}

TEST(undi_entry_point_virtual_or_relative)
{
	uint8_t b[32];
	make_pxe(b, UNDI_IMP_SW_VIRT_ADDR, 0x7f001234);
	CHECK(undi_entry_address((struct undi_pxe *)b, 0x10000) == 0x7f001234);
	make_pxe(b, 0, 0x240);
	CHECK(undi_entry_address((struct undi_pxe *)b, 0x10000) == 0x10240);
}

TEST(undi_filter_choices)
{
	uint32_t all = UNDI_IMP_BROADCAST_RX | UNDI_IMP_PROMISCUOUS_MULTICAST_RX |
		       UNDI_IMP_PROMISCUOUS_RX;
	CHECK(undi_filter_choice(all, 0) == (UNDI_FILTER_UNICAST | UNDI_FILTER_BROADCAST));
	CHECK(undi_filter_choice(all, 1) ==
	      (UNDI_FILTER_UNICAST | UNDI_FILTER_BROADCAST | UNDI_FILTER_ALL_MULTICAST));
	CHECK(undi_filter_choice(all, 2) == UNDI_FILTER_PROMISCUOUS);
	CHECK(undi_filter_choice(all, 3) == 0);
	/* No broadcast: promiscuous is the only way to see DHCP replies. */
	CHECK(undi_filter_choice(UNDI_IMP_PROMISCUOUS_RX, 0) == UNDI_FILTER_PROMISCUOUS);
	CHECK(undi_filter_choice(UNDI_IMP_PROMISCUOUS_RX, 1) == 0);
	CHECK(undi_filter_choice(0, 0) == UNDI_FILTER_UNICAST);
	CHECK(undi_filter_choice(0, 1) == 0);

	CHECK(undi_filters_to_disable(UNDI_FILTER_UNICAST,
				      UNDI_FILTER_UNICAST | UNDI_FILTER_BROADCAST) ==
	      UNDI_FILTER_BROADCAST);
	CHECK(undi_filters_to_disable(0x1f, 0x03) == 0);
}

TEST(undi_sent_buffer_list)
{
	struct undi_cdb cdb = { 0 };
	struct undi_db_get_status db = { 0 };
	uint64_t out[4];

	undi_cdb_prepare(&cdb, UNDI_GET_STATUS, UNDI_OPFLAGS_GET_TX_BUFFERS, 0, NULL, 0, &db,
			 sizeof(db));
	db.tx_buffer[0] = 0x1000;
	db.tx_buffer[1] = 0x2000;
	CHECK(undi_sent_buffers(&cdb, &db, out, 4) == 0); /* not run */
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE;
	CHECK(undi_sent_buffers(&cdb, &db, out, 4) == 2);
	CHECK(out[0] == 0x1000 && out[1] == 0x2000);
	CHECK(undi_sent_buffers(&cdb, &db, out, 1) == 1);
	cdb.stat_flags |= UNDI_STATFLAGS_NO_TXBUFS_WRITTEN;
	CHECK(undi_sent_buffers(&cdb, &db, out, 4) == 0);
	/* A data block with room for one address only: the second is not read. */
	cdb.stat_flags = UNDI_STATFLAGS_COMPLETE;
	cdb.db_size = 16;
	CHECK(undi_sent_buffers(&cdb, &db, out, 4) == 1);
	cdb.stat_flags = UNDI_STATFLAGS_FAILED;
	CHECK(undi_sent_buffers(&cdb, &db, out, 4) == 0);
}
