/* Fetching and running images: what `chain`, `imgfetch` and autoboot share. */
#ifndef IMAGE_FETCH_H
#define IMAGE_FETCH_H

#include "image.h"

/* Downloads uri, resolved against the running script's URI when relative.
 * NULL after printing why. The image is not registered. */
struct image *image_fetch(const char *uri);
/* Runs img by its kind (script, or what the platform can execute). */
int image_exec(struct image *img);
/* Fetches uri, registers it, runs it, then frees it: `chain` and autoboot. */
int image_chain(const char *uri);

#endif
