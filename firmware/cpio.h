/* "newc" cpio headers (the Linux initramfs buffer format) that place a
 * downloaded file at a path of its own in the initramfs: `initrd
 * http://server/e1000.ko /lib/modules/e1000.ko mode=644`, as iPXE does. */
#ifndef CPIO_H
#define CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CPIO_ALIGN 4
#define CPIO_DEFAULT_MODE 0644

/* From an image's arguments (its command line), the path and permission
 * bits it gets in the initramfs: the first word is the path, "mode=NNN"
 * (octal) the mode. false when the arguments name no path (the image is
 * then passed on as it is). */
bool cpio_path_from_args(const char *args, char *path, size_t size, unsigned *mode);

/* The bytes of headers placed before a file of file_len bytes at path:
 * a directory entry for every parent directory, then the file's entry,
 * each name padded to CPIO_ALIGN. Written to out when out is not NULL.
 * 0 when the path is empty. */
size_t cpio_headers(const char *path, unsigned mode, uint32_t file_len, uint8_t *out);

#endif
