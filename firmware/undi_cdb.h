/* The 32/64-bit UNDI command interface (UEFI spec, appendix E): the !PXE
 * structure a NII 3.1 points to, the command descriptor block (CDB) and
 * the parameter/data blocks of the commands bootnet issues, and their
 * status in words. No firmware calls here: efi/efi_nii.c issues the
 * commands; this part is checked by host unit tests.
 * Every UNDI structure is byte-packed, as the spec declares them. */
#ifndef UNDI_CDB_H
#define UNDI_CDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UNDI_PACKED __attribute__((packed))

/* Opcodes. */
enum {
	UNDI_GET_STATE = 0x00, UNDI_START = 0x01, UNDI_STOP = 0x02, UNDI_GET_INIT_INFO = 0x03,
	UNDI_GET_CONFIG_INFO = 0x04, UNDI_INITIALIZE = 0x05, UNDI_RESET = 0x06,
	UNDI_SHUTDOWN = 0x07, UNDI_INTERRUPT_ENABLES = 0x08, UNDI_RECEIVE_FILTERS = 0x09,
	UNDI_STATION_ADDRESS = 0x0a, UNDI_STATISTICS = 0x0b, UNDI_MCAST_IP_TO_MAC = 0x0c,
	UNDI_NVDATA = 0x0d, UNDI_GET_STATUS = 0x0e, UNDI_FILL_HEADER = 0x0f,
	UNDI_TRANSMIT = 0x10, UNDI_RECEIVE = 0x11,
};

/* StatFlags: how the command ended (the top two bits), then per command. */
#define UNDI_STATFLAGS_STATUS_MASK      0xc000
#define UNDI_STATFLAGS_COMPLETE         0xc000
#define UNDI_STATFLAGS_FAILED           0x8000
#define UNDI_STATFLAGS_QUEUED           0x4000
#define UNDI_STATFLAGS_STATE_MASK       0x0003 /* GET_STATE */
#define UNDI_STATFLAGS_INIT_NO_MEDIA    0x0001 /* INITIALIZE */
#define UNDI_STATFLAGS_FILTER_MASK      0x001f /* RECEIVE_FILTERS: the filters on */
#define UNDI_STATFLAGS_TXBUF_QUEUE_EMPTY 0x0010 /* GET_STATUS */
#define UNDI_STATFLAGS_NO_TXBUFS_WRITTEN 0x0020
#define UNDI_STATFLAGS_NO_MEDIA         0x0040
#define UNDI_STATFLAGS_NO_MEDIA_SUPPORTED 0x0002 /* GET_INIT_INFO */

/* StatCodes. */
enum {
	UNDI_STAT_SUCCESS = 0x00, UNDI_STAT_INVALID_CDB = 0x01, UNDI_STAT_INVALID_CPB = 0x02,
	UNDI_STAT_BUSY = 0x03, UNDI_STAT_QUEUE_FULL = 0x04, UNDI_STAT_ALREADY_STARTED = 0x05,
	UNDI_STAT_NOT_STARTED = 0x06, UNDI_STAT_NOT_SHUTDOWN = 0x07,
	UNDI_STAT_ALREADY_INITIALIZED = 0x08, UNDI_STAT_NOT_INITIALIZED = 0x09,
	UNDI_STAT_DEVICE_FAILURE = 0x0a, UNDI_STAT_NVDATA_FAILURE = 0x0b,
	UNDI_STAT_UNSUPPORTED = 0x0c, UNDI_STAT_BUFFER_FULL = 0x0d,
	UNDI_STAT_INVALID_PARAMETER = 0x0e, UNDI_STAT_INVALID_UNDI = 0x0f,
	UNDI_STAT_IPV4_NOT_SUPPORTED = 0x10, UNDI_STAT_IPV6_NOT_SUPPORTED = 0x11,
	UNDI_STAT_NOT_ENOUGH_MEMORY = 0x12, UNDI_STAT_NO_DATA = 0x13,
};

