/* What bootnet needs from ACPI's tables, found without the BIOS: the
 * FADT's reset register and PM1 control ports, and the DSDT's \_S5 sleep
 * type for power-off. Parsing is pure (host unit tests check it). */
#ifndef ACPI_TABLES_H
#define ACPI_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct acpi_power {
	bool has_reset;            /* the FADT names a reset register */
	uint8_t reset_space;       /* 0 memory, 1 I/O */
	uint64_t reset_address;
	uint8_t reset_value;
	uint32_t pm1a_cnt, pm1b_cnt;
	bool has_s5;
	uint8_t s5_typ_a, s5_typ_b;
};

/* SLP_TYPa/b from the \_S5 package in a DSDT (its bytes, header
 * included); false when it has none that we can read. */
bool acpi_find_s5(const uint8_t *dsdt, size_t len, uint8_t *typ_a, uint8_t *typ_b);

/* Whether the len bytes at p sum to zero, as every ACPI table's do. */
bool acpi_checksum_ok(const uint8_t *p, size_t len);

#endif
