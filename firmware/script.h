/* Boot scripts. This first interpreter knows the commands the network
 * issue needs (echo, chain, imgfetch, sha256sum, exit); the full iPXE
 * language replaces it with the script-language issue. */
#ifndef SCRIPT_H
#define SCRIPT_H

#include <stdbool.h>
#include "image.h"

/* The image starts with "#!ipxe". */
bool script_probe(const struct image *img);
/* Runs a script image; 0, or the failing command's error. */
int script_run(const struct image *img);
/* Fetches uri (relative ones against the running script) and runs it if it
 * is a script; used by autoboot and `chain`. */
int script_chain(const char *uri);

#endif
