/* A 64-bit Linux kernel from 32-bit EFI (the 2006-2008 Macs): LoadImage
 * refuses an x86_64 PE on ia32 firmware, but a kernel built with
 * CONFIG_EFI_MIXED has a 32-bit EFI handover entry (boot.rst, "EFI
 * HANDOVER PROTOCOL"). The protected-mode kernel is copied to memory it
 * may grow into (init_size, aligned, at or above 16 MiB), a boot_params
 * page gets the kernel's setup header and the command line, the initrd is
 * offered on the Linux initrd device path (LoadFile2), and the entry at
 * handover_offset is called with (image handle, system table,
 * boot_params) while boot services still run: the kernel's stub does the
 * rest. It does not return; if it does, everything is undone. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/bzimage.h"
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "../firmware/image_initrd.h"
#include "efi_exec.h"

#define LOAD_PHYSICAL_ADDR 0x1000000 /* where x86 kernels are linked: never below */
#define BP_TYPE_OF_LOADER  0x210
#define BP_CODE32_START    0x214
#define BP_CMD_LINE_PTR    0x228

#if defined(__i386__)

typedef void handover_entry(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab, void *boot_params);

static void put32(UINT8 *p, UINT32 v)
{
	memcpy(p, &v, 4);
}

/* Pages for the kernel: at its preferred address if free, else anywhere
 * below 4 GiB with room to align; the aligned start in *start. */
static EFI_STATUS alloc_kernel(const struct bzimage_info *bz, UINTN size,
			       EFI_PHYSICAL_ADDRESS *base, UINTN *pages, UINT32 *start)
{
	UINT32 align = bz->kernel_alignment >= 4096 ? bz->kernel_alignment : 4096;
	EFI_STATUS status;

	*pages = EFI_SIZE_TO_PAGES(size);
	*base = bz->pref_address >= LOAD_PHYSICAL_ADDR && bz->pref_address < 0xffffffffULL ?
		bz->pref_address : LOAD_PHYSICAL_ADDR;
	status = efi_bs->AllocatePages(AllocateAddress, EfiLoaderData, *pages, base);
	if (status == EFI_SUCCESS) {
		*start = (UINT32)*base;
		return status;
	}
	*pages = EFI_SIZE_TO_PAGES(size + align);
	*base = 0xffffffff;
	status = efi_bs->AllocatePages(AllocateMaxAddress, EfiLoaderData, *pages, base);
	if (status != EFI_SUCCESS)
		return status;
	*start = ((UINT32)*base + align - 1) & ~(align - 1);
	if (*start < LOAD_PHYSICAL_ADDR) {
		efi_bs->FreePages(*base, *pages);
		return EFI_OUT_OF_RESOURCES;
	}
	return EFI_SUCCESS;
}

int efi_linux_handover(struct image *img)
{
	struct bzimage_info bz;
	EFI_PHYSICAL_ADDRESS kernel_base, params_base = 0xffffffff;
	UINTN kernel_pages;
	UINT32 start;
	UINT8 *params;
	char *cmdline;
	size_t header_len, size;
	EFI_STATUS status;

	if (bzimage_parse(img->data, img->len, &bz) != BZ_OK)
		return -1;
	cmdline = image_cmdline_text(img, false);
	if (!cmdline) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	if (strlen(cmdline) > bz.cmdline_size) {
		console_printf("%s: the command line is %zu bytes; this kernel takes at most %u\n",
			       img->name, strlen(cmdline), bz.cmdline_size);
		free(cmdline);
		return -1;
	}
	size = bz.init_size > bz.kernel_size ? bz.init_size : bz.kernel_size;
	status = alloc_kernel(&bz, size, &kernel_base, &kernel_pages, &start);
	if (status == EFI_SUCCESS) {
		status = efi_bs->AllocatePages(AllocateMaxAddress, EfiLoaderData, 1, &params_base);
		if (status != EFI_SUCCESS)
			efi_bs->FreePages(kernel_base, kernel_pages);
	}
	if (status != EFI_SUCCESS) {
		console_printf("%s: no room for the kernel (%zu bytes at or above 16 MiB): %s\n",
			       img->name, size, efi_strerror(status));
		free(cmdline);
		return -1;
	}

	memcpy((void *)start, img->data + bz.setup_size, bz.kernel_size);
	params = (UINT8 *)(UINTN)params_base;
	memset(params, 0, BZ_BOOT_PARAMS_SIZE);
	/* The kernel's own setup header, from 0x1f1 to where its jump lands. */
	header_len = 0x202 + img->data[0x201] - BZ_SETUP_HEADER_OFFSET;
	memcpy(params + BZ_SETUP_HEADER_OFFSET, img->data + BZ_SETUP_HEADER_OFFSET, header_len);
	params[BP_TYPE_OF_LOADER] = 0xff; /* a loader without an assigned ID */
	put32(params + BP_CODE32_START, start);
	put32(params + BP_CMD_LINE_PTR, (UINT32)(UINTN)cmdline);

	console_printf("Booting %s through its 32-bit EFI handover entry (64-bit kernel on "
		       "32-bit EFI)\n  command line: %s\n  initrd: %zu bytes\n", img->name, cmdline,
		       image_initrd_build(img, NULL));
	status = efi_initrd_install(img);
	if (status != EFI_SUCCESS)
		console_printf("%s: cannot offer the initrd (%s); booting without it\n", img->name,
			       efi_strerror(status));
	efi_exec_hand_back_network();

	((handover_entry *)(start + bz.handover_offset))(efi_image_handle, efi_systab, params);

	/* Only a kernel that refused to go on comes back. */
	efi_exec_take_network_back();
	efi_initrd_uninstall();
	efi_bs->FreePages(params_base, 1);
	efi_bs->FreePages(kernel_base, kernel_pages);
	free(cmdline);
	console_printf("%s: the kernel's EFI handover entry returned\n", img->name);
	return -1;
}

#else

int efi_linux_handover(struct image *img)
{
	console_printf("%s: the 32-bit EFI handover entry is only used by the i386 build\n",
		       img->name);
	return -1;
}

#endif
