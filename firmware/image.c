/* Image storage (one contiguous buffer, grown by doubling when the size
 * was not known in advance) and the list of loaded images. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "image.h"

static struct image *images; /* in load order */

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
	if (len == 0)
		return 0; /* nothing to copy, and a new image has no buffer yet */
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
	image_unregister(img);
	free(img->data);
	free(img->uri);
	free(img->cmdline);
	free(img);
}

void image_register(struct image *img)
{
	struct image **p;
	if (img->registered)
		return;
	struct image *old = image_find(img->name);
	if (old)
		image_free(old);
	for (p = &images; *p; p = &(*p)->next)
		;
	img->next = NULL;
	*p = img;
	img->registered = true;
}

void image_unregister(struct image *img)
{
	for (struct image **p = &images; *p; p = &(*p)->next)
		if (*p == img) {
			*p = img->next;
			break;
		}
	img->next = NULL;
	img->registered = false;
	img->selected = false;
}

struct image *image_first(void)
{
	return images;
}

struct image *image_find(const char *name)
{
	for (struct image *img = images; img; img = img->next)
		if (strcmp(img->name, name) == 0)
			return img;
	return NULL;
}

void image_select(struct image *img)
{
	for (struct image *i = images; i; i = i->next)
		i->selected = false;
	if (img)
		img->selected = true;
}

struct image *image_selected(void)
{
	for (struct image *img = images; img; img = img->next)
		if (img->selected)
			return img;
	return NULL;
}

int image_set_cmdline(struct image *img, const char *cmdline)
{
	char *copy = NULL;
	if (cmdline && !(copy = strdup(cmdline)))
		return -1;
	free(img->cmdline);
	img->cmdline = copy;
	return 0;
}

void image_rename(struct image *img, const char *name)
{
	snprintf(img->name, sizeof(img->name), "%s", name);
}

void image_free_all(void)
{
	while (images)
		image_free(images);
}
