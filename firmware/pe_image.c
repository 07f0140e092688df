/* PE/COFF header checks (see pe_image.h), after the Microsoft PE/COFF
 * specification: a DOS stub whose e_lfanew points to "PE\0\0", the COFF
 * file header, then the optional header (PE32 or PE32+). */
#include <stdio.h>
#include <string.h>
#include "pe_image.h"
#include "byteorder.h"

#define DOS_LFANEW       0x3c
#define COFF_HEADER_LEN  20
#define OPT_MAGIC_PE32   0x10b
#define OPT_MAGIC_PE32P  0x20b
/* Offsets inside the optional header, the same for PE32 and PE32+. */
#define OPT_ENTRY        16
#define OPT_IMAGE_SIZE   56
#define OPT_SUBSYSTEM    68
#define OPT_MIN_LEN      70
#define SECTION_LEN      40

enum pe_status pe_image_parse(const void *data, size_t len, struct pe_info *info)
{
	const uint8_t *d = data;
	uint32_t pe;
	size_t opt, opt_len, sections_end;

	memset(info, 0, sizeof(*info));
	if (len < 2 || d[0] != 'M' || d[1] != 'Z')
		return PE_NOT_PE;
	if (len < DOS_LFANEW + 4)
		return PE_TRUNCATED;
	pe = get_le32(d + DOS_LFANEW);
	/* Lengths are compared as differences: pe + n could wrap. */
	if (pe > len || len - pe < 4)
		return PE_TRUNCATED;
	if (memcmp(d + pe, "PE\0\0", 4) != 0)
		return PE_NOT_PE;
	if (len - pe - 4 < COFF_HEADER_LEN)
		return PE_TRUNCATED;

	info->machine = get_le16(d + pe + 4);
	info->sections = get_le16(d + pe + 6);
	opt_len = get_le16(d + pe + 20);
	opt = (size_t)pe + 4 + COFF_HEADER_LEN;
	if (opt_len < OPT_MIN_LEN)
		return PE_BAD_HEADER;
	if (len - opt < opt_len)
		return PE_TRUNCATED;

	switch (get_le16(d + opt)) {
	case OPT_MAGIC_PE32:
		info->pe32plus = false;
		break;
	case OPT_MAGIC_PE32P:
		info->pe32plus = true;
		break;
	default:
		return PE_BAD_HEADER;
	}
	info->entry = get_le32(d + opt + OPT_ENTRY);
	info->image_size = get_le32(d + opt + OPT_IMAGE_SIZE);
	info->subsystem = get_le16(d + opt + OPT_SUBSYSTEM);

	/* The section table follows; the loader reads all of it. */
	sections_end = opt + opt_len + (size_t)info->sections * SECTION_LEN;
	if (sections_end > len)
		return PE_TRUNCATED;
	if (info->image_size == 0 || info->entry >= info->image_size)
		return PE_BAD_HEADER;
	return PE_OK;
}

const char *pe_status_text(enum pe_status status)
{
	switch (status) {
	case PE_OK: return "a PE/COFF image";
	case PE_NOT_PE: return "not a PE/COFF image";
	case PE_TRUNCATED: return "a PE/COFF image cut short (its headers run past the end)";
	case PE_BAD_HEADER: return "a PE/COFF image with inconsistent headers";
	}
	return "?";
}

const char *pe_machine_name(uint16_t machine)
{
	switch (machine) {
	case PE_MACHINE_I386: return "i386";
	case PE_MACHINE_X86_64: return "x86_64";
	case PE_MACHINE_ARM: return "ARM";
	case PE_MACHINE_AARCH64: return "AArch64";
	case PE_MACHINE_RISCV64: return "RISC-V 64";
	case PE_MACHINE_IA64: return "Itanium";
	}
	return NULL;
}

uint16_t pe_machine_of_arch(const char *arch)
{
	if (strcmp(arch, "x86_64") == 0)
		return PE_MACHINE_X86_64;
	if (strcmp(arch, "i386") == 0)
		return PE_MACHINE_I386;
	return 0;
}

bool pe_is_efi(const struct pe_info *info)
{
	return info->subsystem >= PE_SUBSYSTEM_EFI_APPLICATION &&
	       info->subsystem <= PE_SUBSYSTEM_EFI_ROM;
}

int pe_check_runnable(const struct pe_info *info, const char *arch, const char *name,
		      char *msg, size_t size)
{
	const char *machine = pe_machine_name(info->machine);
	char unknown[32];

	if (!pe_is_efi(info)) {
		snprintf(msg, size, "%s is a PE/COFF program for subsystem %u, not an EFI program "
			 "(a Windows or DOS executable?)", name, info->subsystem);
		return -1;
	}
	if (info->machine != pe_machine_of_arch(arch)) {
		if (!machine) {
			snprintf(unknown, sizeof(unknown), "machine type 0x%04x", info->machine);
			machine = unknown;
		}
		snprintf(msg, size, "%s is an EFI program for %s, but this firmware runs %s EFI "
			 "programs (use the bootnet build and the image for the same architecture)",
			 name, machine, arch);
		return -1;
	}
	if (info->pe32plus != (info->machine == PE_MACHINE_X86_64)) {
		snprintf(msg, size, "%s has a %s optional header, which does not fit its machine "
			 "type %s", name, info->pe32plus ? "PE32+" : "PE32", machine);
		return -1;
	}
	return 0;
}
