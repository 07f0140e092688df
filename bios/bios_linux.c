/* Linux on BIOS: a bzImage booted through the x86 boot protocol's
 * real-mode entry (Documentation/arch/x86/boot.rst, protocol 2.02+).
 * bios_linux_layout.c decides where everything goes; here the real-mode
 * setup (which is also the zero page) is copied below 1 MiB and its header
 * filled in, the command line put after its heap, the 32-bit kernel and
 * the initrds copied above 1 MiB; then the network is closed and the
 * setup entered in real mode at setup_seg+0x20:0000, as a boot loader does.
 * The kernel's setup reads the memory map (E820) and switches modes itself. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/bzimage.h"
#include "../firmware/bzimage_params.h"
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "../firmware/image_initrd.h"
#include "../firmware/netdev.h"
#include "bios_linux_layout.h"
#include "bios_loader.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "bios_thunk.h"

#define MAX_RAM_RANGES 64

/* The layout for img in this machine's memory; 0, or -1 having said why. */
static int plan(struct image *img, const struct bzimage_info *bz, const char *cmdline,
		size_t initrd_len, struct linux_layout *l)
{
	static struct mem_range ram[MAX_RAM_RANGES];
	struct linux_layout_request req = {
		.bz = bz, .ram = ram, .own = bios_own_range(),
		.base_free = bios_free_base_memory(),
		.cmdline_len = strlen(cmdline), .initrd_len = initrd_len,
	};
	char why[256];

	req.ram_count = bios_usable_memory(ram, MAX_RAM_RANGES);
	if (req.ram_count > MAX_RAM_RANGES)
		req.ram_count = MAX_RAM_RANGES;
	if (linux_layout_compute(&req, l, why, sizeof(why)) != 0) {
		console_printf("%s: cannot boot this kernel on BIOS: %s\n", img->name, why);
		return -1;
	}
	return 0;
}

/* Copies everything where the layout says. The places are free memory
 * outside bootnet, so nothing of bootnet is touched yet. */
static void place(struct image *img, const struct bzimage_info *bz, const char *cmdline,
		  size_t initrd_len, const struct linux_layout *l)
{
	uint8_t *setup = bios_linear(l->setup);

	memcpy(setup, img->data, bz->setup_size);
	/* boot.rst: heap_end_ptr is the end of heap and stack minus 0x200. */
	bzimage_params_set_realmode(setup, l->kernel, (uint16_t)(l->heap_end - 0x200), l->cmdline,
				    l->initrd, (uint32_t)initrd_len);
	memcpy(bios_linear(l->cmdline), cmdline, strlen(cmdline) + 1);
	memcpy(bios_linear(l->kernel), img->data + bz->setup_size, bz->kernel_size);
	if (initrd_len)
		image_initrd_build(img, bios_linear(l->initrd));
}

int bios_linux_boot(struct image *img)
{
	struct bzimage_info bz;
	enum bz_status status = bzimage_parse(img->data, img->len, &bz);
	struct linux_layout l;
	struct bios_real_entry entry;
	size_t initrd_len;
	char *cmdline, kind[96];

	if (status != BZ_OK) {
		console_printf("%s: %s\n", img->name, bz_status_text(status));
		return -1;
	}
	cmdline = image_cmdline_text(img, false);
	if (!cmdline) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	initrd_len = image_initrd_build(img, NULL);
	if (plan(img, &bz, cmdline, initrd_len, &l) != 0) {
		free(cmdline);
		return -1;
	}
	bzimage_describe(&bz, kind, sizeof(kind));
	console_printf("Booting %s: %s\n  command line: %s\n  initrd: %zu bytes", img->name, kind,
		       cmdline, initrd_len);
	if (initrd_len)
		console_printf(" at 0x%x", (unsigned)l.initrd);
	console_printf("\n  kernel at 0x%x, setup at %04x:0000 (real-mode entry)\n",
		       (unsigned)l.kernel, l.setup_seg);
	place(img, &bz, cmdline, initrd_len, &l);
	free(cmdline);

	/* The NIC goes back to the PXE stack; Linux drives it itself. */
	netdev_close_all();
	memset(&entry, 0, sizeof(entry));
	entry.cs = (uint16_t)(l.setup_seg + 0x20);
	entry.ip = 0;
	entry.ds = entry.es = entry.fs = entry.gs = entry.ss = l.setup_seg;
	entry.sp = l.heap_end;
	bios_real_jump(&entry);
}
