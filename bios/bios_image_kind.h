/* What a downloaded image is, as bootnet on BIOS sees it: what it can
 * start (a bzImage, a PXE NBP) and what it must refuse with a reason (an
 * EFI program, a multiboot kernel, a broken kernel). Pure: host-tested. */
#ifndef BIOS_IMAGE_KIND_H
#define BIOS_IMAGE_KIND_H

#include <stdbool.h>
#include "../firmware/image.h"

enum bios_image_kind {
	BIOS_IMAGE_OTHER,      /* nothing bootnet starts on BIOS */
	BIOS_IMAGE_LINUX,      /* a bzImage (bzimage_parse says BZ_OK) */
	BIOS_IMAGE_BAD_LINUX,  /* claims to be a Linux kernel but is not one bootnet boots */
	BIOS_IMAGE_EFI,        /* a PE image: an EFI program */
	BIOS_IMAGE_MULTIBOOT,  /* a multiboot (1) header in its first 8 KiB */
	BIOS_IMAGE_NBP,        /* a PXE NBP, known by its name: .0 .pxe .kpxe .kkpxe .com */
};

/* In this order: Linux first (a kernel with an EFI stub is also a PE),
 * then PE, multiboot, and last the name, since an NBP has no signature. */
enum bios_image_kind bios_image_classify(const struct image *img);

/* Whether name ends in one of the NBP extensions. */
bool bios_image_nbp_name(const char *name);

#endif
