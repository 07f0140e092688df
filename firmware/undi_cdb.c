/* UNDI command blocks: building them, reading how they ended, and saying
 * it in words. See undi_cdb.h. */
#include <stdio.h>
#include <string.h>
#include "undi_cdb.h"

void undi_cdb_prepare(struct undi_cdb *cdb, uint16_t opcode, uint16_t opflags, uint16_t if_num,
		      const void *cpb, size_t cpb_size, void *db, size_t db_size)
{
	memset(cdb, 0, sizeof(*cdb)); /* StatCode/StatFlags 0: "not yet run" */
	cdb->opcode = opcode;
	cdb->opflags = opflags;
	cdb->if_num = if_num;
	if (cpb) {
		cdb->cpb_addr = (uint64_t)(uintptr_t)cpb;
		cdb->cpb_size = (uint16_t)cpb_size;
	}
	if (db) {
		cdb->db_addr = (uint64_t)(uintptr_t)db;
		cdb->db_size = (uint16_t)db_size;
	}
}

enum undi_outcome undi_cdb_outcome(const struct undi_cdb *cdb)
{
	switch (cdb->stat_flags & UNDI_STATFLAGS_STATUS_MASK) {
	case UNDI_STATFLAGS_COMPLETE:
		/* Some UNDIs mark an error only in StatCode. */
		return cdb->stat_code == UNDI_STAT_SUCCESS ? UNDI_DONE : UNDI_FAILED;
	case UNDI_STATFLAGS_FAILED:
		return UNDI_FAILED;
	default:
		return UNDI_PENDING;
	}
}

static const char *const opcode_names[] = {
	"GET_STATE", "START", "STOP", "GET_INIT_INFO", "GET_CONFIG_INFO", "INITIALIZE",
	"RESET", "SHUTDOWN", "INTERRUPT_ENABLES", "RECEIVE_FILTERS", "STATION_ADDRESS",
	"STATISTICS", "MCAST_IP_TO_MAC", "NVDATA", "GET_STATUS", "FILL_HEADER", "TRANSMIT",
	"RECEIVE",
};

const char *undi_opcode_name(uint16_t opcode)
{
	static char other[20];
	if (opcode < sizeof(opcode_names) / sizeof(opcode_names[0]))
		return opcode_names[opcode];
	snprintf(other, sizeof(other), "opcode 0x%04x", opcode);
	return other;
}

static const char *const stat_texts[] = {
	"success", "invalid command block", "invalid parameter block", "busy",
	"command queue full", "already started", "not started", "not shut down",
	"already initialized", "not initialized", "device failure",
	"non-volatile data failure", "unsupported", "buffer full", "invalid parameter",
	"invalid UNDI", "IPv4 not supported", "IPv6 not supported", "not enough memory",
	"no data",
};

const char *undi_stat_text(uint16_t stat_code)
{
	if (stat_code < sizeof(stat_texts) / sizeof(stat_texts[0]))
		return stat_texts[stat_code];
	return NULL;
}

int undi_cdb_error(char *buf, size_t size, const struct undi_cdb *cdb)
{
	const char *op = undi_opcode_name(cdb->opcode);
	const char *text;

	if (undi_cdb_outcome(cdb) == UNDI_PENDING)
		return snprintf(buf, size, "UNDI %s did not complete (StatFlags 0x%04x)", op,
				cdb->stat_flags);
	text = undi_stat_text(cdb->stat_code);
	if (cdb->stat_code == UNDI_STAT_SUCCESS)
		text = "failed without a reason"; /* FAILED flag, success code */
	if (!text)
		text = "unknown status";
	return snprintf(buf, size, "UNDI %s failed: %s (StatCode 0x%04x)", op, text,
			cdb->stat_code);
}

enum undi_state undi_cdb_state(const struct undi_cdb *cdb)
{
	unsigned s = cdb->stat_flags & UNDI_STATFLAGS_STATE_MASK;
	return s == 2 ? UNDI_INITIALIZED : s == 1 ? UNDI_STARTED : UNDI_STOPPED;
}

