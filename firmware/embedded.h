/* The script built into the firmware with `make EMBED=path/to/script.ipxe`:
 * when there is one, start-up runs it instead of autoboot. */
#ifndef EMBEDDED_H
#define EMBEDDED_H

#include <stddef.h>

/* The embedded script's text and its length in *len, or NULL (and *len 0)
 * when the build has none. */
const char *embedded_script(size_t *len);
/* The script's file name as given to EMBED ("demo.ipxe"), for messages;
 * "embedded" when there is none. */
const char *embedded_script_name(void);

#endif