/* OpFlags. */
#define UNDI_OPFLAGS_FILTER_ENABLE      0x8000
#define UNDI_OPFLAGS_FILTER_DISABLE     0x4000
#define UNDI_OPFLAGS_FILTER_READ        0x0000
#define UNDI_OPFLAGS_GET_INTERRUPTS     0x0001 /* GET_STATUS */
#define UNDI_OPFLAGS_GET_TX_BUFFERS     0x0002
#define UNDI_OPFLAGS_GET_MEDIA_STATUS   0x0004
#define UNDI_OPFLAGS_TX_DONT_BLOCK      0x0000 /* TRANSMIT, whole frame */
#define UNDI_OPFLAGS_INIT_DETECT_CABLE  0x0000

/* Receive filters (OpFlags of RECEIVE_FILTERS; the same bits in StatFlags). */
#define UNDI_FILTER_UNICAST             0x0001
#define UNDI_FILTER_BROADCAST           0x0002
#define UNDI_FILTER_FILTERED_MULTICAST  0x0004
#define UNDI_FILTER_PROMISCUOUS         0x0008
#define UNDI_FILTER_ALL_MULTICAST       0x0010

/* Operational states (GET_STATE). */
enum undi_state { UNDI_STOPPED = 0, UNDI_STARTED = 1, UNDI_INITIALIZED = 2 };

/* Implementation flags of the !PXE structure. */
#define UNDI_IMP_HW_UNDI                0x80000000u
#define UNDI_IMP_SW_VIRT_ADDR           0x40000000u
#define UNDI_IMP_64BIT_DEVICE           0x00010000u
#define UNDI_IMP_PROMISCUOUS_MULTICAST_RX 0x00000080u
#define UNDI_IMP_PROMISCUOUS_RX         0x00000040u
#define UNDI_IMP_BROADCAST_RX           0x00000020u

/* Map_Mem directions. */
enum { UNDI_TO_AND_FROM_DEVICE = 0, UNDI_FROM_DEVICE = 1, UNDI_TO_DEVICE = 2 };
/* Mem_IO operations. */
enum { UNDI_IO_READ = 0, UNDI_IO_WRITE = 1, UNDI_MEM_READ = 2, UNDI_MEM_WRITE = 4 };

#define UNDI_MAC_LENGTH 32
#define UNDI_MAX_TX_BUFFERS 32

/* The !PXE structure of a software UNDI (16-byte aligned). */
struct undi_pxe {
	uint32_t signature;             /* "!PXE" */
	uint8_t len;                    /* bytes to checksum */
	uint8_t fudge;                  /* makes the 8-bit sum zero */
	uint8_t rev;
	uint8_t if_count;               /* physical connectors, minus one */
	uint8_t major, minor;           /* UNDI command interface: 3.1 */
	uint16_t reserved1;
	uint32_t implementation;
	uint64_t entry_point;           /* address, or offset from this structure */
	uint8_t reserved2[3];
	uint8_t bus_count;
	uint32_t bus_type[1];
} UNDI_PACKED;

struct undi_cdb {
	uint16_t opcode, opflags, cpb_size, db_size;
	uint64_t cpb_addr, db_addr;
	uint16_t stat_code, stat_flags, if_num, control;
} UNDI_PACKED;

/* START's parameters in UNDI 3.1: addresses of the callbacks, and what
 * they get back as their first argument. */
struct undi_cpb_start {
	uint64_t delay, block, virt2phys, mem_io, map_mem, unmap_mem, sync_mem, unique_id;
} UNDI_PACKED;

struct undi_db_get_init_info {
	uint32_t memory_required;       /* bytes INITIALIZE must be given */
	uint32_t frame_data_len;
	uint32_t link_speeds[4];
	uint32_t nv_count;
	uint16_t nv_width, media_header_len, hw_addr_len, mcast_filter_count;
	uint16_t tx_buf_count, tx_buf_size, rx_buf_count, rx_buf_size;
	uint8_t if_type, duplex, loopback;
} UNDI_PACKED;

