/* The INT 13h drive for a SAN disk (see bios_int13.h): installing the
 * real-mode blob, and the core's side of each call. The blob calls
 * int13_handler() in protected mode with the caller's registers; the
 * transfer goes straight between the iSCSI session and the caller's
 * buffer (the core addresses all memory below 4 GiB, no bounce needed). */
#include <stdio.h>
#include <string.h>
#include "../firmware/byteorder.h"
#include "../firmware/console.h"
#include "../firmware/san.h"
#include "bios_int13.h"
#include "bios_int13_blob.h"
#include "bios_memory.h"
#include "bios_platform.h"
#include "e820_hide.h"
#include "int13_request.h"

#define BDA_BASE_KB 0x413
#define BDA_DISK_STATUS 0x474
#define BDA_DISK_COUNT 0x475
#define BASE_MEMORY_TOP 0xa0000
#define BLOB_AREA_KB 4              /* the blob and the iBFT */
#define SECTOR 512
#define FN_SELF_TEST 0xfa           /* bootnet's own: the round-trip check */

static struct san_disk *served;
static struct int13_blob *blob;
static struct int13_geometry geometry;
static uint8_t last_status;
static uint16_t old_base_kb;
static uint8_t handler_stack[32768] __attribute__((aligned(16)));

static uint8_t *bda8(uint32_t addr) { return bios_linear(addr); }
static uint16_t *bda16(uint32_t addr) { return bios_linear(addr); }
static uint32_t *ivt(uint8_t vector) { return bios_linear((uint32_t)vector * 4); }

unsigned bios_int13_drive_for(unsigned drive)
{
	unsigned natural = *bda8(BDA_DISK_COUNT);
	if (drive >= 0x80 && drive < 0x80 + natural)
		return drive + natural;
	return drive;
}

/* ------------------------------------------------ one call */

static void finish(struct bios_regs *r, uint8_t status)
{
	r->eax = (r->eax & ~0xff00u) | (uint32_t)status << 8;
	if (status)
		r->eflags |= BIOS_CF;
	else
		r->eflags &= ~BIOS_CF;
	last_status = status;
	*bda8(BDA_DISK_STATUS) = status;
}

/* count sectors at lba to or from the linear address buf. */
static uint8_t transfer(bool write, uint64_t lba, uint32_t count, uint64_t buf)
{
	struct san_disk *d = served;
	if (lba > d->block_count || count > d->block_count - lba) {
		console_printf("bootnet: SAN drive 0x%02x: sectors %llu-%llu asked for, the disk has "
			       "%llu\n", d->drive, (unsigned long long)lba,
			       (unsigned long long)(lba + count - 1), (unsigned long long)d->block_count);
		return INT13_SECTOR_NOT_FOUND;
	}
	if (buf + (uint64_t)count * SECTOR > 0x100000000ull) {
		console_printf("bootnet: SAN drive 0x%02x: buffer at 0x%llx lies above 4 GiB\n",
			       d->drive, (unsigned long long)buf);
		return INT13_BAD_COMMAND;
	}
	struct mem_range own = bios_own_range();
	uint64_t end = buf + (uint64_t)count * SECTOR;
	uint64_t low = blob->linear, low_end = ((uint64_t)bios_handover->low_seg << 4) +
					      bios_handover->low_size;
	if ((buf < own.end && end > own.start) || (buf < low_end && end > low)) {
		console_printf("bootnet: SAN drive 0x%02x: refused a transfer to 0x%llx-0x%llx, "
			       "which holds bootnet itself\n", d->drive, (unsigned long long)buf,
			       (unsigned long long)end);
		return INT13_BAD_COMMAND;
	}
	void *p = bios_linear((uint32_t)buf);
	int rc = write ? d->write(d, lba, count, p) : d->read(d, lba, count, p);
	if (rc != 0) {
		console_printf("bootnet: SAN drive 0x%02x: %s of %u sectors at %llu failed: %s\n",
			       d->drive, write ? "write" : "read", (unsigned)count,
			       (unsigned long long)lba, d->error);
		return INT13_CONTROLLER_FAILED;
	}
	return INT13_OK;
}

