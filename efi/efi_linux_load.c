/* Placing a Linux kernel in memory by hand, for the two ways in that do
 * not go through LoadImage (the EFI handover entry, and the plain x86
 * boot protocol): the protected-mode kernel copied where it may grow to
 * init_size (at its preferred address if free, else aligned at or above
 * 16 MiB, below 4 GiB), a zero page with the kernel's setup header, and
 * the command line below 4 GiB. */
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "../firmware/image_initrd.h"
#include "efi_linux.h"

#define LOAD_PHYSICAL_ADDR 0x1000000 /* where x86 kernels are linked: never below */

/* Pages for the kernel; the aligned start in ld->start. */
static EFI_STATUS alloc_kernel(struct linux_load *ld, UINTN size)
{
	UINT32 align = ld->bz.kernel_alignment >= 4096 ? ld->bz.kernel_alignment : 4096;
	uint64_t pref = ld->bz.pref_address;
	EFI_STATUS status;

	ld->kernel_pages = EFI_SIZE_TO_PAGES(size);
	ld->kernel_base = pref >= LOAD_PHYSICAL_ADDR && pref + size <= 0xffffffffULL ?
		pref : LOAD_PHYSICAL_ADDR;
	status = efi_bs->AllocatePages(AllocateAddress, EfiLoaderData, ld->kernel_pages,
				       &ld->kernel_base);
	if (status == EFI_SUCCESS) {
		ld->start = (UINT32)ld->kernel_base;
		return status;
	}
	ld->kernel_pages = EFI_SIZE_TO_PAGES(size + align);
	ld->kernel_base = 0xffffffff;
	status = efi_bs->AllocatePages(AllocateMaxAddress, EfiLoaderData, ld->kernel_pages,
				       &ld->kernel_base);
	if (status != EFI_SUCCESS) {
		ld->kernel_pages = 0;
		return status;
	}
	ld->start = ((UINT32)ld->kernel_base + align - 1) & ~(align - 1);
	if (ld->start < LOAD_PHYSICAL_ADDR) {
		efi_bs->FreePages(ld->kernel_base, ld->kernel_pages);
		ld->kernel_pages = 0;
		return EFI_OUT_OF_RESOURCES;
	}
	return EFI_SUCCESS;
}

/* Pages below 4 GiB (the zero page and command line fields are 32-bit). */
static void *alloc_low(UINTN size, EFI_PHYSICAL_ADDRESS *base)
{
	*base = 0xffffffff;
	if (efi_bs->AllocatePages(AllocateMaxAddress, EfiLoaderData, EFI_SIZE_TO_PAGES(size),
				  base) != EFI_SUCCESS) {
		*base = 0;
		return NULL;
	}
	return (void *)(UINTN)*base;
}

int efi_linux_load(struct image *img, struct linux_load *ld)
{
	char *cmdline;
	size_t size, len;
	EFI_STATUS status;

	memset(ld, 0, sizeof(*ld));
	if (bzimage_parse(img->data, img->len, &ld->bz) != BZ_OK)
		return -1;
	cmdline = image_cmdline_text(img, false);
	if (!cmdline) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	len = strlen(cmdline);
	if (len > ld->bz.cmdline_size) {
		console_printf("%s: the command line is %zu bytes; this kernel takes at most %u\n",
			       img->name, len, ld->bz.cmdline_size);
		free(cmdline);
		return -1;
	}
	ld->cmdline_size = len + 1;
	ld->cmdline = alloc_low(ld->cmdline_size, &ld->cmdline_base);
	ld->params = alloc_low(BZ_BOOT_PARAMS_SIZE, &ld->params_base);
	size = ld->bz.init_size > ld->bz.kernel_size ? ld->bz.init_size : ld->bz.kernel_size;
	status = ld->cmdline && ld->params ? alloc_kernel(ld, size) : EFI_OUT_OF_RESOURCES;
	if (status != EFI_SUCCESS) {
		console_printf("%s: no room for the kernel (%zu bytes at or above 16 MiB): %s\n",
			       img->name, size, efi_strerror(status));
		free(cmdline);
		efi_linux_unload(ld);
		return -1;
	}
	memcpy(ld->cmdline, cmdline, len + 1);
	free(cmdline);
	memcpy((void *)(UINTN)ld->start, img->data + ld->bz.setup_size, ld->bz.kernel_size);
	bzimage_params_init(ld->params, img->data);
	bzimage_params_set(ld->params, ld->start, ld->cmdline_base, 0, 0);
	return 0;
}

int efi_linux_place_initrd(struct image *img, struct linux_load *ld)
{
	EFI_STATUS status;
	UINT32 max = ld->bz.initrd_addr_max ? ld->bz.initrd_addr_max : 0x37ffffff;

	ld->initrd_len = image_initrd_build(img, NULL);
	if (!ld->initrd_len)
		return 0;
	ld->initrd_pages = EFI_SIZE_TO_PAGES(ld->initrd_len);
	ld->initrd_base = max;
	status = efi_bs->AllocatePages(AllocateMaxAddress, EfiLoaderData, ld->initrd_pages,
				       &ld->initrd_base);
	if (status != EFI_SUCCESS) {
		console_printf("%s: no room for the %zu-byte initrd below 0x%x: %s\n", img->name,
			       (size_t)ld->initrd_len, max, efi_strerror(status));
		ld->initrd_pages = 0;
		return -1;
	}
	image_initrd_build(img, (uint8_t *)(UINTN)ld->initrd_base);
	bzimage_params_set(ld->params, ld->start, ld->cmdline_base, ld->initrd_base,
			   ld->initrd_len);
	return 0;
}

void efi_linux_unload(struct linux_load *ld)
{
	if (ld->initrd_pages)
		efi_bs->FreePages(ld->initrd_base, ld->initrd_pages);
	if (ld->kernel_pages)
		efi_bs->FreePages(ld->kernel_base, ld->kernel_pages);
	if (ld->params_base)
		efi_bs->FreePages(ld->params_base, EFI_SIZE_TO_PAGES(BZ_BOOT_PARAMS_SIZE));
	if (ld->cmdline_base)
		efi_bs->FreePages(ld->cmdline_base, EFI_SIZE_TO_PAGES(ld->cmdline_size));
	memset(ld, 0, sizeof(*ld));
}
