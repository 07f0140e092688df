/* SMBIOS structures (DMTF DSP0134): each is a formatted area (type,
 * length, handle, fields) followed by its strings, ending in two NULs.
 * Fields name strings by number, 1 for the first. */
#include <string.h>
#include "settings_smbios.h"
#include "byteorder.h"

#define TYPE_SYSTEM 1
#define TYPE_ENCLOSURE 3
#define TYPE_MEMORY_ARRAY_MAPPED 19
#define TYPE_END 127

/* Copies string number index of the structure into out ("" for 0 or
 * missing); strings run from start to end. */
static void copy_string(const uint8_t *start, const uint8_t *end, unsigned index, char *out,
			size_t size)
{
	const uint8_t *p = start;
	out[0] = '\0';
	if (index == 0)
		return;
	for (unsigned i = 1; p < end && *p; i++) {
		const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
		if (!nul)
			return;
		if (i == index) {
			size_t n = (size_t)(nul - p);
			if (n >= size)
				n = size - 1;
			memcpy(out, p, n);
			out[n] = '\0';
			/* Trailing blanks pad many vendors' fields. */
			while (n && out[n - 1] == ' ')
				out[--n] = '\0';
			return;
		}
		p = nul + 1;
	}
}

static void parse_system(const uint8_t *s, uint8_t len, const uint8_t *strings,
			 const uint8_t *end, unsigned version, struct smbios_identity *id)
{
	static const uint8_t all_ff[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
					    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t all_00[16];
	if (len > 0x04)
		copy_string(strings, end, s[0x04], id->manufacturer, sizeof(id->manufacturer));
	if (len > 0x05)
		copy_string(strings, end, s[0x05], id->product, sizeof(id->product));
	if (len > 0x07)
		copy_string(strings, end, s[0x07], id->serial, sizeof(id->serial));
	if (len >= 0x18 && memcmp(s + 8, all_ff, 16) != 0 && memcmp(s + 8, all_00, 16) != 0) {
		memcpy(id->uuid, s + 8, 16);
		/* From 2.6 on the first three fields are little-endian. */
		if (version >= 0x0206) {
			uint8_t t;
			t = id->uuid[0]; id->uuid[0] = id->uuid[3]; id->uuid[3] = t;
			t = id->uuid[1]; id->uuid[1] = id->uuid[2]; id->uuid[2] = t;
			t = id->uuid[4]; id->uuid[4] = id->uuid[5]; id->uuid[5] = t;
			t = id->uuid[6]; id->uuid[6] = id->uuid[7]; id->uuid[7] = t;
		}
		id->has_uuid = true;
	}
}

static void parse_memory_range(const uint8_t *s, uint8_t len, uint64_t *total_kb)
{
	uint64_t start, end;
	if (len < 0x0f)
		return;
	start = get_le32(s + 4);
	end = get_le32(s + 8);
	if (start == 0xffffffff && len >= 0x1f) {
		/* Extended addresses are in bytes, not KiB. */
		start = get_le64(s + 0x0f) / 1024;
		end = get_le64(s + 0x17) / 1024;
	}
	if (end >= start)
		*total_kb += end - start + 1;
}

void settings_smbios_parse(const uint8_t *table, size_t len, unsigned version,
			   struct smbios_identity *id)
{
	const uint8_t *p = table, *end = table + len;
	uint64_t memory_kb = 0;
	memset(id, 0, sizeof(*id));
	while (end - p >= 4) {
		uint8_t type = p[0], flen = p[1];
		const uint8_t *strings = p + flen, *next;
		if (flen < 4 || flen > end - p)
			break;
		/* The structure ends after the double NUL of its strings. */
		for (next = strings; next + 1 < end && !(next[0] == 0 && next[1] == 0); next++)
			;
		if (next + 1 >= end)
			break;
		next += 2;
		if (type == TYPE_SYSTEM)
			parse_system(p, flen, strings, next, version, id);
		else if (type == TYPE_ENCLOSURE && flen > 0x08)
			copy_string(strings, next, p[0x08], id->asset, sizeof(id->asset));
		else if (type == TYPE_MEMORY_ARRAY_MAPPED)
			parse_memory_range(p, flen, &memory_kb);
		else if (type == TYPE_END)
			break;
		p = next;
	}
	id->memsize_mb = (uint32_t)(memory_kb / 1024);
}
