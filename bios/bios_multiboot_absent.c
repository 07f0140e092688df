/* Multiboot kernels in the rom64 build: recognised (bios_image_kind.c) and
 * refused in words (firmware/rom64.h; bios_multiboot.c is the full
 * build's loader). */
#include "../firmware/console.h"
#include "../firmware/rom64.h"
#include "bios_loader.h"

int bios_multiboot_boot(struct image *img)
{
	console_printf("%s: cannot boot this multiboot kernel: " ROM64_BUILD " has no multiboot "
		       "loader; bin/bootnet-full.rom, bootnet.kpxe, bootnet.pxe and bootnet.usb "
		       "have it\n", img->name);
	return -1;
}
