/* SCSI block commands and their errors (see scsi.h). */
#include <stdio.h>
#include <string.h>
#include "scsi.h"

static void put_be(uint8_t *p, uint64_t v, unsigned bytes)
{
	while (bytes--) {
		p[bytes] = (uint8_t)v;
		v >>= 8;
	}
}

static uint64_t get_be(const uint8_t *p, unsigned bytes)
{
	uint64_t v = 0;
	while (bytes--)
		v = v << 8 | *p++;
	return v;
}

void scsi_cdb_read_capacity10(uint8_t *cdb)
{
	memset(cdb, 0, SCSI_CDB_LEN);
	cdb[0] = 0x25;
}

void scsi_cdb_read_capacity16(uint8_t *cdb, uint32_t alloc_len)
{
	memset(cdb, 0, SCSI_CDB_LEN);
	cdb[0] = 0x9e; /* SERVICE ACTION IN (16) */
	cdb[1] = 0x10; /* READ CAPACITY (16) */
	put_be(cdb + 10, alloc_len, 4);
}

void scsi_cdb_rw(uint8_t *cdb, bool write, uint64_t lba, uint32_t count)
{
	memset(cdb, 0, SCSI_CDB_LEN);
	if (lba + count <= 0xffffffffull && count <= 0xffff) {
		cdb[0] = write ? 0x2a : 0x28;
		put_be(cdb + 2, lba, 4);
		put_be(cdb + 7, count, 2);
	} else {
		cdb[0] = write ? 0x8a : 0x88;
		put_be(cdb + 2, lba, 8);
		put_be(cdb + 10, count, 4);
	}
}

bool scsi_parse_capacity10(const uint8_t *data, size_t len, uint64_t *blocks,
			   uint32_t *block_size)
{
	if (len < SCSI_READ_CAPACITY10_LEN)
		return false;
	*blocks = get_be(data, 4) + 1;
	*block_size = (uint32_t)get_be(data + 4, 4);
	return *block_size != 0;
}

bool scsi_parse_capacity16(const uint8_t *data, size_t len, uint64_t *blocks,
			   uint32_t *block_size)
{
	uint64_t last;
	if (len < 12)
		return false;
	last = get_be(data, 8);
	if (last == UINT64_MAX)
		return false;
	*blocks = last + 1;
	*block_size = (uint32_t)get_be(data + 8, 4);
	return *block_size != 0;
}

static const char *status_name(uint8_t status)
{
	switch (status) {
	case 0x00: return "GOOD";
	case 0x02: return "CHECK CONDITION";
	case 0x04: return "CONDITION MET";
	case 0x08: return "BUSY (the target is busy; try again)";
	case 0x18: return "RESERVATION CONFLICT (another initiator holds the disk)";
	case 0x28: return "TASK SET FULL (the target is overloaded)";
	case 0x30: return "ACA ACTIVE";
	case 0x40: return "TASK ABORTED";
	default: return NULL;
	}
}

static const char *sense_key_name(unsigned key)
{
	static const char *const names[16] = {
		"NO SENSE", "RECOVERED ERROR", "NOT READY", "MEDIUM ERROR",
		"HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT",
		"BLANK CHECK", "VENDOR SPECIFIC", "COPY ABORTED", "ABORTED COMMAND",
		"RESERVED", "VOLUME OVERFLOW", "MISCOMPARE", "COMPLETED",
	};
	return names[key & 15];
}

/* The additional sense codes a SAN disk is likely to report. */
static const char *asc_name(unsigned asc, unsigned ascq)
{
	static const struct { uint8_t asc, ascq; const char *text; } codes[] = {
		{ 0x04, 0x00, "logical unit not ready" },
		{ 0x04, 0x01, "logical unit becoming ready" },
		{ 0x11, 0x00, "unrecovered read error" },
		{ 0x20, 0x00, "invalid command operation code" },
		{ 0x21, 0x00, "logical block address out of range" },
		{ 0x24, 0x00, "invalid field in CDB" },
		{ 0x25, 0x00, "logical unit not supported (no such LUN)" },
		{ 0x27, 0x00, "write protected" },
		{ 0x28, 0x00, "medium may have changed" },
		{ 0x29, 0x00, "power on, reset, or bus device reset occurred" },
		{ 0x2a, 0x01, "mode parameters changed" },
		{ 0x3a, 0x00, "medium not present" },
		{ 0x3f, 0x0e, "reported LUNs data has changed" },
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i].asc == asc && codes[i].ascq == ascq)
			return codes[i].text;
	return NULL;
}

int scsi_sense_key(const uint8_t *sense, size_t sense_len)
{
	unsigned code = sense_len ? sense[0] & 0x7f : 0;
	if ((code == 0x70 || code == 0x71) && sense_len >= 3)
		return sense[2] & 15;
	if ((code == 0x72 || code == 0x73) && sense_len >= 2)
		return sense[1] & 15;
	return -1;
}

void scsi_describe_status(uint8_t status, const uint8_t *sense, size_t sense_len, char *out,
			  size_t size)
{
	const char *name = status_name(status);
	unsigned code, key, asc, ascq;
	int n;

	if (name)
		n = snprintf(out, size, "%s", name);
	else
		n = snprintf(out, size, "SCSI status 0x%02x", status);
	if (status != SCSI_STATUS_CHECK_CONDITION || n < 0 || (size_t)n >= size)
		return;
	if (sense_len < 2) {
		snprintf(out + n, size - (size_t)n, " without sense data");
		return;
	}
	code = sense[0] & 0x7f;
	if ((code == 0x70 || code == 0x71) && sense_len >= 14) {
		key = sense[2] & 15;
		asc = sense[12];
		ascq = sense[13];
	} else if ((code == 0x72 || code == 0x73) && sense_len >= 4) {
		key = sense[1] & 15;
		asc = sense[2];
		ascq = sense[3];
	} else {
		snprintf(out + n, size - (size_t)n, " with sense data we cannot read (code 0x%02x)",
			 code);
		return;
	}
	const char *what = asc_name(asc, ascq);
	snprintf(out + n, size - (size_t)n, ": %s%s%s (sense key 0x%x, ASC/ASCQ 0x%02x/0x%02x)",
		 sense_key_name(key), what ? ", " : "", what ? what : "", key, asc, ascq);
}
