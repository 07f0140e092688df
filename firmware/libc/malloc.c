/* malloc and friends over the platform's pool allocator.
 * A small header keeps each block's size so realloc can copy it. Small
 * blocks come in size classes and freed ones are kept for reuse: the
 * network stack allocates and frees a few buffers per frame, and the
 * firmware's pool allocator is slow at that. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../platform.h"

struct block_header {
	size_t size;
	size_t class_plus_one; /* its size class + 1, 0 when not from a class;
				  also keeps the payload 16-byte aligned */
};

#define CLASS_MIN_SHIFT 6  /* 64 bytes */
#define CLASSES 6          /* 64 .. 2048 bytes */
#define KEEP_PER_CLASS 512 /* freed blocks kept for reuse, per class */

struct free_block {
	struct free_block *next;
};
static struct free_block *kept[CLASSES];
static unsigned kept_count[CLASSES];

/* The size class for size, or -1 when too big for one. */
static int class_of(size_t size)
{
	for (int c = 0; c < CLASSES; c++)
		if (size <= (size_t)1 << (CLASS_MIN_SHIFT + c))
			return c;
	return -1;
}

void *malloc(size_t size)
{
	struct block_header *h;
	int c = class_of(size);
	if (size > SIZE_MAX - sizeof(*h))
		return NULL;
	if (c >= 0 && kept[c]) {
		h = (struct block_header *)kept[c];
		kept[c] = kept[c]->next;
		kept_count[c]--;
	} else {
		h = platform_alloc(sizeof(*h) + (c >= 0 ? (size_t)1 << (CLASS_MIN_SHIFT + c) : size));
		if (!h)
			return NULL;
	}
	h->size = size;
	h->class_plus_one = (size_t)(c + 1);
	return h + 1;
}

void free(void *ptr)
{
	struct block_header *h;
	if (!ptr)
		return;
	h = (struct block_header *)ptr - 1;
	if (h->class_plus_one) {
		int c = (int)h->class_plus_one - 1;
		if (kept_count[c] < KEEP_PER_CLASS) {
			struct free_block *f = (struct free_block *)h;
			f->next = kept[c];
			kept[c] = f;
			kept_count[c]++;
			return;
		}
	}
	platform_free(h);
}

void malloc_release_kept(void)
{
	for (int c = 0; c < CLASSES; c++) {
		while (kept[c]) {
			struct free_block *f = kept[c];
			kept[c] = f->next;
			platform_free(f);
		}
		kept_count[c] = 0;
	}
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
