/* The iBFT for a SAN disk on BIOS: the values (settings, the netdev, the
 * disk) gathered for firmware/ibft.c. */
#ifndef BIOS_IBFT_H
#define BIOS_IBFT_H

#include <stddef.h>
#include <stdint.h>

struct san_disk;

/* Builds the table for disk into buf; its length, 0 when it did not fit. */
size_t bios_ibft_build(const struct san_disk *disk, uint8_t *buf, size_t size);

#endif
