/* The initrd a Linux kernel is given: the other registered images, one
 * after the other, as the platform hands them over (EFI: LoadFile2 on the
 * Linux initrd device path). */
#ifndef IMAGE_INITRD_H
#define IMAGE_INITRD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "image.h"

/* Whether img goes into the initrd of kernel: every registered image but
 * the kernel itself and scripts. */
bool image_is_initrd(const struct image *img, const struct image *kernel);

/* Builds the initrd: each image starts 4-byte aligned (zeros between);
 * one given a path (`initrd URI /etc/x mode=600`, or a name with a "/")
 * is preceded by cpio headers that put it there. Returns the length;
 * writes into out when it is not NULL (out holds that many bytes). */
size_t image_initrd_build(const struct image *kernel, uint8_t *out);

#endif
