/* Linux kernels placed in memory by bootnet itself (efi_linux_*.c). */
#ifndef EFI_LINUX_H
#define EFI_LINUX_H

#include <stdlib.h>
#include "../firmware/bzimage.h"
#include "../firmware/bzimage_params.h"
#include "efi_exec.h"

struct linux_load {
	struct bzimage_info bz;
	EFI_PHYSICAL_ADDRESS kernel_base;  /* the pages allocated ... */
	UINTN kernel_pages;
	UINT32 start;                      /* ... and the kernel's aligned start in them */
	EFI_PHYSICAL_ADDRESS params_base;
	UINT8 *params;                     /* the zero page */
	EFI_PHYSICAL_ADDRESS cmdline_base;
	char *cmdline;
	UINTN cmdline_size;
	EFI_PHYSICAL_ADDRESS initrd_base;  /* 0 pages: no initrd */
	UINTN initrd_pages, initrd_len;
};

/* Copies img's protected-mode kernel to memory it may grow into, and
 * prepares the zero page and the command line. 0, or -1 having said why. */
int efi_linux_load(struct image *img, struct linux_load *ld);
/* Builds img's initrd (firmware/image_initrd.h) below the highest address
 * the kernel accepts and records it in the zero page. 0 (also when there
 * is no initrd), or -1 having said why. */
int efi_linux_place_initrd(struct image *img, struct linux_load *ld);
/* Frees what efi_linux_load and efi_linux_place_initrd took (after a kernel came back). */
void efi_linux_unload(struct linux_load *ld);

#endif
