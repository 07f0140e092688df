/* Linux setup header parsing (see bzimage.h). Offsets are those of
 * boot.rst, relative to the start of the image (the boot sector). */
#include <stdio.h>
#include <string.h>
#include "bzimage.h"
#include "byteorder.h"

#define OFF_SETUP_SECTS    0x1f1
#define OFF_SYSSIZE        0x1f4
#define OFF_BOOT_FLAG      0x1fe
#define OFF_JUMP           0x200
#define OFF_HEADER         0x202
#define OFF_VERSION        0x206
#define OFF_KERNEL_VERSION 0x20e
#define OFF_LOADFLAGS      0x211
#define OFF_CODE32_START   0x214
#define OFF_INITRD_MAX     0x22c
#define OFF_KERNEL_ALIGN   0x230
#define OFF_RELOCATABLE    0x234
#define OFF_XLOADFLAGS     0x236
#define OFF_CMDLINE_SIZE   0x238
#define OFF_PREF_ADDRESS   0x258
#define OFF_INIT_SIZE      0x260
#define OFF_HANDOVER       0x264

/* The kernel_version field points (from 0x200) to a NUL-terminated string
 * inside the setup code; kept only if it ends there (cut to fit). */
static void read_kernel_version(const uint8_t *d, struct bzimage_info *info)
{
	uint16_t ptr = get_le16(d + OFF_KERNEL_VERSION);
	size_t at = 0x200 + (size_t)ptr, n = 0;

	info->kernel_version[0] = '\0';
	if (ptr == 0)
		return;
	while (at + n < info->setup_size && d[at + n])
		n++;
	if (at + n >= info->setup_size)
		return;
	if (n > sizeof(info->kernel_version) - 1)
		n = sizeof(info->kernel_version) - 1;
	memcpy(info->kernel_version, d + at, n);
	info->kernel_version[n] = '\0';
}

enum bz_status bzimage_parse(const void *data, size_t len, struct bzimage_info *info)
{
	const uint8_t *d = data;
	size_t header_end;

	memset(info, 0, sizeof(*info));
	if (len < OFF_BOOT_FLAG + 2 || get_le16(d + OFF_BOOT_FLAG) != 0xaa55)
		return BZ_NOT_LINUX;
	if (len < OFF_VERSION + 2 || memcmp(d + OFF_HEADER, "HdrS", 4) != 0)
		return BZ_NOT_LINUX;
	info->version = get_le16(d + OFF_VERSION);
	if (info->version < 0x0200)
		return BZ_TOO_OLD;

	/* The header ends where the jump at 0x200 lands; later fields are
	 * only there if the header reaches them. */
	header_end = 0x202 + d[OFF_JUMP + 1];
	info->setup_sects = d[OFF_SETUP_SECTS] ? d[OFF_SETUP_SECTS] : 4;
	info->setup_size = (info->setup_sects + 1) * 512;
	/* A header that ends before its own version field is not one. */
	if (len < info->setup_size || header_end > info->setup_size ||
	    header_end < OFF_VERSION + 2)
		return BZ_TRUNCATED;
	info->kernel_size = len - info->setup_size;
	if (info->kernel_size == 0 || (uint64_t)get_le32(d + OFF_SYSSIZE) * 16 > info->kernel_size)
		return BZ_TRUNCATED;

	info->loadflags = d[OFF_LOADFLAGS];
	info->code32_start = get_le32(d + OFF_CODE32_START);
	if (!(info->loadflags & BZ_LOADED_HIGH))
		return BZ_NOT_BZIMAGE;
	info->initrd_addr_max = 0x37ffffff;
	info->cmdline_size = 255;
	if (info->version >= 0x0203 && header_end >= OFF_INITRD_MAX + 4)
		info->initrd_addr_max = get_le32(d + OFF_INITRD_MAX);
	if (info->version >= 0x0205 && header_end >= OFF_RELOCATABLE + 1) {
		info->kernel_alignment = get_le32(d + OFF_KERNEL_ALIGN);
		info->relocatable = d[OFF_RELOCATABLE] != 0;
	}
	if (info->version >= 0x0206 && header_end >= OFF_CMDLINE_SIZE + 4)
		info->cmdline_size = get_le32(d + OFF_CMDLINE_SIZE);
	if (info->version >= 0x020a && header_end >= OFF_INIT_SIZE + 4) {
		info->pref_address = get_le64(d + OFF_PREF_ADDRESS);
		info->init_size = get_le32(d + OFF_INIT_SIZE);
	}
	if (info->version >= 0x020b && header_end >= OFF_HANDOVER + 4)
		info->handover_offset = get_le32(d + OFF_HANDOVER);
	if (info->version >= 0x020c && header_end >= OFF_XLOADFLAGS + 2)
		info->xloadflags = get_le16(d + OFF_XLOADFLAGS);
	read_kernel_version(d, info);
	return BZ_OK;
}

const char *bz_status_text(enum bz_status status)
{
	switch (status) {
	case BZ_OK: return "a Linux kernel";
	case BZ_NOT_LINUX: return "not a Linux kernel (no boot sector signature or no \"HdrS\")";
	case BZ_TRUNCATED: return "a Linux kernel cut short (shorter than its setup header says)";
	case BZ_TOO_OLD: return "a Linux kernel older than boot protocol 2.00";
	case BZ_NOT_BZIMAGE: return "a zImage (a kernel loaded below 1 MiB), not a bzImage";
	}
	return "?";
}

bool bzimage_is_64bit(const struct bzimage_info *info)
{
	return (info->xloadflags & BZ_XLF_KERNEL_64) != 0;
}

bool bzimage_has_handover(const struct bzimage_info *info, int efi_bits)
{
	if (info->version < 0x020b || info->handover_offset == 0)
		return false;
	/* 2.11 kernels have the entry but no flags saying for which firmware
	 * word size: assume it fits (they also carry an EFI stub, tried first). */
	if (info->version < 0x020c)
		return true;
	return (info->xloadflags & (efi_bits == 64 ? BZ_XLF_EFI_HANDOVER_64 :
				    BZ_XLF_EFI_HANDOVER_32)) != 0;
}

void bzimage_describe(const struct bzimage_info *info, char *buf, size_t size)
{
	const char *handover = bzimage_has_handover(info, 32) ?
		(bzimage_has_handover(info, 64) ? ", EFI handover 32/64" : ", EFI handover 32") :
		(bzimage_has_handover(info, 64) ? ", EFI handover 64" : "");
	char version[40];
	size_t n = strcspn(info->kernel_version, " ");

	snprintf(version, sizeof(version), "%.*s", (int)n, info->kernel_version);
	snprintf(buf, size, "Linux%s%s (boot protocol %u.%02u, %s%s)", n ? " " : "", version,
		 info->version >> 8, info->version & 0xff,
		 bzimage_is_64bit(info) ? "64-bit" : "32-bit entry", handover);
}
