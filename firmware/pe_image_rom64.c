/* PE/COFF in the rom64 build (firmware/rom64.h), which runs no EFI
 * program: "MZ" alone says an image is one, so that booting it is refused
 * as "an EFI program" (bios/bios_image.c) without reading its headers
 * (pe_image.c, whose machine and subsystem only the EFI builds need). */
#include <string.h>
#include "pe_image.h"

enum pe_status pe_image_parse(const void *data, size_t len, struct pe_info *info)
{
	const uint8_t *d = data;

	memset(info, 0, sizeof(*info));
	if (len < 2 || d[0] != 'M' || d[1] != 'Z')
		return PE_NOT_PE;
	info->subsystem = PE_SUBSYSTEM_EFI_APPLICATION;
	return PE_OK;
}

/* For imgstat: "EFI program (machine not read by the 64 KiB ROM build)". */
const char *pe_machine_name(uint16_t machine)
{
	(void)machine;
	return "machine not read by the 64 KiB ROM build";
}

bool pe_is_efi(const struct pe_info *info)
{
	return info->subsystem == PE_SUBSYSTEM_EFI_APPLICATION;
}
