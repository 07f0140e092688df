/* The BIOS loaders behind platform_image_exec (bios_image.c): each either
 * hands the machine over for good or returns -1 having said why, with
 * bootnet still running and its network untouched. */
#ifndef BIOS_LOADER_H
#define BIOS_LOADER_H

#include "../firmware/image.h"

/* A bzImage through the x86 boot protocol's real-mode entry. */
int bios_linux_boot(struct image *img);
/* A PXE NBP at 0000:7C00, through the PXE stack bootnet was loaded with. */
int bios_nbp_chain(struct image *img);
/* A multiboot (1) kernel, entered in 32-bit protected mode. */
int bios_multiboot_boot(struct image *img);

#endif