struct undi_cpb_initialize {
	uint64_t memory_addr;
	uint32_t memory_length;
	uint32_t link_speed;            /* 0: auto */
	uint16_t tx_buf_count, tx_buf_size, rx_buf_count, rx_buf_size; /* 0: UNDI's choice */
	uint8_t duplex, loopback;
} UNDI_PACKED;

struct undi_db_initialize {
	uint32_t memory_used;
	uint16_t tx_buf_count, tx_buf_size, rx_buf_count, rx_buf_size;
} UNDI_PACKED;

struct undi_db_station_address {
	uint8_t station[UNDI_MAC_LENGTH], broadcast[UNDI_MAC_LENGTH], permanent[UNDI_MAC_LENGTH];
} UNDI_PACKED;

struct undi_db_get_status {
	uint32_t rx_frame_len;
	uint32_t reserved;
	uint64_t tx_buffer[UNDI_MAX_TX_BUFFERS]; /* frames sent, to be reused */
} UNDI_PACKED;

struct undi_cpb_transmit {
	uint64_t frame_addr;
	uint32_t data_len;
	uint16_t media_header_len;
	uint16_t reserved;
} UNDI_PACKED;

struct undi_cpb_receive {
	uint64_t buffer_addr;
	uint32_t buffer_len;
	uint32_t reserved;
} UNDI_PACKED;

struct undi_db_receive {
	uint8_t src[UNDI_MAC_LENGTH], dest[UNDI_MAC_LENGTH];
	uint32_t frame_len;             /* may exceed the buffer: then data was lost */
	uint16_t protocol, media_header_len;
	uint8_t type;
	uint8_t reserved[7];
} UNDI_PACKED;

/* Fills cdb for one command on interface if_num; cpb/db may be NULL. */
void undi_cdb_prepare(struct undi_cdb *cdb, uint16_t opcode, uint16_t opflags, uint16_t if_num,
		      const void *cpb, size_t cpb_size, void *db, size_t db_size);

enum undi_outcome { UNDI_DONE, UNDI_FAILED, UNDI_PENDING };
/* How the command ended: a CDB still "initialize" or "queued" is pending. */
enum undi_outcome undi_cdb_outcome(const struct undi_cdb *cdb);

/* "INITIALIZE", "GET_STATUS"...; "opcode 0x0042" for others (static buffer). */
const char *undi_opcode_name(uint16_t opcode);
/* "not started", "device failure"...; NULL for a code the spec does not define. */
const char *undi_stat_text(uint16_t stat_code);
/* "UNDI INITIALIZE failed: not started (StatCode 0x0006)" for a failed
 * command, "UNDI ... did not complete (StatFlags 0x4000)" for one left
 * pending; returns what snprintf returns. */
int undi_cdb_error(char *buf, size_t size, const struct undi_cdb *cdb);

/* The state GET_STATE reported. */
enum undi_state undi_cdb_state(const struct undi_cdb *cdb);
const char *undi_state_name(enum undi_state state);

/* NULL if the !PXE structure at pxe (avail readable bytes) describes a
 * software UNDI with the 3.1 command interface bootnet can call; else why
 * not, in words ("bad checksum", "hardware UNDI (not supported)"...). */
const char *undi_pxe_check(const void *pxe, size_t avail);
/* Where to call the UNDI, given the !PXE structure's own address. */
uint64_t undi_entry_address(const struct undi_pxe *pxe, uint64_t pxe_addr);

/* The receive filters to try, narrowest first, given the !PXE
 * implementation flags: choice number n (from 0), 0 when none is left. */
uint16_t undi_filter_choice(uint32_t implementation, unsigned n);
/* Which of the filters on now (now) to disable so that only found stay. */
uint16_t undi_filters_to_disable(uint16_t found, uint16_t now);

/* The frame addresses GET_STATUS returned as sent: copies up to max into
 * out and returns how many. */
size_t undi_sent_buffers(const struct undi_cdb *cdb, const struct undi_db_get_status *db,
			 uint64_t *out, size_t max);

#endif
