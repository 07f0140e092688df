#ifndef _ASSERT_H
#define _ASSERT_H
void libc_assert_failed(const char *expr, const char *file, int line);
#define assert(e) ((e) ? (void)0 : libc_assert_failed(#e, __FILE__, __LINE__))
#endif
