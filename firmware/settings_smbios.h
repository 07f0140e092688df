/* Reading the machine's identity from its SMBIOS structure table. Pure
 * parsing: the table comes from platform_smbios(). */
#ifndef SETTINGS_SMBIOS_H
#define SETTINGS_SMBIOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct smbios_identity {
	char manufacturer[64], product[64], serial[64]; /* type 1 */
	char asset[64];                                  /* type 3 asset tag */
	bool has_uuid;
	uint8_t uuid[16];    /* in the order people write it (as dmidecode) */
	uint32_t memsize_mb; /* type 19 ranges added up; 0 when unknown */
};

/* Parses table (len bytes) of SMBIOS version (major << 8 | minor) into id;
 * what the table lacks stays empty. Never reads past len. */
void settings_smbios_parse(const uint8_t *table, size_t len, unsigned version,
			   struct smbios_identity *id);

#endif
