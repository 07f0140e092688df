/* The Linux zero page (see bzimage_params.h). */
#include <string.h>
#include "bzimage_params.h"
#include "byteorder.h"

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
	put_le32(params + BP_CODE32_START, code32_start);
	put_le32(params + BP_CMD_LINE_PTR, (uint32_t)cmdline);
	put_le32(params + BP_EXT_CMD_LINE_PTR, (uint32_t)(cmdline >> 32));
	put_le32(params + BP_RAMDISK_IMAGE, (uint32_t)ramdisk);
	put_le32(params + BP_EXT_RAMDISK_IMG, (uint32_t)(ramdisk >> 32));
	put_le32(params + BP_RAMDISK_SIZE, (uint32_t)ramdisk_size);
	put_le32(params + BP_EXT_RAMDISK_SIZE, (uint32_t)(ramdisk_size >> 32));
}

#define LOADFLAG_QUIET 0x20

void bzimage_params_set_realmode(uint8_t *setup, uint32_t code32_start, uint16_t heap_end_ptr,
				 uint32_t cmdline, uint32_t ramdisk, uint32_t ramdisk_size)
{
	setup[BP_TYPE_OF_LOADER] = 0xff;
	put_le16(setup + BP_VID_MODE, 0xffff);
	setup[BP_LOADFLAGS] = (uint8_t)((setup[BP_LOADFLAGS] | BZ_CAN_USE_HEAP) & ~LOADFLAG_QUIET);
	put_le16(setup + BP_HEAP_END_PTR, heap_end_ptr);
	put_le32(setup + BP_CODE32_START, code32_start);
	put_le32(setup + BP_CMD_LINE_PTR, cmdline);
	put_le32(setup + BP_RAMDISK_IMAGE, ramdisk);
	put_le32(setup + BP_RAMDISK_SIZE, ramdisk_size);
}

bool bzimage_params_add_e820(uint8_t *params, uint64_t addr, uint64_t size, uint32_t type)
{
	unsigned count = params[BP_E820_ENTRIES];
	uint8_t *last = params + BP_E820_TABLE + 20 * (count ? count - 1 : 0);

	if (size == 0)
		return true;
	if (count && get_le32(last + 16) == type && get_le64(last) + get_le64(last + 8) == addr) {
		put_le64(last + 8, get_le64(last + 8) + size);
		return true;
	}
	if (count >= BP_E820_MAX)
		return false;
	last = params + BP_E820_TABLE + 20 * count;
	put_le64(last, addr);
	put_le64(last + 8, size);
	put_le32(last + 16, type);
	params[BP_E820_ENTRIES] = (uint8_t)(count + 1);
	return true;
}