static void chs_transfer(struct bios_regs *r, bool write)
{
	uint32_t count = r->eax & 0xff;
	uint64_t lba;
	if (count == 0 || !int13_chs_to_lba(&geometry, (uint16_t)r->ecx, (uint8_t)(r->edx >> 8), &lba)) {
		r->eax &= ~0xffu;
		finish(r, count == 0 ? INT13_BAD_COMMAND : INT13_SECTOR_NOT_FOUND);
		return;
	}
	uint8_t status = transfer(write, lba, count, real_linear((uint16_t)r->es, (uint16_t)r->ebx));
	if (status)
		r->eax &= ~0xffu;           /* AL: sectors transferred */
	finish(r, status);
}

static void extended_transfer(struct bios_regs *r, bool write)
{
	uint8_t *p = bios_linear(real_linear(r->ds, (uint16_t)r->esi));
	struct int13_dap dap;
	const char *why;
	if (!int13_dap_parse(p, 24, &dap, &why)) {
		console_printf("bootnet: SAN drive 0x%02x: %s\n", served->drive, why);
		finish(r, INT13_BAD_COMMAND);
		return;
	}
	uint8_t status = dap.count ? transfer(write, dap.lba, dap.count, dap.buffer) : INT13_OK;
	if (status)
		put_le16(p + 2, 0);         /* blocks transferred */
	finish(r, status);
}

static void self_test_echo(struct bios_regs *r)
{
	bool carry = r->eax & 1;
	r->eax = ~r->eax & 0xffff00ffu;     /* AH = 0 */
	r->ebx = ~r->ebx;
	r->ecx = ~r->ecx;
	r->edx = ~r->edx;
	r->esi = ~r->esi;
	r->edi = ~r->edi;
	r->ebp = ~r->ebp;
	r->ds = (uint16_t)~r->ds;
	r->es = (uint16_t)~r->es;
	r->eflags = carry ? BIOS_CF : 0;
}

/* Called by the blob in protected mode, interrupts off. */
static void __attribute__((used)) int13_handler(struct bios_regs *r)
{
	uint8_t fn = (uint8_t)(r->eax >> 8);
	uint16_t cx;
	uint8_t dh;
	if (!served) {
		finish(r, INT13_BAD_COMMAND);
		return;
	}
	switch (fn) {
	case 0x00: case 0x0d: case 0x10: case 0x11:   /* reset, ready, recalibrate */
	case 0x04: case 0x0c: case 0x44: case 0x47:   /* verify, seek */
		finish(r, INT13_OK);
		break;
	case 0x01:
		r->eax = (r->eax & ~0xff00u) | (uint32_t)last_status << 8;
		r->eflags = last_status ? BIOS_CF : 0;
		break;
	case 0x02: case 0x03:
		chs_transfer(r, fn == 0x03);
		break;
	case 0x08:
		int13_chs_params(&geometry, &cx, &dh);
		r->eax &= 0xffff0000u;
		r->ebx &= ~0xffu;
		r->ecx = (r->ecx & 0xffff0000u) | cx;
		r->edx = (r->edx & 0xffff0000u) | (uint32_t)dh << 8 | *bda8(BDA_DISK_COUNT);
		finish(r, INT13_OK);
		break;
	case 0x15: {
		uint64_t n = served->block_count > 0xffffffffu ? 0xffffffffu : served->block_count;
		finish(r, INT13_OK);
		r->eax = (r->eax & ~0xff00u) | 0x0300;   /* AH = 3: a hard disk */
		r->ecx = (r->ecx & 0xffff0000u) | (uint32_t)(n >> 16);
		r->edx = (r->edx & 0xffff0000u) | (uint32_t)(n & 0xffff);
		break;
	}
	case 0x41:
		if ((uint16_t)r->ebx != 0x55aa) {
			finish(r, INT13_BAD_COMMAND);
			break;
		}
		finish(r, INT13_OK);
		r->eax = (r->eax & ~0xff00u) | 0x3000;   /* EDD 3.0 */
		r->ebx = (r->ebx & 0xffff0000u) | 0xaa55;
		r->ecx = (r->ecx & 0xffff0000u) | 0x0001;   /* functions 42h-44h, 47h, 48h */
		break;
	case 0x42: case 0x43:
		extended_transfer(r, fn == 0x43);
		break;
	case 0x48: {
		uint8_t *p = bios_linear(real_linear(r->ds, (uint16_t)r->esi));
		finish(r, int13_edd_params(p, get_le16(p), &geometry, served->block_count,
					   (uint16_t)served->block_size) ? INT13_OK : INT13_BAD_COMMAND);
		break;
	}
	case FN_SELF_TEST:
		self_test_echo(r);
		break;
	default:
		finish(r, INT13_BAD_COMMAND);
		break;
	}
}

