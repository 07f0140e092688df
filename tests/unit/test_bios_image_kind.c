/* What bootnet on BIOS makes of an image (bios/bios_image_kind.c): Linux
 * before PE (a kernel with an EFI stub is both), EFI programs, broken
 * kernels and multiboot kernels recognised to be refused with a reason,
 * NBPs by name only. */
#include <stdlib.h>
#include <string.h>
#include "../../bios/bios_image_kind.h"
#include "test.h"

static struct image *image_of(const char *name, const uint8_t *bytes, size_t len)
{
	struct image *img = image_new(name);
	if (len)
		image_write(img, 0, bytes, len);
	image_rename(img, name);
	return img;
}

/* A bzImage with an "MZ" in front, as kernels with an EFI stub have. */
static uint8_t *make_kernel(size_t *len)
{
	uint8_t *k = calloc(1, 5 * 512 + 4096);
	*len = 5 * 512 + 4096;
	k[0] = 'M'; k[1] = 'Z';
	k[0x1f1] = 4;
	k[0x1f5] = 1; /* syssize: 256 paragraphs */
	k[0x1fe] = 0x55; k[0x1ff] = 0xaa;
	k[0x200] = 0xeb; k[0x201] = 0x6a;
	memcpy(k + 0x202, "HdrS", 4);
	k[0x206] = 0x0f; k[0x207] = 0x02;
	k[0x211] = 0x01;
	return k;
}

TEST(bios_image_kinds)
{
	size_t len;
	uint8_t *k = make_kernel(&len);
	struct image *img = image_of("vmlinuz", k, len);
	CHECK(bios_image_classify(img) == BIOS_IMAGE_LINUX);
	image_free(img);

	k[0x211] = 0; /* a zImage: claims Linux, refused with the reason */
	img = image_of("zImage", k, len);
	CHECK(bios_image_classify(img) == BIOS_IMAGE_BAD_LINUX);
	image_free(img);
	free(k);

	/* An EFI program is refused on BIOS, whatever its name. */
	uint8_t pe[512] = { 'M', 'Z' };
	pe[0x3c] = 0x80;
	memcpy(pe + 0x80, "PE\0\0", 4);
	img = image_of("grubx64.0", pe, sizeof(pe));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_EFI);
	image_free(img);

	/* Multiboot: magic + flags + checksum == 0, 4-byte aligned, first 8 KiB. */
	uint8_t mb[9000] = { 0 };
	uint32_t h[3] = { 0x1badb002, 0x00000003, (uint32_t)-(0x1badb002 + 3) };
	memcpy(mb + 4096, h, sizeof(h));
	img = image_of("mboot.c32", mb, sizeof(mb));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_MULTIBOOT);
	image_free(img);
	memset(mb, 0, sizeof(mb));
	memcpy(mb + 8192, h, sizeof(h)); /* too far in */
	img = image_of("mboot.c32", mb, sizeof(mb));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_OTHER);
	image_free(img);
	h[2] ^= 1;                       /* bad checksum */
	memcpy(mb + 64, h, sizeof(h));
	img = image_of("mboot.c32", mb, sizeof(mb));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_OTHER);
	image_free(img);

	/* NBPs: no signature, so by name. */
	uint8_t code[64] = { 0xfa, 0xfc, 0xeb, 0xfe };
	img = image_of("pxelinux.0", code, sizeof(code));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_NBP);
	image_free(img);
	img = image_of("bootnet.kpxe", code, sizeof(code));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_NBP);
	image_free(img);
	img = image_of("notes.txt", code, sizeof(code));
	CHECK(bios_image_classify(img) == BIOS_IMAGE_OTHER);
	image_free(img);
	img = image_of("empty.0", code, 0);
	CHECK(bios_image_classify(img) == BIOS_IMAGE_OTHER);
	image_free(img);
}

TEST(bios_nbp_names)
{
	CHECK(bios_image_nbp_name("pxelinux.0") && bios_image_nbp_name("undionly.kpxe"));
	CHECK(bios_image_nbp_name("ipxe.pxe") && bios_image_nbp_name("wdsnbp.com"));
	CHECK(bios_image_nbp_name("x.kkpxe"));
	CHECK(!bios_image_nbp_name(".0") && !bios_image_nbp_name("pxelinux.cfg"));
	CHECK(!bios_image_nbp_name("vmlinuz-6.10") && !bios_image_nbp_name("boot.ipxe"));
}
