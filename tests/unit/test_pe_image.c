/* PE/COFF header checks: a valid EFI application for each architecture,
 * the architecture mismatch message, non-EFI subsystems, and every way the
 * headers can be cut short or lie. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/pe_image.h"
#include "test.h"

#define PE_AT 0x80

static void put16(uint8_t *p, uint16_t v) { p[0] = v & 0xff; p[1] = v >> 8; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v & 0xffff); put16(p + 2, v >> 16); }

/* A minimal image: DOS stub, PE signature, COFF header, optional header
 * and one section header. Returns its length. */
static size_t make_pe(uint8_t *buf, uint16_t machine, bool plus, uint16_t subsystem)
{
	uint16_t opt_len = plus ? 240 : 224;
	uint8_t *coff = buf + PE_AT + 4, *opt = coff + 20;
	memset(buf, 0, 1024);
	buf[0] = 'M';
	buf[1] = 'Z';
	put32(buf + 0x3c, PE_AT);
	memcpy(buf + PE_AT, "PE\0\0", 4);
	put16(coff, machine);
	put16(coff + 2, 1);
	put16(coff + 16, opt_len);
	put16(opt, plus ? 0x20b : 0x10b);
	put32(opt + 16, 0x1000);
	put32(opt + 56, 0x3000);
	put16(opt + 68, subsystem);
	return PE_AT + 4 + 20 + opt_len + 40;
}

TEST(pe_parses_an_x86_64_efi_application)
{
	uint8_t buf[1024];
	struct pe_info info;
	size_t len = make_pe(buf, PE_MACHINE_X86_64, true, PE_SUBSYSTEM_EFI_APPLICATION);
	char msg[256] = "";
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(info.machine == PE_MACHINE_X86_64);
	CHECK(info.pe32plus);
	CHECK(info.entry == 0x1000 && info.image_size == 0x3000 && info.sections == 1);
	CHECK(pe_is_efi(&info));
	CHECK(pe_check_runnable(&info, "x86_64", "grubx64.efi", msg, sizeof(msg)) == 0);
}

TEST(pe_architecture_mismatch_is_a_clear_error)
{
	uint8_t buf[1024];
	struct pe_info info;
	char msg[256];
	size_t len = make_pe(buf, PE_MACHINE_I386, false, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(pe_check_runnable(&info, "i386", "bootia32.efi", msg, sizeof(msg)) == 0);
	CHECK(pe_check_runnable(&info, "x86_64", "bootia32.efi", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "bootia32.efi is an EFI program for i386");
	CHECK_CONTAINS(msg, "runs x86_64 EFI programs");

	len = make_pe(buf, PE_MACHINE_X86_64, true, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(pe_check_runnable(&info, "i386", "vmlinuz", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "vmlinuz is an EFI program for x86_64");

	len = make_pe(buf, PE_MACHINE_AARCH64, true, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(pe_check_runnable(&info, "x86_64", "grubaa64.efi", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "for AArch64");

	len = make_pe(buf, 0x1234, true, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(pe_check_runnable(&info, "x86_64", "odd.efi", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "machine type 0x1234");
}

TEST(pe_windows_programs_and_mismatched_headers_are_refused)
{
	uint8_t buf[1024];
	struct pe_info info;
	char msg[256];
	size_t len = make_pe(buf, PE_MACHINE_X86_64, true, 3 /* Windows console */);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(!pe_is_efi(&info));
	CHECK(pe_check_runnable(&info, "x86_64", "setup.exe", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "not an EFI program");

	len = make_pe(buf, PE_MACHINE_X86_64, false, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
	CHECK(pe_check_runnable(&info, "x86_64", "odd.efi", msg, sizeof(msg)) == -1);
	CHECK_CONTAINS(msg, "PE32 optional header");
}

TEST(pe_rejects_what_is_not_pe)
{
	uint8_t buf[1024];
	struct pe_info info;
	size_t len = make_pe(buf, PE_MACHINE_X86_64, true, PE_SUBSYSTEM_EFI_APPLICATION);
	CHECK(pe_image_parse("#!ipxe\n", 7, &info) == PE_NOT_PE);
	CHECK(pe_image_parse(buf, 0, &info) == PE_NOT_PE);
	buf[PE_AT + 1] = 'X';
	CHECK(pe_image_parse(buf, len, &info) == PE_NOT_PE);
	CHECK_STR(pe_status_text(PE_NOT_PE), "not a PE/COFF image");
}

TEST(pe_every_truncation_is_caught)
{
	uint8_t buf[1024];
	struct pe_info info;
	size_t len = make_pe(buf, PE_MACHINE_X86_64, true, PE_SUBSYSTEM_EFI_APPLICATION);
	int bad = 0;
	/* Every shorter length fails, and never reads past it (ASan). */
	for (size_t n = 2; n < len; n++) {
		uint8_t *copy = malloc(n);
		memcpy(copy, buf, n);
		bad += pe_image_parse(copy, n, &info) == PE_TRUNCATED;
		free(copy);
	}
	CHECK(bad == (int)len - 2);
}

TEST(pe_lying_offsets_and_sizes)
{
	uint8_t buf[1024];
	struct pe_info info;
	size_t len = make_pe(buf, PE_MACHINE_X86_64, true, PE_SUBSYSTEM_EFI_APPLICATION);

	put32(buf + 0x3c, 0xfffffff0); /* e_lfanew far past the end */
	CHECK(pe_image_parse(buf, len, &info) == PE_TRUNCATED);
	put32(buf + 0x3c, PE_AT);

	put16(buf + PE_AT + 4 + 2, 0xffff); /* 65535 sections */
	CHECK(pe_image_parse(buf, len, &info) == PE_TRUNCATED);
	put16(buf + PE_AT + 4 + 2, 1);

	put16(buf + PE_AT + 4 + 16, 8); /* optional header too small for Subsystem */
	CHECK(pe_image_parse(buf, len, &info) == PE_BAD_HEADER);
	put16(buf + PE_AT + 4 + 16, 240);

	put16(buf + PE_AT + 24, 0x107); /* ROM image magic */
	CHECK(pe_image_parse(buf, len, &info) == PE_BAD_HEADER);
	put16(buf + PE_AT + 24, 0x20b);

	put32(buf + PE_AT + 24 + 16, 0x5000); /* entry outside the image */
	CHECK(pe_image_parse(buf, len, &info) == PE_BAD_HEADER);
	put32(buf + PE_AT + 24 + 16, 0x1000);
	CHECK(pe_image_parse(buf, len, &info) == PE_OK);
}