/* ------------------------------------------------ installing */

static uint64_t descriptor16(uint32_t base, bool code)
{
	/* 16-bit, 64 KiB limit, present, ring 0: the segments real mode needs. */
	return 0xffffull | (uint64_t)(base & 0xffffff) << 16 | (uint64_t)(code ? 0x9a : 0x92) << 40 |
	     (uint64_t)(base >> 24) << 56;
}

/* The E820 map with bootnet's memory reserved, into the blob; false when
 * it does not fit (INT 15h then passes every call on). */
static bool fill_e820(uint32_t base_low)
{
	struct e820_entry step[INT13_BLOB_E820_MAX];
	const struct e820_entry *raw = bios_linear(bios_handover->e820);
	struct mem_range own = bios_own_range();
	int n = e820_hide(raw, (int)bios_handover->e820_count, base_low, BASE_MEMORY_TOP, step,
			  INT13_BLOB_E820_MAX);
	if (n > 0)   /* whole pages: an OS rounds usable memory to pages anyway */
		n = e820_hide(step, n, own.start & ~0xfffull, (own.end + 0xfff) & ~0xfffull,
			      blob->e820, INT13_BLOB_E820_MAX);
	blob->e820_count = n > 0 ? (uint16_t)n : 0;
	return n > 0;
}

int bios_int13_install(struct san_disk *disk, const uint8_t *ibft, size_t ibft_len)
{
	size_t code_len = (size_t)(int13_blob_end - int13_blob);
	size_t ibft_at = (code_len + 15) & ~(size_t)15;
	uint16_t base_kb = *bda16(BDA_BASE_KB);
	uint32_t linear = ((uint32_t)base_kb - BLOB_AREA_KB) * 1024;

	if (served) {
		snprintf(disk->error, sizeof(disk->error),
			 "bootnet on BIOS serves one SAN drive at a time; drive 0x%02x is attached "
			 "(sanunhook it first)", served->drive);
		return -1;
	}
	if (disk->block_size != SECTOR) {
		snprintf(disk->error, sizeof(disk->error),
			 "the disk has %u-byte blocks; BIOS INT 13h drives need 512-byte sectors",
			 disk->block_size);
		return -1;
	}
	if (ibft_at + ibft_len > BLOB_AREA_KB * 1024 || base_kb < BLOB_AREA_KB ||
	    linear < bios_free_base_memory().start) {
		snprintf(disk->error, sizeof(disk->error),
			 "no room for the INT 13h handler in base memory (%u KiB left)", base_kb);
		return -1;
	}

	blob = bios_linear(linear);
	memset(blob, 0, BLOB_AREA_KB * 1024);
	memcpy(blob, int13_blob, code_len);
	blob->drive = (uint8_t)disk->drive;
	blob->handler = (uint32_t)(uintptr_t)int13_handler;
	blob->stack_top = (uint32_t)(uintptr_t)(handler_stack + sizeof(handler_stack));
	blob->pm_entry_off += linear;
	blob->rm_back_seg = (uint16_t)(linear >> 4);
	blob->linear = linear;
	uint32_t low = (uint32_t)bios_handover->low_seg << 4;
	blob->gdt[3] = descriptor16(low, true);
	blob->gdt[4] = descriptor16(low, false);
	blob->gdt[5] = descriptor16(linear, true);
	blob->gdt[6] = descriptor16(linear, false);
	blob->gdtr_limit = sizeof(blob->gdt) - 1;
	blob->gdtr_base = linear + (uint32_t)offsetof(struct int13_blob, gdt);
	if (!fill_e820(linear))
		console_printf("bootnet: warning: the memory map has too many entries to report "
			       "bootnet's memory as reserved; the OS may overwrite the SAN driver\n");
	if (ibft_len)
		memcpy((uint8_t *)blob + ibft_at, ibft, ibft_len);

	served = disk;
	geometry = (struct int13_geometry){ 0, 0, 0 };
	int13_geometry(disk->block_count, &geometry);
	last_status = 0;
	old_base_kb = base_kb;
	*bda16(BDA_BASE_KB) = (uint16_t)(base_kb - BLOB_AREA_KB);
	/* The vectors last, interrupts off: a far pointer is two words. */
	__asm__ volatile("cli");
	uint32_t old13 = *ivt(0x13), old15 = *ivt(0x15);
	blob->old13_off = (uint16_t)old13;
	blob->old13_seg = (uint16_t)(old13 >> 16);
	blob->old15_off = (uint16_t)old15;
	blob->old15_seg = (uint16_t)(old15 >> 16);
	*ivt(0x13) = (uint32_t)(linear >> 4) << 16 | blob->int13_entry;
	*ivt(0x15) = (uint32_t)(linear >> 4) << 16 | blob->int15_entry;
	if (disk->drive >= 0x80 && disk->drive - 0x80 >= *bda8(BDA_DISK_COUNT))
		*bda8(BDA_DISK_COUNT) = (uint8_t)(disk->drive - 0x80 + 1);
	disk->platform = blob;
	return 0;
}

