/* SMBIOS on EFI: the firmware publishes the entry point in its
 * configuration table; the 64-bit (SMBIOS 3) one is preferred. */
#include "../firmware/platform.h"
#include "efi_platform.h"
#include "../firmware/byteorder.h"

static bool same_guid(const EFI_GUID *a, const EFI_GUID *b)
{
	const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
	for (unsigned i = 0; i < sizeof(EFI_GUID); i++)
		if (x[i] != y[i])
			return false;
	return true;
}

static const uint8_t *config_table(EFI_GUID guid)
{
	for (UINTN i = 0; i < efi_systab->NumberOfTableEntries; i++)
		if (same_guid(&efi_systab->ConfigurationTable[i].VendorGuid, &guid))
			return efi_systab->ConfigurationTable[i].VendorTable;
	return NULL;
}

bool platform_smbios(const void **table, size_t *len, unsigned *version)
{
	const uint8_t *ep = config_table((EFI_GUID)SMBIOS3_TABLE_GUID);
	if (ep && ep[0] == '_' && ep[1] == 'S' && ep[2] == 'M' && ep[3] == '3' && ep[4] == '_') {
		/* SMBIOS 3: version at 7/8, maximum size at 12, 64-bit address at 16. */
		uint64_t address = get_le32(ep + 16) | (uint64_t)get_le32(ep + 20) << 32;
		if (sizeof(void *) == 4 && address >> 32)
			return false;
		*table = (const void *)(uintptr_t)address;
		*len = get_le32(ep + 12);
		*version = (unsigned)ep[7] << 8 | ep[8];
		return true;
	}
	ep = config_table((EFI_GUID)SMBIOS_TABLE_GUID);
	if (ep && ep[0] == '_' && ep[1] == 'S' && ep[2] == 'M' && ep[3] == '_') {
		/* SMBIOS 2: version at 6/7, length at 22, 32-bit address at 24. */
		*table = (const void *)(uintptr_t)get_le32(ep + 24);
		*len = (size_t)(ep[22] | ep[23] << 8);
		*version = (unsigned)ep[6] << 8 | ep[7];
		return true;
	}
	return false;
}
