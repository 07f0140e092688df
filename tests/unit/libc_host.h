/* Our freestanding libc as host tests see it: every name with "libc_". */
#ifndef LIBC_HOST_H
#define LIBC_HOST_H

#include <stdarg.h>
#include <stddef.h>

int libc_snprintf(char *buf, size_t size, const char *fmt, ...);
int libc_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
void *libc_memcpy(void *dest, const void *src, size_t n);
void *libc_memmove(void *dest, const void *src, size_t n);
void *libc_memset(void *dest, int c, size_t n);
int libc_memcmp(const void *a, const void *b, size_t n);
size_t libc_strlen(const char *s);
int libc_strcmp(const char *a, const char *b);
int libc_strncmp(const char *a, const char *b, size_t n);
int libc_strcasecmp(const char *a, const char *b);
char *libc_strchr(const char *s, int c);
char *libc_strrchr(const char *s, int c);
char *libc_strstr(const char *haystack, const char *needle);
size_t libc_strcspn(const char *s, const char *reject);
char *libc_strdup(const char *s);
char *libc_strndup(const char *s, size_t n);
size_t libc_strlcpy(char *dest, const char *src, size_t size);
char *libc_strncpy(char *dest, const char *src, size_t n);
unsigned long libc_strtoul(const char *s, char **end, int base);
unsigned long long libc_strtoull(const char *s, char **end, int base);
long libc_strtol(const char *s, char **end, int base);
void libc_qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));

#endif
