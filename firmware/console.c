/* Formatted console output. Formats into a stack buffer; a longer message
 * is formatted again into one allocated to fit, so nothing is cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "platform.h"

void console_puts(const char *text)
{
	platform_console_write(text, strlen(text));
}

int console_vprintf(const char *fmt, va_list args)
{
	char small[256];
	va_list again;
	int n;

	va_copy(again, args);
	n = vsnprintf(small, sizeof(small), fmt, args);
	if (n < (int)sizeof(small)) {
		platform_console_write(small, (size_t)n);
	} else {
		char *big = malloc((size_t)n + 1);
		if (big) {
			vsnprintf(big, (size_t)n + 1, fmt, again);
			platform_console_write(big, (size_t)n);
			free(big);
		} else {
			platform_console_write(small, sizeof(small) - 1);
		}
	}
	va_end(again);
	return n;
}

int console_printf(const char *fmt, ...)
{
	va_list args;
	int n;
	va_start(args, fmt);
	n = console_vprintf(fmt, args);
	va_end(args);
	return n;
}
