/* Images: downloaded (or embedded) blobs with their name, origin and
 * command line, kept in one list in the order they were loaded, as
 * iPXE's `imgstat` shows them. */
#ifndef IMAGE_H
#define IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct image {
	char name[64];     /* the last path segment, unless renamed */
	char *uri;         /* where it came from (heap) */
	uint8_t *data;
	size_t len;        /* bytes held */
	size_t capacity;
	char *cmdline;     /* arguments given to kernel/imgargs (heap), or NULL */
	bool selected;     /* the image `boot` runs */
	bool autofree;     /* freed once it has been run */
	bool registered;   /* in the list below */
	struct image *next;
};

/* A new, empty image for uri; NULL when out of memory. */
struct image *image_new(const char *uri);
/* Makes room for size bytes in total (when a server says how many). */
int image_reserve(struct image *img, size_t size);
/* Stores data at offset (offsets only grow); 0 or -1 when out of memory. */
int image_write(struct image *img, uint64_t offset, const void *data, size_t len);
/* Unregisters (when registered) and frees. NULL is ignored. */
void image_free(struct image *img);

/* The list of loaded images. Registering appends; a name already taken is
 * given to the new image and the old one is freed (iPXE replaces too). */
void image_register(struct image *img);
void image_unregister(struct image *img);
struct image *image_first(void);
struct image *image_find(const char *name);
/* Marks img as the one `boot` runs (no other is then selected). */
void image_select(struct image *img);
struct image *image_selected(void);
/* Replaces the command line (NULL clears it); 0 or -1 when out of memory. */
int image_set_cmdline(struct image *img, const char *cmdline);
/* Renames; the name is cut to fit. */
void image_rename(struct image *img, const char *name);
/* Frees every registered image. */
void image_free_all(void);

#endif
