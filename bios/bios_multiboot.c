/* Multiboot 1 kernels on BIOS: the segments copied to their physical
 * addresses, every other loaded image (scripts aside) passed as a module
 * right after the kernel, the information structure after those
 * (multiboot.c decides all of it); then the kernel entered as the
 * specification asks: 32-bit protected mode with bootnet's flat segments,
 * paging off, interrupts off, EAX = 0x2BADB002, EBX = the information. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "../firmware/image_initrd.h"
#include "../firmware/netdev.h"
#include "bios_loader.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "multiboot.h"

#define MAX_MODULES 16
#define MAX_RAM_RANGES 64

struct mb_boot {
	struct mb_kernel kernel;
	struct mem_range ram[MAX_RAM_RANGES];
	struct image *module_images[MAX_MODULES];
	struct mb_module modules[MAX_MODULES];
	uint32_t module_len[MAX_MODULES];
	struct mb_info_request info;
	uint32_t info_addr;
};

/* The other images become modules, each named with its arguments. */
static int collect_modules(struct image *img, struct mb_boot *b)
{
	for (struct image *m = image_first(); m; m = m->next) {
		int n = b->info.module_count;
		if (!image_is_initrd(m, img))
			continue;
		if (n == MAX_MODULES) {
			console_printf("%s: more than %d modules loaded\n", img->name, MAX_MODULES);
			return -1;
		}
		b->module_images[n] = m;
		b->modules[n].string = image_cmdline_text(m, true);
		b->modules[n].len = b->module_len[n] = (uint32_t)m->len;
		if (!b->modules[n].string) {
			console_printf("%s: out of memory for the module list\n", img->name);
			return -1;
		}
		b->info.module_count = n + 1;
	}
	return 0;
}

/* Everything decided, nothing copied yet; 0 or -1 having said why. */
static int plan(struct image *img, struct mb_boot *b)
{
	char why[200];
	int count;

	if (mb_kernel_parse(img->data, img->len, &b->kernel, why, sizeof(why)) != 0) {
		console_printf("%s: cannot boot this multiboot kernel: %s\n", img->name, why);
		return -1;
	}
	b->info.modules = b->modules;
	b->info.loader_name = "bootnet";
	b->info.cmdline = image_cmdline_text(img, true);
	if (!b->info.cmdline) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	if (collect_modules(img, b) != 0)
		return -1;
	count = bios_usable_memory(b->ram, MAX_RAM_RANGES);
	b->info.ram = b->ram;
	b->info.ram_count = count < MAX_RAM_RANGES ? count : MAX_RAM_RANGES;
	mb_memory_sizes(b->ram, b->info.ram_count, &b->info.mem_lower_kb, &b->info.mem_upper_kb);
	uint32_t starts[MAX_MODULES];
	if (mb_layout(&b->kernel, b->ram, b->info.ram_count, bios_own_range(), b->module_len,
		      b->info.module_count, mb_info_build(&b->info, NULL, 0), starts,
		      &b->info_addr, why, sizeof(why)) != 0) {
		console_printf("%s: cannot boot this multiboot kernel: %s\n", img->name, why);
		return -1;
	}
	for (int i = 0; i < b->info.module_count; i++)
		b->modules[i].start = starts[i];
	return 0;
}

static void release(struct mb_boot *b)
{
	free((char *)b->info.cmdline);
	for (int i = 0; i < b->info.module_count; i++)
		free((char *)b->modules[i].string);
	free(b);
}

int bios_multiboot_boot(struct image *img)
{
	struct mb_boot *b = calloc(1, sizeof(*b));

	if (!b) {
		console_printf("%s: out of memory\n", img->name);
		return -1;
	}
	if (plan(img, b) != 0) {
		release(b);
		return -1;
	}
	console_printf("Booting %s: multiboot kernel, entry 0x%x, %d module%s\n  command line: %s\n",
		       img->name, b->kernel.entry, b->info.module_count,
		       b->info.module_count == 1 ? "" : "s", b->info.cmdline);
	netdev_close_all();

	/* All of it goes to free memory outside bootnet (mb_layout checked). */
	for (int i = 0; i < b->kernel.segment_count; i++) {
		const struct mb_segment *s = &b->kernel.segments[i];
		uint8_t *dest = bios_linear(s->dest);
		memcpy(dest, img->data + s->file_offset, s->file_size);
		memset(dest + s->file_size, 0, s->mem_size - s->file_size);
	}
	for (int i = 0; i < b->info.module_count; i++)
		memcpy(bios_linear(b->modules[i].start), b->module_images[i]->data,
		       b->modules[i].len);
	mb_info_build(&b->info, bios_linear(b->info_addr), b->info_addr);

	/* bootnet's segments are already flat 32-bit (base 0, 4 GiB limit). */
	__asm__ volatile("cli\n\t"
			 "jmp *%2"
			 : : "a"(MB_BOOTLOADER_MAGIC), "b"(b->info_addr), "r"(b->kernel.entry)
			 : "memory");
	__builtin_unreachable();
}