void bios_int13_uninstall(struct san_disk *disk)
{
	uint32_t seg = blob ? blob->linear >> 4 : 0;
	if (!blob || served != disk)
		return;
	served = NULL;
	disk->platform = NULL;
	blob->drive = 0xff;                 /* pass every drive on from now */
	blob->e820_count = 0;
	if (*ivt(0x13) >> 16 != seg || *ivt(0x15) >> 16 != seg ||
	    *bda16(BDA_BASE_KB) != old_base_kb - BLOB_AREA_KB) {
		console_printf("bootnet: another program hooked INT 13h/15h after bootnet; its "
			       "handler stays in memory, passing every call on\n");
		blob = NULL;
		return;
	}
	*ivt(0x13) = (uint32_t)blob->old13_seg << 16 | blob->old13_off;
	*ivt(0x15) = (uint32_t)blob->old15_seg << 16 | blob->old15_off;
	*bda16(BDA_BASE_KB) = old_base_kb;
	if (disk->drive >= 0x80 && *bda8(BDA_DISK_COUNT) == disk->drive - 0x80 + 1)
		*bda8(BDA_DISK_COUNT) = (uint8_t)(disk->drive - 0x80);
	blob = NULL;
}

bool bios_int13_self_test(char *why, size_t size)
{
	for (int carry = 0; carry < 2; carry++) {
		struct bios_regs in = {
			.eax = 0x1234fa00u | (uint32_t)carry, .ebx = 0x89abcdefu, .ecx = 0x13579bdfu,
			.edx = 0x02468a00u | served->drive, .esi = 0xfedcba98u, .edi = 0x0f1e2d3cu,
			.ebp = 0x55aa33ccu, .ds = 0x1357, .es = 0x2468,
		}, out = in;
		bios_int(0x13, &out);
		struct bios_regs want = in;
		self_test_echo(&want);
		if (out.eax != want.eax || out.ebx != want.ebx || out.ecx != want.ecx ||
		    out.edx != want.edx || out.esi != want.esi || out.edi != want.edi ||
		    out.ebp != want.ebp || out.ds != want.ds || out.es != want.es ||
		    (out.eflags & BIOS_CF) != (want.eflags & BIOS_CF)) {
			snprintf(why, size,
				 "the INT 13h round trip into bootnet changed registers (carry %d): "
				 "eax %08x/%08x ebx %08x/%08x ecx %08x/%08x edx %08x/%08x esi %08x/%08x "
				 "edi %08x/%08x ebp %08x/%08x ds %04x/%04x es %04x/%04x cf %u/%u",
				 carry, (unsigned)out.eax, (unsigned)want.eax, (unsigned)out.ebx,
				 (unsigned)want.ebx, (unsigned)out.ecx, (unsigned)want.ecx,
				 (unsigned)out.edx, (unsigned)want.edx, (unsigned)out.esi,
				 (unsigned)want.esi, (unsigned)out.edi, (unsigned)want.edi,
				 (unsigned)out.ebp, (unsigned)want.ebp, out.ds, want.ds, out.es, want.es,
				 (unsigned)(out.eflags & BIOS_CF), (unsigned)(want.eflags & BIOS_CF));
			return false;
		}
	}
	return true;
}
