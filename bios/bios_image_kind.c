/* Image kinds on BIOS (see bios_image_kind.h). */
#include <string.h>
#include "../firmware/byteorder.h"
#include "../firmware/bzimage.h"
#include "../firmware/pe_image.h"
#include "bios_image_kind.h"

#define MULTIBOOT_MAGIC  0x1badb002u
#define MULTIBOOT_SEARCH 8192

/* The multiboot specification: a 4-byte aligned header in the first
 * 8192 bytes whose magic, flags and checksum add up to zero. */
static bool has_multiboot_header(const struct image *img)
{
	for (size_t at = 0; at + 12 <= img->len && at < MULTIBOOT_SEARCH; at += 4) {
		const uint8_t *h = img->data + at;
		if (get_le32(h) == MULTIBOOT_MAGIC &&
		    (uint32_t)(get_le32(h) + get_le32(h + 4) + get_le32(h + 8)) == 0)
			return true;
	}
	return false;
}

bool bios_image_nbp_name(const char *name)
{
	static const char *const extensions[] = { ".0", ".pxe", ".kpxe", ".kkpxe", ".com" };
	size_t len = strlen(name);

	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
		size_t n = strlen(extensions[i]);
		if (len > n && strcmp(name + len - n, extensions[i]) == 0)
			return true;
	}
	return false;
}

enum bios_image_kind bios_image_classify(const struct image *img)
{
	struct bzimage_info bz;
	struct pe_info pe;
	enum bz_status bz_status = bzimage_parse(img->data, img->len, &bz);

	if (bz_status == BZ_OK)
		return BIOS_IMAGE_LINUX;
	if (bz_status != BZ_NOT_LINUX)
		return BIOS_IMAGE_BAD_LINUX;
	if (pe_image_parse(img->data, img->len, &pe) != PE_NOT_PE)
		return BIOS_IMAGE_EFI;
	if (has_multiboot_header(img))
		return BIOS_IMAGE_MULTIBOOT;
	if (img->len > 0 && bios_image_nbp_name(img->name))
		return BIOS_IMAGE_NBP;
	return BIOS_IMAGE_OTHER;
}
