/* String and memory functions for the freestanding firmware. Plain C,
 * byte at a time, except memcpy on x86: every received frame is
 * copied twice on its way into an image, so there they move a machine word
 * per step with the string instructions (the host tests keep the C). */
#include <stddef.h>
#include <stdint.h>
#include "libc_name.h"

void *LIBC(malloc)(size_t size);

#if (defined(__x86_64__) || defined(__i386__)) && !defined(LIBC_HOST_TEST)
#define WORD_SIZE sizeof(unsigned long)
#ifdef __x86_64__
#define MOVS_WORD "rep movsq"
#else
#define MOVS_WORD "rep movsl"
#endif

void *LIBC(memcpy)(void *dest, const void *src, size_t n)
{
	void *d = dest;
	size_t words = n / WORD_SIZE, rest = n % WORD_SIZE;
	__asm__ volatile(MOVS_WORD : "+D"(d), "+S"(src), "+c"(words) : : "memory");
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(rest) : : "memory");
	return dest;
}
#else
void *LIBC(memcpy)(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dest;
}
#endif

void *LIBC(memmove)(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;
	if (d < s || d >= s + n)
		return LIBC(memcpy)(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

void *LIBC(memset)(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	while (n--)
		*d++ = (unsigned char)c;
	return dest;
}

int LIBC(memcmp)(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *LIBC(memchr)(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t LIBC(strlen)(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t LIBC(strnlen)(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

int LIBC(strcmp)(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int LIBC(strncmp)(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
}

int LIBC(strncasecmp)(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = lower((unsigned char)*a), y = lower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

int LIBC(strcasecmp)(const char *a, const char *b)
{
	return LIBC(strncasecmp)(a, b, SIZE_MAX);
}

char *LIBC(strchr)(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *LIBC(strrchr)(const char *s, int c)
{
	const char *found = NULL;
	for (;; s++) {
		if (*s == (char)c)
			found = s;
		if (!*s)
			return (char *)found;
	}
}

char *LIBC(strstr)(const char *haystack, const char *needle)
{
	size_t len = LIBC(strlen)(needle);
	for (; *haystack; haystack++)
		if (LIBC(strncmp)(haystack, needle, len) == 0)
			return (char *)haystack;
	return len ? NULL : (char *)haystack;
}

char *LIBC(strcpy)(char *dest, const char *src)
{
	return LIBC(memcpy)(dest, src, LIBC(strlen)(src) + 1);
}

char *LIBC(strncpy)(char *dest, const char *src, size_t n)
{
	size_t len = LIBC(strnlen)(src, n);
	LIBC(memcpy)(dest, src, len);
	LIBC(memset)(dest + len, 0, n - len);
	return dest;
}

char *LIBC(strcat)(char *dest, const char *src)
{
	LIBC(strcpy)(dest + LIBC(strlen)(dest), src);
	return dest;
}

size_t LIBC(strlcpy)(char *dest, const char *src, size_t size)
{
	size_t len = LIBC(strlen)(src);
	if (size) {
		size_t copy = len < size - 1 ? len : size - 1;
		LIBC(memcpy)(dest, src, copy);
		dest[copy] = '\0';
	}
	return len;
}

char *LIBC(strndup)(const char *s, size_t n)
{
	size_t len = LIBC(strnlen)(s, n);
	char *copy = LIBC(malloc)(len + 1);
	if (copy) {
		LIBC(memcpy)(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *LIBC(strdup)(const char *s)
{
	return LIBC(strndup)(s, SIZE_MAX);
}

size_t LIBC(strcspn)(const char *s, const char *reject)
{
	size_t n = 0;
	while (s[n] && !LIBC(strchr)(reject, s[n]))
		n++;
	return n;
}
