/* A 64-bit Linux kernel from 32-bit EFI (the 2006-2008 Macs): LoadImage
 * refuses an x86_64 PE on ia32 firmware, but a kernel built with
 * CONFIG_EFI_MIXED has a 32-bit EFI handover entry (boot.rst, "EFI
 * HANDOVER PROTOCOL"). The kernel and its initrd are placed by
 * efi_linux_load.c (the initrd in the zero page's ramdisk fields, which
 * stubs of every age read in this mode; only 5.8+ would find LoadFile2),
 * and the entry at handover_offset is called with (image handle, system
 * table, zero page) while boot services still run: the kernel's stub does
 * the rest. It does not return; if it does, everything is undone. */
#include "../firmware/console.h"
#include "efi_linux.h"

#if defined(__i386__)

typedef void handover_entry(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab, void *boot_params);

int efi_linux_handover(struct image *img)
{
	struct linux_load ld;

	if (efi_linux_load(img, &ld) != 0)
		return -1;
	if (efi_linux_place_initrd(img, &ld) != 0) {
		efi_linux_unload(&ld);
		return -1;
	}
	console_printf("Booting %s through its 32-bit EFI handover entry (64-bit kernel on "
		       "32-bit EFI)\n  command line: %s\n  initrd: %zu bytes\n", img->name,
		       ld.cmdline, (size_t)ld.initrd_len);
	efi_exec_hand_back_network();

	((handover_entry *)(UINTN)(ld.start + ld.bz.handover_offset))(efi_image_handle,
								       efi_systab, ld.params);

	/* Only a kernel that refused to go on comes back. */
	efi_exec_take_network_back();
	efi_linux_unload(&ld);
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
