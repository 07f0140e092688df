/* INT 13h requests decoded and answered without touching the machine:
 * the CHS geometry bootnet reports for a SAN disk, CHS to LBA, EDD disk
 * address packets (AH=42h/43h), the EDD parameter table (AH=48h). Host
 * unit tests check them (tests/unit/test_int13_request.c). */
#ifndef INT13_REQUEST_H
#define INT13_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Status codes in AH (and 0040:0074). */
#define INT13_OK 0x00
#define INT13_BAD_COMMAND 0x01
#define INT13_SECTOR_NOT_FOUND 0x04
#define INT13_CONTROLLER_FAILED 0x20

struct int13_geometry {
	uint32_t cylinders;      /* at most 1024: what CHS calls can reach */
	uint32_t heads;          /* 1..255 */
	uint32_t sectors;        /* per track, 1..63 */
};

/* The usual translation: 255 heads, 63 sectors, as many cylinders as fit
 * (at most 1024); smaller disks get fewer heads so they still have one. */
void int13_geometry(uint64_t blocks, struct int13_geometry *g);

/* AH=08h's CX and DH for g: CH cylinder bits 0-7, CL bits 6-7 cylinder
 * bits 8-9 and bits 0-5 the sectors, DH the last head. */
void int13_chs_params(const struct int13_geometry *g, uint16_t *cx, uint8_t *dh);

/* The LBA of CX/DH (as AH=02h/03h take them); false when sector is 0 or
 * the head or sector lies outside g. */
bool int13_chs_to_lba(const struct int13_geometry *g, uint16_t cx, uint8_t dh, uint64_t *lba);

/* An EDD disk address packet (DS:SI of AH=42h/43h), len bytes readable. */
struct int13_dap {
	uint8_t size;
	uint16_t count;          /* blocks */
	uint64_t lba;
	uint64_t buffer;         /* linear address of the data */
};
/* Decodes it; false with why set when the packet is malformed (size below
 * 16, a 64-bit buffer address without the 24-byte form). */
bool int13_dap_parse(const uint8_t *p, size_t len, struct int13_dap *dap, const char **why);

/* Fills the AH=48h result buffer (buf, whose first word the caller set to
 * its size; avail bytes writable): 26 bytes (1.x), 30 (2.x, no DPTE).
 * Returns the size written, 0 when the buffer is below 26 bytes. */
size_t int13_edd_params(uint8_t *buf, size_t avail, const struct int13_geometry *g,
			uint64_t blocks, uint16_t block_size);

#endif
