/* ACPI parsing for power-off (bios/acpi_tables.c): the \_S5 package in a
 * DSDT, and table checksums. */
#include "../../bios/acpi_tables.h"
#include "test.h"

static size_t dsdt_with(uint8_t *d, const uint8_t *aml, size_t len)
{
	memset(d, 0, 36);
	memcpy(d, "DSDT", 4);
	memcpy(d + 36, aml, len);
	return 36 + len;
}

TEST(acpi_s5_package_forms)
{
	uint8_t d[128], a, b;
	/* Name (_S5, Package (4) { Zero, Zero, Zero, Zero }), as QEMU writes it. */
	const uint8_t qemu[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00 };
	CHECK(acpi_find_s5(d, dsdt_with(d, qemu, sizeof(qemu)), &a, &b) && a == 0 && b == 0);
	/* Name (\_S5, Package () { 0x07, 0x05 }) with byte prefixes. */
	const uint8_t bytes[] = { 0x08, '\\', '_', 'S', '5', '_', 0x12, 0x08, 0x02, 0x0a, 0x07, 0x0a, 0x05 };
	CHECK(acpi_find_s5(d, dsdt_with(d, bytes, sizeof(bytes)), &a, &b) && a == 7 && b == 5);
	/* One, then something we do not read: b takes a's value. */
	const uint8_t one[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x05, 0x02, 0x01, 0x0b, 0x00 };
	CHECK(acpi_find_s5(d, dsdt_with(d, one, sizeof(one)), &a, &b) && a == 1 && b == 1);
}

TEST(acpi_s5_absent_or_truncated)
{
	uint8_t d[128], a, b;
	const uint8_t s4[] = { 0x08, '_', 'S', '4', '_', 0x12, 0x06, 0x04, 0x00, 0x00 };
	CHECK(!acpi_find_s5(d, dsdt_with(d, s4, sizeof(s4)), &a, &b));
	/* "_S5_" as a string, not a name: no NameOp before it. */
	const uint8_t str[] = { 0x0d, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00 };
	CHECK(!acpi_find_s5(d, dsdt_with(d, str, sizeof(str)), &a, &b));
	/* Cut off inside the package. */
	const uint8_t cut[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06 };
	CHECK(!acpi_find_s5(d, dsdt_with(d, cut, sizeof(cut)), &a, &b));
	const uint8_t cut2[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0a };
	CHECK(!acpi_find_s5(d, dsdt_with(d, cut2, sizeof(cut2)), &a, &b));
}

TEST(acpi_checksums)
{
	uint8_t t[8] = { 1, 2, 3, 4, 5, 6, 7, 0 };
	t[7] = (uint8_t)-(1 + 2 + 3 + 4 + 5 + 6 + 7);
	CHECK(acpi_checksum_ok(t, 8));
	t[3]++;
	CHECK(!acpi_checksum_ok(t, 8));
}
