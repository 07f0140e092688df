/* Image storage: one contiguous buffer, grown by doubling when the size
 * was not known in advance. */
#include <stdlib.h>
#include <string.h>
#include "image.h"

struct image *image_new(const char *uri)
{
	struct image *img = calloc(1, sizeof(*img));
	const char *name, *end;
	if (!img)
		return NULL;
	img->uri = strdup(uri);
	if (!img->uri) {
		free(img);
		return NULL;
	}
	/* The name is the last path segment, without query or fragment. */
	end = uri + strcspn(uri, "?#");
	name = end;
	while (name > uri && name[-1] != '/' && name[-1] != ':')
		name--;
	size_t n = (size_t)(end - name) < sizeof(img->name) - 1 ? (size_t)(end - name)
								    : sizeof(img->name) - 1;
	memcpy(img->name, name, n);
	img->name[n] = '\0';
	return img;
}

int image_reserve(struct image *img, size_t size)
{
	uint8_t *data;
	if (size <= img->capacity)
		return 0;
	data = realloc(img->data, size);
	if (!data)
		return -1;
	img->data = data;
	img->capacity = size;
	return 0;
}

int image_write(struct image *img, uint64_t offset, const void *data, size_t len)
{
	uint64_t end = offset + len;
	if (end > SIZE_MAX)
		return -1;
	if (end > img->capacity) {
		size_t grow = img->capacity ? img->capacity : 64 * 1024;
		while (grow < end)
			grow *= 2;
		if (image_reserve(img, grow) != 0)
			return -1;
	}
	memcpy(img->data + offset, data, len);
	if (end > img->len)
		img->len = (size_t)end;
	return 0;
}

void image_free(struct image *img)
{
	if (!img)
		return;
	free(img->data);
	free(img->uri);
	free(img);
}
