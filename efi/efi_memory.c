/* Memory on EFI: the firmware's pool allocator. */
#include "../firmware/platform.h"
#include "efi_platform.h"

void *platform_alloc(size_t size)
{
	void *p;
	if (efi_bs->AllocatePool(EfiLoaderData, size, &p) != EFI_SUCCESS)
		return NULL;
	return p;
}

void platform_free(void *ptr)
{
	efi_bs->FreePool(ptr);
}
