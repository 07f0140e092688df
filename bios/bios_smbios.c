/* SMBIOS on BIOS: the entry point sits on a 16-byte boundary in
 * 0xF0000-0xFFFFF; the 64-bit (SMBIOS 3, "_SM3_") one is preferred. */
#include <string.h>
#include "../firmware/byteorder.h"
#include "../firmware/platform.h"
#include "acpi_tables.h"
#include "bios_platform.h"

bool platform_smbios(const void **table, size_t *len, unsigned *version)
{
	const uint8_t *legacy = NULL;
	for (uint32_t p = 0xf0000; p + 32 <= 0x100000; p += 16) {
		const uint8_t *ep = bios_linear(p);
		if (memcmp(ep, "_SM3_", 5) == 0 && ep[6] >= 24 && ep[6] <= 32 &&
		    acpi_checksum_ok(ep, ep[6])) {
			/* SMBIOS 3: version at 7/8, maximum size at 12, address at 16. */
			if (get_le32(ep + 20))
				continue; /* above 4 GiB: out of a 32-bit core's reach */
			*table = bios_linear(get_le32(ep + 16));
			*len = get_le32(ep + 12);
			*version = (unsigned)ep[7] << 8 | ep[8];
			return true;
		}
		if (!legacy && memcmp(ep, "_SM_", 4) == 0 && ep[5] >= 31 && ep[5] <= 32 &&
		    acpi_checksum_ok(ep, ep[5]) && memcmp(ep + 16, "_DMI_", 5) == 0)
			legacy = ep;
	}
	if (!legacy)
		return false;
	/* SMBIOS 2: version at 6/7, length at 22, 32-bit address at 24. */
	*table = bios_linear(get_le32(legacy + 24));
	*len = (size_t)(legacy[22] | legacy[23] << 8);
	*version = (unsigned)legacy[6] << 8 | legacy[7];
	return true;
}
