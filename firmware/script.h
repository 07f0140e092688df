/* Boot scripts. This first interpreter runs one command per line with
 * words split at spaces; the full iPXE language replaces it with the
 * script-language issue. */
#ifndef SCRIPT_H
#define SCRIPT_H

#include <stdbool.h>
#include "image.h"

/* The image starts with "#!ipxe". */
bool script_probe(const struct image *img);
/* Runs a script image; 0, or the failing command's error. */
int script_run(const struct image *img);
/* The URI of the running script (relative URIs resolve against it), or
 * NULL outside scripts. */
const char *script_current_uri(void);

#endif
