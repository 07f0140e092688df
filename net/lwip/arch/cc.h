/* lwIP's view of the compiler and platform (lwIP port file). */
#ifndef BOOTNET_LWIP_ARCH_CC_H
#define BOOTNET_LWIP_ARCH_CC_H

#define BYTE_ORDER LITTLE_ENDIAN /* x86 only */

/* Our freestanding libc has no unistd.h, inttypes.h formats or ctype
 * functions lwIP wants; lwIP then supplies its own. */
#define LWIP_NO_UNISTD_H 1
#define LWIP_NO_INTTYPES_H 1
#define LWIP_NO_CTYPE_H 1
#define X8_F  "02x"
#define U16_F "u"
#define S16_F "d"
#define X16_F "x"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "zu"

#define LWIP_PLATFORM_DIAG(x) do { console_printf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) libc_assert_failed(x, __FILE__, __LINE__)

int console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void libc_assert_failed(const char *expr, const char *file, int line);

/* TCP initial sequence numbers, ports, DHCP xids. */
unsigned int net_random32(void);
#define LWIP_RAND() ((u32_t)net_random32())

#endif
