/* SCSI block commands (SBC-3) as a SAN disk needs them: the CDBs of READ
 * CAPACITY, READ and WRITE, their answers, and status and sense data
 * turned into words a user can act on. Pure: host-tested. */
#ifndef NET_SCSI_H
#define NET_SCSI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCSI_CDB_LEN 16
#define SCSI_STATUS_GOOD 0x00
#define SCSI_STATUS_CHECK_CONDITION 0x02
#define SCSI_READ_CAPACITY10_LEN 8
#define SCSI_READ_CAPACITY16_LEN 32

void scsi_cdb_read_capacity10(uint8_t *cdb);
void scsi_cdb_read_capacity16(uint8_t *cdb, uint32_t alloc_len);
/* READ/WRITE (10) when lba and count fit, else (16). */
void scsi_cdb_rw(uint8_t *cdb, bool write, uint64_t lba, uint32_t count);

/* READ CAPACITY answers: the number of blocks (last LBA + 1) and the block
 * size. false when the answer is too short or the block size is 0. For
 * (10), a last LBA of 0xffffffff means "ask with (16)". */
bool scsi_parse_capacity10(const uint8_t *data, size_t len, uint64_t *blocks,
			   uint32_t *block_size);
bool scsi_parse_capacity16(const uint8_t *data, size_t len, uint64_t *blocks,
			   uint32_t *block_size);

/* The sense key (0..15) of fixed or descriptor sense data; -1 if unreadable. */
int scsi_sense_key(const uint8_t *sense, size_t sense_len);
#define SCSI_SENSE_UNIT_ATTENTION 0x6

/* "CHECK CONDITION: NOT READY, medium not present (sense key 0x2,
 * ASC/ASCQ 0x3a/0x00)" from a status and its sense data (fixed or
 * descriptor format; len 0 when there is none). */
void scsi_describe_status(uint8_t status, const uint8_t *sense, size_t sense_len, char *out,
			  size_t size);

#endif
