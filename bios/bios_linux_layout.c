/* Placing a Linux kernel on BIOS (see bios_linux_layout.h).
 *
 *   real-mode setup  lowest free base memory: setup, heap and stack to
 *                    +0xe000 (SP), the command line right after
 *   32-bit kernel    1 MiB (code32_start), or for a relocatable kernel the
 *                    first aligned address above bootnet when 1 MiB is taken
 *   initrds          together, 4 KiB aligned, as high as possible below
 *                    initrd_addr_max, clear of bootnet and of everything
 *                    the kernel uses while it decompresses itself */
#include <stdio.h>
#include "bios_linux_layout.h"

#define MIB            0x100000ull
#define BASE_MEMORY_END 0xa0000ull     /* video memory and ROMs from here */
#define SETUP_MAX      0x8000u         /* boot.rst: the real-mode code fits in 32 KiB */
#define FOUR_GIB       0x100000000ull

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }
static uint64_t align_down(uint64_t v, uint64_t a) { return v / a * a; }

static int overlaps(uint64_t s, uint64_t e, struct mem_range r)
{
	return s < r.end && r.start < e;
}

/* [s, e) lies inside one range of usable RAM. */
static int in_ram(const struct linux_layout_request *req, uint64_t s, uint64_t e)
{
	for (int i = 0; i < req->ram_count; i++)
		if (req->ram[i].start <= s && e <= req->ram[i].end)
			return 1;
	return 0;
}

/* The end of what a kernel loaded at load uses: its own bytes, and the
 * init_size bytes it decompresses into at its run address (pref_address,
 * or the aligned load address when relocatable and higher). Kernels
 * before protocol 2.10 do not say; four times the compressed size is a
 * generous guess for them. */
static uint64_t kernel_end_at(const struct bzimage_info *bz, uint64_t load)
{
	uint64_t align = bz->kernel_alignment > 4096 ? bz->kernel_alignment : 4096;
	uint64_t run = bz->pref_address ? bz->pref_address : LINUX_KERNEL_LOW;
	uint64_t init = bz->init_size ? bz->init_size : 4ull * bz->kernel_size;
	uint64_t end = load + bz->kernel_size;

	if (bz->relocatable && align_up(load, align) > run)
		run = align_up(load, align);
	if (run + init > end)
		end = run + init;
	return end;
}

static int kernel_fits(const struct linux_layout_request *req, uint64_t load)
{
	uint64_t end = kernel_end_at(req->bz, load);
	return end <= FOUR_GIB && in_ram(req, load, end) && !overlaps(load, end, req->own);
}

static int place_setup(const struct linux_layout_request *req, struct linux_layout *out,
		       char *why, size_t why_size)
{
	uint64_t setup = align_up(req->base_free.start, 16);
	uint64_t top = req->base_free.end < BASE_MEMORY_END ? req->base_free.end : BASE_MEMORY_END;
	uint64_t need = LINUX_HEAP_END + req->cmdline_len + 1;

	if (req->bz->setup_size > SETUP_MAX) {
		snprintf(why, why_size, "its real-mode setup is %zu bytes, more than the %u the "
			 "boot protocol allows", req->bz->setup_size, SETUP_MAX);
		return -1;
	}
	if (setup + need > top) {
		snprintf(why, why_size, "its setup, heap and command line need %llu bytes of base "
			 "memory; only %llu are free (0x%llx-0x%llx)", (unsigned long long)need,
			 (unsigned long long)(top > setup ? top - setup : 0),
			 (unsigned long long)req->base_free.start, (unsigned long long)top);
		return -1;
	}
	out->setup = (uint32_t)setup;
	out->setup_seg = (uint16_t)(setup >> 4);
	out->heap_end = LINUX_HEAP_END;
	out->cmdline = (uint32_t)(setup + LINUX_HEAP_END);
	return 0;
}

