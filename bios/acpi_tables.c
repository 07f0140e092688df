/* ACPI table parsing (acpi_tables.h). */
#include <string.h>
#include "acpi_tables.h"

bool acpi_checksum_ok(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return sum == 0;
}

/* One integer of a package: ZeroOp, OneOp, BytePrefix n. Returns the
 * bytes it took, 0 when it is something else. */
static size_t aml_byte(const uint8_t *p, size_t left, uint8_t *value)
{
	if (left >= 1 && (p[0] == 0x00 || p[0] == 0x01)) {
		*value = p[0];
		return 1;
	}
	if (left >= 2 && p[0] == 0x0a) {
		*value = p[1];
		return 2;
	}
	return 0;
}

bool acpi_find_s5(const uint8_t *dsdt, size_t len, uint8_t *typ_a, uint8_t *typ_b)
{
	for (size_t i = 36; i + 4 <= len; i++) {
		if (memcmp(dsdt + i, "_S5_", 4) != 0)
			continue;
		/* NameOp (0x08), maybe a root prefix '\', then _S5_. */
		if (!(i >= 1 && (dsdt[i - 1] == 0x08 || (dsdt[i - 1] == '\\' && i >= 2 && dsdt[i - 2] == 0x08))))
			continue;
		size_t p = i + 4;
		if (p >= len || dsdt[p] != 0x12) /* PackageOp */
			continue;
		p++;
		if (p >= len)
			return false;
		p += 1 + (dsdt[p] >> 6);     /* PkgLength: its lead byte says how many follow */
		p++;                         /* NumElements */
		if (p >= len)
			return false;
		size_t took = aml_byte(dsdt + p, len - p, typ_a);
		if (!took)
			return false;
		p += took;
		if (!aml_byte(dsdt + p, len - p, typ_b))
			*typ_b = *typ_a;
		return true;
	}
	return false;
}
