/* An image: a downloaded (or embedded) blob with its name and origin. */
#ifndef IMAGE_H
#define IMAGE_H

#include <stddef.h>
#include <stdint.h>

struct image {
	char name[64];     /* the last path segment, unless renamed */
	char *uri;         /* where it came from (heap) */
	uint8_t *data;
	size_t len;        /* bytes held */
	size_t capacity;
};

/* A new, empty image for uri; NULL when out of memory. */
struct image *image_new(const char *uri);
/* Makes room for size bytes in total (when a server says how many). */
int image_reserve(struct image *img, size_t size);
/* Stores data at offset (offsets only grow); 0 or -1 when out of memory. */
int image_write(struct image *img, uint64_t offset, const void *data, size_t len);
void image_free(struct image *img);

#endif
