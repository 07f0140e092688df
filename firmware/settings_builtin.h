/* Settings that are not stored but known: the platform, this build, the
 * machine's SMBIOS identity, memory size, the wall clock. */
#ifndef SETTINGS_BUILTIN_H
#define SETTINGS_BUILTIN_H

#include <stddef.h>
#include <stdint.h>
#include "settings.h"

/* The built-in called name into buf: its length and *type, or -1 when
 * there is no such built-in (or the machine cannot say). */
int settings_builtin_fetch(const char *name, uint8_t *buf, size_t size,
			   const struct setting_type **type);
/* Reads the SMBIOS table again at the next fetch (tests). */
void settings_builtin_forget(void);
/* Calls visit for every built-in name (for listings). */
void settings_builtin_each(void (*visit)(const char *name, void *ctx), void *ctx);

#endif
