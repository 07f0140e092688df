/* The BIOS heap (bios/heap.c): alignment, reuse, merging of freed
 * neighbours, exhaustion, bad frees. */
#include <stdint.h>
#include <stdlib.h>
#include "../../bios/heap.h"
#include "test.h"

TEST(heap_allocates_aligned_and_merges_on_free)
{
	size_t size = 1 << 20, largest;
	uint8_t *arena = malloc(size + 16);
	heap_init(arena + 3, size);
	size_t total = heap_free_bytes(&largest);
	CHECK(total > size - 64 && largest == total);

	void *a = heap_alloc(100), *b = heap_alloc(5000), *c = heap_alloc(1);
	CHECK(a && b && c);
	CHECK(((uintptr_t)a & 15) == 0 && ((uintptr_t)b & 15) == 0 && ((uintptr_t)c & 15) == 0);
	CHECK((uint8_t *)a >= arena && (uint8_t *)a + 100 <= arena + size + 3);
	memset(a, 1, 100);
	memset(b, 2, 5000);
	memset(c, 3, 1);
	CHECK(((uint8_t *)a)[99] == 1 && ((uint8_t *)b)[0] == 2);

	heap_free(b);
	heap_free(a);
	heap_free(c);
	CHECK(heap_free_bytes(&largest) == total && largest == total); /* one block again */
	free(arena);
}

TEST(heap_exhaustion_and_bad_frees)
{
	size_t size = 64 * 1024;
	uint8_t *arena = malloc(size);
	heap_init(arena, size);
	CHECK(heap_alloc(size) == NULL);
	CHECK(heap_alloc(SIZE_MAX) == NULL);
	void *big = heap_alloc(size / 2);
	CHECK(big != NULL);
	CHECK(heap_alloc(size / 2) == NULL);   /* headers take room: no second half */
	heap_free(big);
	heap_free(big);                        /* twice: ignored */
	uint8_t local[64] = { 0 };
	heap_free(local + 32);                 /* never ours: ignored */
	size_t largest;
	heap_free_bytes(&largest);
	CHECK(heap_alloc(largest) != NULL);
	CHECK(heap_alloc(1) == NULL);
	free(arena);
}
