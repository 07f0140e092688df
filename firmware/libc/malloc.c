/* malloc and friends over the platform's pool allocator.
 * A small header keeps each block's size so realloc can copy it. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../platform.h"

struct block_header {
	size_t size;
	size_t pad; /* keeps the payload 16-byte aligned */
};

void *malloc(size_t size)
{
	struct block_header *h;
	if (size > SIZE_MAX - sizeof(*h))
		return NULL;
	h = platform_alloc(sizeof(*h) + size);
	if (!h)
		return NULL;
	h->size = size;
	return h + 1;
}

void free(void *ptr)
{
	if (ptr)
		platform_free((struct block_header *)ptr - 1);
}

void *calloc(size_t count, size_t size)
{
	void *p;
	if (size && count > SIZE_MAX / size)
		return NULL;
	p = malloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	void *p;
	size_t old;
	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return NULL;
	}
	p = malloc(size);
	if (!p)
		return NULL;
	old = ((struct block_header *)ptr - 1)->size;
	memcpy(p, ptr, old < size ? old : size);
	free(ptr);
	return p;
}
