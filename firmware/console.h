/* Formatted console output over the platform's console. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdarg.h>

int console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int console_vprintf(const char *fmt, va_list args) __attribute__((format(printf, 1, 0)));
void console_puts(const char *text);

#endif
