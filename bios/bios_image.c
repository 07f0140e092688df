/* platform_image_probe/exec on BIOS: what can be started, and how.
 *   a bzImage -> the x86 boot protocol's real-mode entry (bios_linux.c);
 *   a PXE NBP (by name: .0 .pxe .kpxe .kkpxe .com) -> 0000:7C00 through
 *     the kept PXE stack (bios_nbp.c);
 *   a multiboot (1) kernel -> 32-bit protected mode (bios_multiboot.c);
 *   an EFI program, a broken kernel -> a sentence
 *     saying why not (probe says yes to them so that the user hears it). */
#include "../firmware/bzimage.h"
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "bios_image_kind.h"
#include "bios_loader.h"

bool platform_image_probe(const struct image *img)
{
	return bios_image_classify(img) != BIOS_IMAGE_OTHER;
}

const char *platform_image_kinds(void)
{
	return "a Linux kernel, a multiboot kernel, or a PXE NBP named *.0, *.pxe, *.kpxe or *.com";
}

int platform_image_exec(struct image *img)
{
	struct bzimage_info bz;

	switch (bios_image_classify(img)) {
	case BIOS_IMAGE_LINUX:
		return bios_linux_boot(img);
	case BIOS_IMAGE_NBP:
		return bios_nbp_chain(img);
	case BIOS_IMAGE_BAD_LINUX:
		console_printf("%s: cannot boot this kernel on BIOS: it is %s\n", img->name,
			       bz_status_text(bzimage_parse(img->data, img->len, &bz)));
		return -1;
	case BIOS_IMAGE_EFI:
		console_printf("%s: this is an EFI program; bootnet is running on BIOS\n", img->name);
		return -1;
	case BIOS_IMAGE_MULTIBOOT:
		return bios_multiboot_boot(img);
	case BIOS_IMAGE_OTHER:
		break;
	}
	console_printf("%s: not something bootnet starts on BIOS (a Linux bzImage, a multiboot "
		       "kernel, or a PXE NBP named *.0, *.pxe, *.kpxe or *.com)\n", img->name);
	return -1;
}
