/* What an image is, in words, for imgstat and for error messages. */
#ifndef IMAGE_KIND_H
#define IMAGE_KIND_H

#include <stddef.h>
#include "image.h"

/* "iPXE script", "EFI program (x86_64)", "Linux 6.1.0 (boot protocol
 * 2.15, 64-bit, EFI handover 32/64)", or "data". */
void image_kind_text(const struct image *img, char *buf, size_t size);

#endif
