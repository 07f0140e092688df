/* A first-fit heap over one range of memory: the BIOS platform's
 * platform_alloc/free (there is no firmware allocator to lean on).
 * Blocks are 16-byte aligned; freed neighbours merge again. Pure
 * computation, checked by host unit tests. */
#ifndef HEAP_H
#define HEAP_H

#include <stddef.h>
#include <stdint.h>

void heap_init(void *start, size_t size);
void *heap_alloc(size_t size);
void heap_free(void *ptr);
/* Bytes free in total, and the largest single block free. */
size_t heap_free_bytes(size_t *largest);

#endif
