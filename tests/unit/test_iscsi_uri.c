/* iSCSI root paths as iPXE writes them, and SCSI CDBs and sense text. */
#include <string.h>
#include "../../net/iscsi_uri.h"
#include "../../net/scsi.h"
#include "test.h"

TEST(iscsi_uri_fields_and_defaults)
{
	struct iscsi_uri u;
	char why[128];
	CHECK(iscsi_uri_parse("iscsi:10.77.0.1::::iqn.2026-11.lab:disk", &u, why, sizeof(why)));
	CHECK_STR(u.server, "10.77.0.1");
	static const uint8_t lun0[8] = { 0 };
	CHECK(u.port == 3260 && memcmp(u.lun, lun0, 8) == 0);
	CHECK_STR(u.target, "iqn.2026-11.lab:disk");
	CHECK(iscsi_uri_parse("iscsi:san.example:6:3261:2:iqn.x:y:z", &u, why, sizeof(why)));
	CHECK_STR(u.server, "san.example");
	CHECK(u.port == 3261 && u.lun[0] == 0 && u.lun[1] == 2);
	CHECK_STR(u.target, "iqn.x:y:z");
	CHECK(iscsi_uri_parse("iscsi:[fe80::1]::::t", &u, why, sizeof(why)));
	CHECK_STR(u.server, "fe80::1");
}

/* RFC 4173 LUNs are hex, up to four 16-bit groups, as iPXE reads them. */
TEST(iscsi_uri_lun_is_hex_groups)
{
	struct iscsi_uri u;
	char why[160];
	static const uint8_t lun16[8] = { 0x00, 0x10 };
	CHECK(iscsi_uri_parse("iscsi:h:::10:t", &u, why, sizeof(why)));
	CHECK(memcmp(u.lun, lun16, 8) == 0);
	static const uint8_t zero[8] = { 0 };
	CHECK(iscsi_uri_parse("iscsi:h:::0-0-0-0:t", &u, why, sizeof(why)));
	CHECK(memcmp(u.lun, zero, 8) == 0);
	static const uint8_t groups[8] = { 0x40, 0x1f, 0x00, 0x02, 0xab, 0xcd, 0x00, 0x01 };
	CHECK(iscsi_uri_parse("iscsi:h:::401F-2-abcd-1:t", &u, why, sizeof(why)));
	CHECK(memcmp(u.lun, groups, 8) == 0);
	static const uint8_t two[8] = { 0x00, 0x01, 0x00, 0x02 };
	CHECK(iscsi_uri_parse("iscsi:h:::1-2:t", &u, why, sizeof(why)));
	CHECK(memcmp(u.lun, two, 8) == 0);
	static const char *bad[] = { "iscsi:h:::g:t", "iscsi:h:::12345:t", "iscsi:h:::1-:t",
				     "iscsi:h:::-1:t", "iscsi:h:::1--2:t", "iscsi:h:::1-2-3-4-5:t",
				     "iscsi:h:::0x10:t", "iscsi:h::: 1:t" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why[0] = '\0';
		CHECK(!iscsi_uri_parse(bad[i], &u, why, sizeof(why)));
		CHECK_CONTAINS(why, "is not a LUN (hexadecimal");
	}
}

TEST(iscsi_uri_refusals)
{
	struct iscsi_uri u;
	char why[128];
	CHECK(!iscsi_uri_parse("http://x/", &u, why, sizeof(why)));
	CHECK(!iscsi_uri_parse("iscsi:10.0.0.1::::", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "no target name");
	CHECK(!iscsi_uri_parse("iscsi:10.0.0.1:::iqn", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "expected iscsi:");
	CHECK(!iscsi_uri_parse("iscsi:::::t", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "no server");
	CHECK(!iscsi_uri_parse("iscsi:h:17:::t", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "not 6 (TCP)");
	CHECK(!iscsi_uri_parse("iscsi:h::70000::t", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "port");
	CHECK(!iscsi_uri_parse("iscsi:h:::-1:t", &u, why, sizeof(why)));
	CHECK_CONTAINS(why, "LUN");
	CHECK(!iscsi_uri_parse("iscsi:[fe80::1::::t", &u, why, sizeof(why)));
	CHECK(!iscsi_uri_parse("iscsi:[a]b::::t", &u, why, sizeof(why)));
}

TEST(scsi_cdbs)
{
	uint8_t cdb[SCSI_CDB_LEN];
	scsi_cdb_rw(cdb, false, 0x01020304, 0x10);
	CHECK(cdb[0] == 0x28 && cdb[2] == 1 && cdb[5] == 4 && cdb[7] == 0 && cdb[8] == 0x10);
	scsi_cdb_rw(cdb, true, 0x100000000ull, 1);
	CHECK(cdb[0] == 0x8a && cdb[5] == 1 && cdb[9] == 0 && cdb[13] == 1);
	scsi_cdb_rw(cdb, false, 0, 0x10000);                /* count too big for (10) */
	CHECK(cdb[0] == 0x88 && cdb[11] == 1);
	scsi_cdb_read_capacity16(cdb, 32);
	CHECK(cdb[0] == 0x9e && cdb[1] == 0x10 && cdb[13] == 32);

	static const uint8_t cap16[32] = { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x10, 0 };
	uint64_t blocks;
	uint32_t bs;
	CHECK(scsi_parse_capacity16(cap16, sizeof(cap16), &blocks, &bs));
	CHECK(blocks == 0x100000001ull && bs == 4096);
	CHECK(!scsi_parse_capacity16(cap16, 8, &blocks, &bs));
	static const uint8_t zero_bs[8] = { 0, 0, 1, 0, 0, 0, 0, 0 };
	CHECK(!scsi_parse_capacity10(zero_bs, 8, &blocks, &bs));
}

TEST(scsi_status_messages)
{
	char text[160];
	static const uint8_t not_ready[18] = { 0x70, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x3a };
	scsi_describe_status(2, not_ready, sizeof(not_ready), text, sizeof(text));
	CHECK_STR(text, "CHECK CONDITION: NOT READY, medium not present (sense key 0x2, "
			"ASC/ASCQ 0x3a/0x00)");
	static const uint8_t descriptor[8] = { 0x72, 0x06, 0x29, 0x00 };
	scsi_describe_status(2, descriptor, sizeof(descriptor), text, sizeof(text));
	CHECK_CONTAINS(text, "UNIT ATTENTION, power on");
	CHECK(scsi_sense_key(descriptor, sizeof(descriptor)) == SCSI_SENSE_UNIT_ATTENTION);
	CHECK(scsi_sense_key(not_ready, sizeof(not_ready)) == 2);
	CHECK(scsi_sense_key(not_ready, 2) == -1);
	static const uint8_t unknown[18] = { 0x70, 0, 0x03, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x99, 1 };
	scsi_describe_status(2, unknown, sizeof(unknown), text, sizeof(text));
	CHECK_STR(text, "CHECK CONDITION: MEDIUM ERROR (sense key 0x3, ASC/ASCQ 0x99/0x01)");
	scsi_describe_status(2, NULL, 0, text, sizeof(text));
	CHECK_STR(text, "CHECK CONDITION without sense data");
	static const uint8_t junk[3] = { 0x12, 0, 0 };
	scsi_describe_status(2, junk, sizeof(junk), text, sizeof(text));
	CHECK_CONTAINS(text, "cannot read");
	scsi_describe_status(0x18, NULL, 0, text, sizeof(text));
	CHECK_CONTAINS(text, "RESERVATION CONFLICT");
	scsi_describe_status(0x77, NULL, 0, text, sizeof(text));
	CHECK_STR(text, "SCSI status 0x77");
}
