/* Reboot and power-off on BIOS, through ACPI where the tables allow:
 * reboot by the FADT's reset register, else the keyboard controller's
 * reset line, else a triple fault; power-off by entering S5 (PM1a/b
 * control with the DSDT's \_S5 sleep type). */
#include <string.h>
#include "../firmware/byteorder.h"
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "acpi_tables.h"
#include "bios_io.h"
#include "bios_reset.h"
#include "bios_platform.h"

static const uint8_t *find_rsdp(void)
{
	uint32_t ebda = (uint32_t)*(volatile uint16_t *)bios_linear(0x40e) << 4;
	uint32_t areas[2][2] = { { ebda, ebda + 1024 }, { 0xe0000, 0x100000 } };
	for (int a = 0; a < 2; a++) {
		if (!areas[a][0])
			continue;
		for (uint32_t p = areas[a][0]; p + 20 <= areas[a][1]; p += 16) {
			const uint8_t *r = bios_linear(p);
			if (memcmp(r, "RSD PTR ", 8) == 0 && acpi_checksum_ok(r, 20))
				return r;
		}
	}
	return NULL;
}

static const uint8_t *table_at(uint64_t address, const char *signature)
{
	if (!address || address >> 32)
		return NULL;
	const uint8_t *t = bios_linear((uint32_t)address);
	uint32_t len = get_le32(t + 4);
	if (memcmp(t, signature, 4) != 0 || len < 36 || len > (1u << 24) || !acpi_checksum_ok(t, len))
		return NULL;
	return t;
}

static const uint8_t *find_fadt(void)
{
	const uint8_t *rsdp = find_rsdp(), *root;
	unsigned entry_size = 4;
	if (!rsdp)
		return NULL;
	root = NULL;
	if (rsdp[15] >= 2) {
		root = table_at(get_le32(rsdp + 24) | (uint64_t)get_le32(rsdp + 28) << 32, "XSDT");
		entry_size = 8;
	}
	if (!root) {
		root = table_at(get_le32(rsdp + 16), "RSDT");
		entry_size = 4;
	}
	if (!root)
		return NULL;
	for (uint32_t off = 36; off + entry_size <= get_le32(root + 4); off += entry_size) {
		uint64_t a = get_le32(root + off);
		if (entry_size == 8)
			a |= (uint64_t)get_le32(root + off + 4) << 32;
		const uint8_t *t = table_at(a, "FACP");
		if (t)
			return t;
	}
	return NULL;
}

static void read_power(struct acpi_power *pw)
{
	const uint8_t *fadt = find_fadt();
	memset(pw, 0, sizeof(*pw));
	if (!fadt)
		return;
	uint32_t len = get_le32(fadt + 4);
	pw->pm1a_cnt = get_le32(fadt + 64);
	pw->pm1b_cnt = get_le32(fadt + 68);
	if (len >= 129 && (get_le32(fadt + 112) & (1u << 10))) {   /* RESET_REG_SUP */
		pw->has_reset = true;
		pw->reset_space = fadt[116];
		pw->reset_address = get_le32(fadt + 120) | (uint64_t)get_le32(fadt + 124) << 32;
		pw->reset_value = fadt[128];
	}
	const uint8_t *dsdt = table_at(get_le32(fadt + 40), "DSDT");
	if (dsdt)
		pw->has_s5 = acpi_find_s5(dsdt, get_le32(dsdt + 4), &pw->s5_typ_a, &pw->s5_typ_b);
}

void platform_reboot(void)
{
	struct acpi_power pw;
	read_power(&pw);
	if (pw.has_reset && pw.reset_space == 1 && pw.reset_address <= 0xffff)
		outb((uint16_t)pw.reset_address, pw.reset_value);
	else if (pw.has_reset && pw.reset_space == 0 && !(pw.reset_address >> 32))
		*(volatile uint8_t *)bios_linear((uint32_t)pw.reset_address) = pw.reset_value;
	platform_delay_us(100000);
	bios_reset_hard();
}

void platform_poweroff(void)
{
	struct acpi_power pw;
	read_power(&pw);
	if (!pw.pm1a_cnt || !pw.has_s5) {
		console_printf("poweroff: this machine's ACPI tables %s; turn it off by hand\n",
			       !pw.pm1a_cnt ? "were not found or name no PM1 control port" :
			       "have no \\_S5 sleep state bootnet can read");
		return;
	}
	/* SLP_TYP in bits 10-12, SLP_EN (bit 13) starts the transition. */
	if (pw.pm1b_cnt)
		outw((uint16_t)pw.pm1b_cnt, (uint16_t)((inw((uint16_t)pw.pm1b_cnt) & ~0x1c00) |
						       pw.s5_typ_b << 10 | 0x2000));
	outw((uint16_t)pw.pm1a_cnt, (uint16_t)((inw((uint16_t)pw.pm1a_cnt) & ~0x1c00) |
					       pw.s5_typ_a << 10 | 0x2000));
	platform_delay_us(500000);
	console_printf("poweroff: the machine did not turn off through ACPI (PM1a control at "
		       "0x%x); turn it off by hand\n", (unsigned)pw.pm1a_cnt);
}
