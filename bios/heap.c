/* First-fit heap (heap.h). Every block, used or free, starts with a
 * header; free blocks are on a list sorted by address, so freeing merges a
 * block with the free blocks right before and after it. */
#include <stdbool.h>
#include "heap.h"

struct block {
	size_t size;            /* bytes of the block, header included */
	struct block *next;     /* next free block (free blocks only) */
	size_t magic;           /* catches frees of pointers we never gave out */
	size_t pad;             /* keeps the payload 16-byte aligned */
};

#define MAGIC_USED 0x55534544u
#define MAGIC_FREE 0x46524545u
#define ALIGN 16u
#define MIN_SPLIT (sizeof(struct block) + 64)

static struct block *free_list;

void heap_init(void *start, size_t size)
{
	uintptr_t s = ((uintptr_t)start + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
	uintptr_t e = ((uintptr_t)start + size) & ~(uintptr_t)(ALIGN - 1);
	free_list = NULL;
	if (e <= s || e - s < MIN_SPLIT)
		return;
	free_list = (struct block *)s;
	free_list->size = e - s;
	free_list->next = NULL;
	free_list->magic = MAGIC_FREE;
}

void *heap_alloc(size_t size)
{
	struct block **link = &free_list;
	size_t need;

	if (size > SIZE_MAX - sizeof(struct block) - ALIGN)
		return NULL;
	need = (size + sizeof(struct block) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	for (struct block *b = free_list; b; link = &b->next, b = b->next) {
		if (b->size < need)
			continue;
		if (b->size - need >= MIN_SPLIT) {
			/* Hand out the end of the block; the start stays on the list. */
			b->size -= need;
			b = (struct block *)((uint8_t *)b + b->size);
			b->size = need;
		} else {
			*link = b->next;
		}
		b->magic = MAGIC_USED;
		b->next = NULL;
		return b + 1;
	}
	return NULL;
}

static bool touches(struct block *a, struct block *b)
{
	return (uint8_t *)a + a->size == (uint8_t *)b;
}

void heap_free(void *ptr)
{
	struct block *b, *prev = NULL, *next;

	if (!ptr)
		return;
	b = (struct block *)ptr - 1;
	if (b->magic != MAGIC_USED)
		return; /* not ours, or freed twice: leave the heap intact */
	b->magic = MAGIC_FREE;
	for (next = free_list; next && next < b; next = next->next)
		prev = next;
	b->next = next;
	if (prev)
		prev->next = b;
	else
		free_list = b;
	if (next && touches(b, next)) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && touches(prev, b)) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

size_t heap_free_bytes(size_t *largest)
{
	size_t total = 0, big = 0;
	for (struct block *b = free_list; b; b = b->next) {
		total += b->size - sizeof(struct block);
		if (b->size > big)
			big = b->size - sizeof(struct block);
	}
	if (largest)
		*largest = big;
	return total;
}
