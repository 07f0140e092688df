/* Freestanding stdlib subset (firmware/libc): memory comes from the platform. */
#ifndef _STDLIB_H
#define _STDLIB_H
#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
/* Hands the blocks malloc keeps for reuse back to the platform (at exit). */
void malloc_release_kept(void);

unsigned long strtoul(const char *s, char **end, int base);
long strtol(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
int abs(int v);
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));

#endif
