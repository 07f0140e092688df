/* The initrd of a Linux kernel (see image_initrd.h). */
#include <stdio.h>
#include <string.h>
#include "cpio.h"
#include "image_initrd.h"
#include "script.h"

bool image_is_initrd(const struct image *img, const struct image *kernel)
{
	return img != kernel && img->registered && !script_probe(img);
}

/* The path an image is given in the initramfs, if any. */
static bool initrd_path(const struct image *img, char *path, size_t size, unsigned *mode)
{
	if (cpio_path_from_args(img->cmdline, path, size, mode))
		return true;
	if (strchr(img->name, '/')) {
		snprintf(path, size, "%s", img->name);
		return true;
	}
	return false;
}

size_t image_initrd_build(const struct image *kernel, uint8_t *out)
{
	size_t len = 0;
	for (const struct image *img = image_first(); img; img = img->next) {
		char path[256];
		unsigned mode;
		size_t pad = (CPIO_ALIGN - len % CPIO_ALIGN) % CPIO_ALIGN;

		if (!image_is_initrd(img, kernel))
			continue;
		if (out)
			memset(out + len, 0, pad);
		len += pad;
		if (initrd_path(img, path, sizeof(path), &mode))
			len += cpio_headers(path, mode, (uint32_t)img->len, out ? out + len : NULL);
		if (out)
			memcpy(out + len, img->data, img->len);
		len += img->len;
	}
	return len;
}