const char *undi_state_name(enum undi_state state)
{
	return state == UNDI_INITIALIZED ? "initialized" : state == UNDI_STARTED ? "started" :
									   "stopped";
}

const char *undi_pxe_check(const void *pxe, size_t avail)
{
	const uint8_t *b = pxe;
	struct undi_pxe p;
	uint8_t sum = 0;

	if (!pxe)
		return "no !PXE structure";
	if (avail < 16 || memcmp(b, "!PXE", 4) != 0)
		return "no !PXE signature";
	if (b[4] > avail)
		return "!PXE structure longer than its memory";
	for (unsigned i = 0; i < b[4]; i++)
		sum += b[i];
	if (sum != 0)
		return "bad !PXE checksum";
	memcpy(&p, b, 16); /* the header is common to hardware and software UNDIs */
	if (p.implementation & UNDI_IMP_HW_UNDI)
		return "hardware UNDI (not supported)";
	if (p.len < offsetof(struct undi_pxe, bus_type) || avail < sizeof(p))
		return "!PXE structure too short for a software UNDI";
	if (p.major != 3 || p.minor < 1)
		return "UNDI command interface older than 3.1";
	memcpy(&p, b, sizeof(p));
	if (!p.entry_point)
		return "no UNDI entry point";
	return NULL;
}

uint64_t undi_entry_address(const struct undi_pxe *pxe, uint64_t pxe_addr)
{
	uint64_t entry;
	uint32_t imp;
	memcpy(&entry, &pxe->entry_point, sizeof(entry));
	memcpy(&imp, &pxe->implementation, sizeof(imp));
	/* Without SW_VIRT_ADDR the entry point is relative to the !PXE structure. */
	return (imp & UNDI_IMP_SW_VIRT_ADDR) ? entry : pxe_addr + entry;
}

uint16_t undi_filter_choice(uint32_t implementation, unsigned n)
{
	uint16_t base = UNDI_FILTER_UNICAST;
	uint16_t choices[3];
	unsigned count = 0;

	/* Broadcast is needed for DHCP and ARP; without it only promiscuous helps. */
	if (implementation & UNDI_IMP_BROADCAST_RX) {
		base |= UNDI_FILTER_BROADCAST;
		choices[count++] = base;
		if (implementation & UNDI_IMP_PROMISCUOUS_MULTICAST_RX)
			choices[count++] = base | UNDI_FILTER_ALL_MULTICAST;
	}
	if (implementation & UNDI_IMP_PROMISCUOUS_RX)
		choices[count++] = UNDI_FILTER_PROMISCUOUS;
	if (!count)
		choices[count++] = base; /* flags not filled in: try the minimum anyway */
	return n < count ? choices[n] : 0;
}

uint16_t undi_filters_to_disable(uint16_t found, uint16_t now)
{
	return (uint16_t)(now & ~found & UNDI_STATFLAGS_FILTER_MASK);
}

size_t undi_sent_buffers(const struct undi_cdb *cdb, const struct undi_db_get_status *db,
			 uint64_t *out, size_t max)
{
	size_t n = 0, slots;

	if (undi_cdb_outcome(cdb) != UNDI_DONE ||
	    (cdb->stat_flags & UNDI_STATFLAGS_NO_TXBUFS_WRITTEN))
		return 0;
	/* Only the slots inside the data block the UNDI was given. */
	slots = cdb->db_size > offsetof(struct undi_db_get_status, tx_buffer) ?
		(cdb->db_size - offsetof(struct undi_db_get_status, tx_buffer)) / 8 : 0;
	if (slots > UNDI_MAX_TX_BUFFERS)
		slots = UNDI_MAX_TX_BUFFERS;
	for (size_t i = 0; i < slots && n < max; i++) {
		uint64_t addr;
		memcpy(&addr, &db->tx_buffer[i], sizeof(addr));
		if (!addr)
			break; /* the list ends at the first empty slot */
		out[n++] = addr;
	}
	return n;
}
