/* PE/COFF headers, as far as bootnet needs them: is an image an EFI
 * program, for which machine, and can this build of bootnet start it?
 * Images come from the network, so every offset is checked against the
 * length before it is read. */
#ifndef PE_IMAGE_H
#define PE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PE_MACHINE_I386    0x014c
#define PE_MACHINE_X86_64  0x8664
#define PE_MACHINE_ARM     0x01c2
#define PE_MACHINE_AARCH64 0xaa64
#define PE_MACHINE_RISCV64 0x5064
#define PE_MACHINE_IA64    0x0200

#define PE_SUBSYSTEM_EFI_APPLICATION 10
#define PE_SUBSYSTEM_EFI_BOOT_DRIVER 11
#define PE_SUBSYSTEM_EFI_RUNTIME_DRIVER 12
#define PE_SUBSYSTEM_EFI_ROM 13

enum pe_status {
	PE_OK = 0,
	PE_NOT_PE,        /* no "MZ" or no "PE\0\0" signature */
	PE_TRUNCATED,     /* a header runs past the end of the data */
	PE_BAD_HEADER,    /* headers present but inconsistent */
};

struct pe_info {
	uint16_t machine;
	uint16_t subsystem;
	bool pe32plus;         /* optional header magic 0x20b */
	uint32_t entry;        /* AddressOfEntryPoint (RVA) */
	uint32_t image_size;   /* SizeOfImage */
	uint16_t sections;
};

/* Reads the headers of data; PE_OK with info filled in, or why not. */
enum pe_status pe_image_parse(const void *data, size_t len, struct pe_info *info);
/* "not a PE/COFF image", "PE/COFF headers cut short" ... */
const char *pe_status_text(enum pe_status status);
/* "x86_64", "i386", "AArch64" ...; NULL for a machine we do not name. */
const char *pe_machine_name(uint16_t machine);
/* The PE machine of a bootnet build arch ("x86_64", "i386"); 0 if unknown. */
uint16_t pe_machine_of_arch(const char *arch);
/* True for the EFI subsystems (application, drivers, ROM). */
bool pe_is_efi(const struct pe_info *info);

/* Whether an EFI build for arch can start the image called name: 0, or -1
 * with a sentence in msg saying why not (wrong machine, not EFI). */
int pe_check_runnable(const struct pe_info *info, const char *arch, const char *name,
		      char *msg, size_t size);

#endif
