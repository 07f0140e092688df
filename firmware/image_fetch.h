/* Fetching and running images: what the image commands and autoboot share. */
#ifndef IMAGE_FETCH_H
#define IMAGE_FETCH_H

#include "image.h"

/* Downloads uri, resolved against the running script's URI when relative.
 * NULL after printing why. The image is not registered. */
struct image *image_fetch(const char *uri);
/* The image a command names, iPXE-style: an image already loaded with
 * that name, else one downloaded from it as a URI, renamed to name (when
 * not NULL) and registered. NULL after printing why. */
struct image *image_acquire(const char *uri_or_name, const char *name);
/* Makes img run in place of the running script, once that has ended
 * (`chain --replace`). */
void image_exec_replacing(struct image *img);
/* After a script run other than through image_exec (an embedded one):
 * runs what replaced it, if anything did; returns the final status. */
int image_run_replacement(int rc);
/* Runs img by its kind: a script here, anything else through the platform
 * (EFI programs, Linux kernels). An autofree image is taken out of the
 * list while it runs and freed after: the caller must not use it again. */
int image_exec(struct image *img);
/* Fetches uri, runs it, then frees it: what autoboot does with a boot file. */
int image_chain(const char *uri);

#endif
