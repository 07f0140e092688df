/* newc cpio headers (see cpio.h). A header is "070701" and thirteen
 * 8-digit hex fields, then the name with its NUL, padded so the data
 * starts 4-byte aligned. Linux unpacks every archive it finds in the
 * initrd, so a file with these headers before it needs no trailer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cpio.h"

#define CPIO_HEADER_LEN 110
#define CPIO_MODE_FILE  0100000
#define CPIO_MODE_DIR   0040000

bool cpio_path_from_args(const char *args, char *path, size_t size, unsigned *mode)
{
	bool found = false;
	*mode = CPIO_DEFAULT_MODE;
	if (size)
		path[0] = '\0';
	while (args && *args) {
		size_t n;
		while (*args == ' ')
			args++;
		n = strcspn(args, " ");
		if (n == 0)
			break;
		if (n > 5 && strncmp(args, "mode=", 5) == 0) {
			*mode = (unsigned)strtoul(args + 5, NULL, 8) & 07777;
		} else if (!found && n < size) {
			memcpy(path, args, n);
			path[n] = '\0';
			found = true;
		}
		args += n;
	}
	return found;
}

static size_t pad(size_t len)
{
	return (CPIO_ALIGN - len % CPIO_ALIGN) % CPIO_ALIGN;
}

/* One header for name (name_len bytes, not NUL-terminated). */
static size_t header(const char *name, size_t name_len, unsigned mode, uint32_t file_len,
		     uint8_t *out)
{
	size_t len = CPIO_HEADER_LEN + name_len + 1;
	if (out) {
		char fields[CPIO_HEADER_LEN + 1];
		/* magic, ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
		 * devminor, rdevmajor, rdevminor, namesize, check */
		snprintf(fields, sizeof(fields),
			 "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x", 0u, mode, 0u, 0u,
			 1u, 0u, (unsigned)file_len, 0u, 0u, 0u, 0u, (unsigned)(name_len + 1), 0u);
		memcpy(out, fields, CPIO_HEADER_LEN);
		memcpy(out + CPIO_HEADER_LEN, name, name_len);
		memset(out + CPIO_HEADER_LEN + name_len, 0, 1 + pad(len));
	}
	return len + pad(len);
}

size_t cpio_headers(const char *path, unsigned mode, uint32_t file_len, uint8_t *out)
{
	size_t total = 0;
	const char *p;

	while (*path == '/')
		path++; /* names in the archive are relative to the root */
	if (!*path)
		return 0;
	/* Each parent directory, so the file can be created in it. */
	for (p = strchr(path, '/'); p; p = strchr(p + 1, '/')) {
		if (p[1] == '\0' || p[1] == '/')
			continue;
		total += header(path, (size_t)(p - path), CPIO_MODE_DIR | 0755, 0,
				out ? out + total : NULL);
	}
	total += header(path, strlen(path), CPIO_MODE_FILE | (mode & 07777), file_len,
			out ? out + total : NULL);
	return total;
}