static int place_kernel(const struct linux_layout_request *req, struct linux_layout *out,
			char *why, size_t why_size)
{
	const struct bzimage_info *bz = req->bz;
	uint64_t align = bz->kernel_alignment > 4096 ? bz->kernel_alignment : 4096;
	uint64_t load = LINUX_KERNEL_LOW, end = kernel_end_at(bz, load);

	if (!kernel_fits(req, load) && bz->relocatable) {
		uint64_t above = align_up(req->own.end, align);
		if (kernel_fits(req, above))
			load = above;
	}
	if (kernel_fits(req, load)) {
		out->kernel = (uint32_t)load;
		out->kernel_end = kernel_end_at(bz, load);
		return 0;
	}
	if (overlaps(load, end, req->own))
		snprintf(why, why_size, "bootnet itself occupies 0x%llx-0x%llx, where the kernel "
			 "must go (0x%llx-0x%llx with its decompression)%s",
			 (unsigned long long)req->own.start, (unsigned long long)req->own.end,
			 (unsigned long long)load, (unsigned long long)end,
			 bz->relocatable ? ", and there is no room above bootnet either" : "");
	else
		snprintf(why, why_size, "the kernel needs 0x%llx-0x%llx (%llu MiB with its "
			 "decompression) and that is not all usable RAM: too little memory",
			 (unsigned long long)load, (unsigned long long)end,
			 (unsigned long long)((end - load + MIB - 1) / MIB));
	return -1;
}

/* The highest 4 KiB-aligned start for len bytes in [s, e) clear of
 * bootnet and the kernel; 0 when there is none. */
static uint64_t highest_fit(const struct linux_layout_request *req, const struct linux_layout *l,
			    uint64_t s, uint64_t e, uint64_t len)
{
	struct mem_range kernel = { l->kernel, l->kernel_end };
	uint64_t top = e;

	while (top >= s + len) {
		uint64_t at = align_down(top - len, 4096);
		if (at < s)
			return 0;
		if (overlaps(at, at + len, req->own))
			top = req->own.start;
		else if (overlaps(at, at + len, kernel))
			top = kernel.start;
		else
			return at;
	}
	return 0;
}

static int place_initrd(const struct linux_layout_request *req, struct linux_layout *out,
			char *why, size_t why_size)
{
	uint64_t limit = (uint64_t)req->bz->initrd_addr_max + 1, best = 0;

	out->initrd = 0;
	if (req->initrd_len == 0)
		return 0;
	if (limit > FOUR_GIB)
		limit = FOUR_GIB;
	for (int i = 0; i < req->ram_count; i++) {
		uint64_t s = req->ram[i].start > MIB ? req->ram[i].start : MIB;
		uint64_t e = req->ram[i].end < limit ? req->ram[i].end : limit;
		uint64_t at = s < e ? highest_fit(req, out, s, e, req->initrd_len) : 0;
		if (at > best)
			best = at;
	}
	if (!best) {
		snprintf(why, why_size, "no room for the %zu-byte initrd below 0x%llx (the kernel's "
			 "initrd_addr_max) outside the kernel (up to 0x%llx) and bootnet "
			 "(0x%llx-0x%llx)", req->initrd_len, (unsigned long long)limit,
			 (unsigned long long)out->kernel_end, (unsigned long long)req->own.start,
			 (unsigned long long)req->own.end);
		return -1;
	}
	out->initrd = (uint32_t)best;
	return 0;
}

int linux_layout_compute(const struct linux_layout_request *req, struct linux_layout *out,
			 char *why, size_t why_size)
{
	const struct bzimage_info *bz = req->bz;

	if (bz->version < 0x0202) {
		snprintf(why, why_size, "it speaks boot protocol %u.%02u; bootnet needs 2.02 or "
			 "later, which takes the command line at any address",
			 bz->version >> 8, bz->version & 0xff);
		return -1;
	}
	if (req->cmdline_len > bz->cmdline_size) {
		snprintf(why, why_size, "the command line is %zu bytes; this kernel takes at most %u",
			 req->cmdline_len, bz->cmdline_size);
		return -1;
	}
	if (place_setup(req, out, why, why_size) != 0 || place_kernel(req, out, why, why_size) != 0)
		return -1;
	return place_initrd(req, out, why, why_size);
}
