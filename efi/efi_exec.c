/* platform_image_probe/exec on EFI: what can be started, and how.
 *   an EFI program for this firmware's architecture (a Linux kernel with
 *     an EFI stub is one) -> LoadImage/StartImage (efi_exec_start.c);
 *   a 64-bit Linux kernel on 32-bit EFI (2006-2008 Macs) -> the kernel's
 *     EFI handover entry (efi_linux_handover.c);
 *   a Linux kernel without an EFI stub -> the x86 boot protocol after
 *     ExitBootServices (efi_linux_legacy.c);
 *   anything else -> a sentence saying why not. */
#include <stdlib.h>
#include "../firmware/bzimage.h"
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "../firmware/image_initrd.h"
#include "../firmware/netdev.h"
#include "../firmware/pe_image.h"
#include "../firmware/platform.h"
#include "efi_exec.h"

#define EFI_BITS ((int)sizeof(UINTN) * 8)

bool platform_image_probe(const struct image *img)
{
	struct pe_info pe;
	struct bzimage_info bz;
	/* Anything that claims to be either, so a broken one is explained. */
	return pe_image_parse(img->data, img->len, &pe) != PE_NOT_PE ||
	       bzimage_parse(img->data, img->len, &bz) != BZ_NOT_LINUX;
}

const char *platform_image_kinds(void)
{
	return "an EFI program or a Linux kernel";
}

/* Network devices bootnet opened go back to the firmware before another
 * program runs (an OS driver must find the NIC as the firmware left it);
 * those are opened again if it returns. */
#define MAX_HANDED_BACK 16
static struct netdev *handed_back[MAX_HANDED_BACK];
static int handed_back_count;

void efi_exec_hand_back_network(void)
{
	handed_back_count = 0;
	for (struct netdev *dev = netdev_first(); dev; dev = dev->next)
		if (dev->is_open && handed_back_count < MAX_HANDED_BACK)
			handed_back[handed_back_count++] = dev;
	netdev_close_all();
}

void efi_exec_take_network_back(void)
{
	for (int i = 0; i < handed_back_count; i++)
		if (netdev_open(handed_back[i]) != 0)
			console_printf("%s: cannot open it again: %s\n", handed_back[i]->name,
				       handed_back[i]->error);
	handed_back_count = 0;
}

static int run_efi_program(struct image *img, bool is_linux, const struct bzimage_info *bz)
{
	char *cmdline = image_cmdline_text(img, !is_linux);
	size_t initrd_len = is_linux ? image_initrd_build(img, NULL) : 0;
	EFI_STATUS status;
	int rc;

	if (!cmdline) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	if (is_linux) {
		char kind[96];
		bzimage_describe(bz, kind, sizeof(kind));
		console_printf("Booting %s: %s\n  command line: %s\n  initrd: %zu bytes\n",
			       img->name, kind, cmdline, initrd_len);
		status = efi_initrd_install(img);
		if (status != EFI_SUCCESS)
			console_printf("%s: cannot offer the initrd through LoadFile2 (%s); only "
				       "initrd=NAME on the command line will find it\n", img->name,
				       efi_strerror(status));
	}
	efi_exec_hand_back_network();
	rc = efi_exec_start(img, cmdline);
	efi_exec_take_network_back();
	if (is_linux)
		efi_initrd_uninstall();
	free(cmdline);
	return rc;
}

int platform_image_exec(struct image *img)
{
	struct pe_info pe;
	struct bzimage_info bz;
	enum pe_status pe_status = pe_image_parse(img->data, img->len, &pe);
	enum bz_status bz_status = bzimage_parse(img->data, img->len, &bz);
	bool is_linux = bz_status == BZ_OK;
	char why[256];

	if (pe_status == PE_OK &&
	    pe_check_runnable(&pe, platform_arch(), img->name, why, sizeof(why)) == 0)
		return run_efi_program(img, is_linux, &bz);
	if (is_linux && bzimage_is_64bit(&bz) && EFI_BITS == 32 &&
	    bzimage_has_handover(&bz, EFI_BITS))
		return efi_linux_handover(img);
	/* No EFI entry this firmware can use: the plain x86 boot protocol
	 * (whose 32-bit entry also starts 64-bit kernels). */
	if (is_linux && (pe_status != PE_OK || EFI_BITS == 32))
		return efi_linux_legacy(img);

	if (pe_status == PE_OK) {
		console_printf("%s\n", why);
	} else if (bz_status != BZ_NOT_LINUX) {
		console_printf("%s: %s\n", img->name, bz_status_text(bz_status));
	} else {
		console_printf("%s: %s\n", img->name, pe_status_text(pe_status));
	}
	return -1;
}
