/* The command line an executed image receives. Scripts are UTF-8; EFI
 * load options are UCS-2, so the text is converted on the way. */
#ifndef IMAGE_CMDLINE_H
#define IMAGE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "image.h"

/* The text handed to img: its arguments exactly as the script wrote them
 * (a Linux kernel reads its command line from it), preceded by the image
 * name and a space when with_name (as a shell starts argv with the
 * program, which EFI programs such as the EFI shell expect). Heap string,
 * or NULL when out of memory. */
char *image_cmdline_text(const struct image *img, bool with_name);

/* Converts UTF-8 text to UCS-2 with a terminating 0 in out (max units,
 * including the 0). Characters outside the Basic Multilingual Plane and
 * malformed bytes become U+FFFD. Returns the units needed without the 0,
 * which may exceed max - 1: call with max 0 to measure. */
size_t utf8_to_ucs2(const char *text, uint16_t *out, size_t max);

#endif
