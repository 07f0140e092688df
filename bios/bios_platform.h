/* What the BIOS platform's files share among themselves. */
#ifndef BIOS_PLATFORM_H
#define BIOS_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bios_handover.h"

extern struct bios_handover *bios_handover;

void bios_serial_init(void);
bool bios_serial_present(void);
void bios_serial_write(const char *text, size_t len);
int bios_serial_read(void);          /* a byte, or -1 */

void bios_exceptions_init(void);
void bios_console_init(void);
void bios_memory_init(void);
void bios_time_init(void);
void bios_pxe_init(void);
/* Whether a native driver has taken the UNDI's NIC (its PCI address in at). */
bool bios_undi_nic_taken(char *at, size_t at_size);

/* A linear address as a pointer (the core runs with flat segments). The
 * empty asm hides the constant from GCC, which would otherwise warn that
 * a fixed address such as 0x484 points into no object. */
static inline void *bios_linear(uint32_t linear)
{
	void *p = (void *)(uintptr_t)linear;
	__asm__("" : "+r"(p));
	return p;
}

#endif
