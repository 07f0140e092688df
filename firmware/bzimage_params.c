/* The Linux zero page (see bzimage_params.h). */
#include <string.h>
#include "bzimage_params.h"

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get64((const uint8_t[8]){ p[0], p[1], p[2], p[3] });
}

void bzimage_params_init(uint8_t *params, const uint8_t *kernel)
{
	/* The header runs from 0x1f1 to where the jump at 0x200 lands;
	 * bzimage_parse checked that it lies inside the image. */
	size_t header_len = 0x202 + kernel[0x201] - BZ_SETUP_HEADER_OFFSET;
	memset(params, 0, BZ_BOOT_PARAMS_SIZE);
	memcpy(params + BZ_SETUP_HEADER_OFFSET, kernel + BZ_SETUP_HEADER_OFFSET, header_len);
	params[BP_TYPE_OF_LOADER] = 0xff;
}

void bzimage_params_set(uint8_t *params, uint32_t code32_start, uint64_t cmdline,
			uint64_t ramdisk, uint64_t ramdisk_size)
{
	put32(params + BP_CODE32_START, code32_start);
	put32(params + BP_CMD_LINE_PTR, (uint32_t)cmdline);
	put32(params + BP_EXT_CMD_LINE_PTR, (uint32_t)(cmdline >> 32));
	put32(params + BP_RAMDISK_IMAGE, (uint32_t)ramdisk);
	put32(params + BP_EXT_RAMDISK_IMG, (uint32_t)(ramdisk >> 32));
	put32(params + BP_RAMDISK_SIZE, (uint32_t)ramdisk_size);
	put32(params + BP_EXT_RAMDISK_SIZE, (uint32_t)(ramdisk_size >> 32));
}

bool bzimage_params_add_e820(uint8_t *params, uint64_t addr, uint64_t size, uint32_t type)
{
	unsigned count = params[BP_E820_ENTRIES];
	uint8_t *last = params + BP_E820_TABLE + 20 * (count ? count - 1 : 0);

	if (size == 0)
		return true;
	if (count && get32(last + 16) == type && get64(last) + get64(last + 8) == addr) {
		put64(last + 8, get64(last + 8) + size);
		return true;
	}
	if (count >= BP_E820_MAX)
		return false;
	last = params + BP_E820_TABLE + 20 * count;
	put64(last, addr);
	put64(last + 8, size);
	put32(last + 16, type);
	params[BP_E820_ENTRIES] = (uint8_t)(count + 1);
	return true;
}
