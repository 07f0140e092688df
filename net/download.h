/* Downloads: URI -> protocol -> image in memory, with a progress line.
 * Every protocol (tftp, http, later https) fills the same image and
 * reports failure the same way: a message naming the URI and the server. */
#ifndef NET_DOWNLOAD_H
#define NET_DOWNLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../firmware/image.h"
#include "uri.h"

/* Fetches uri; the image, or NULL with a message in err. */
struct image *download(const char *uri, char *err, size_t err_size);
/* The next download() gives up after ms in all (0: no limit), as iPXE's
 * `--timeout` asks; the limit is used up by that one call. */
void download_set_timeout(unsigned long ms);
/* For the protocols: the running download has used up its time. */
bool download_expired(void);

/* For the protocols: progress as bytes arrive (total 0 when unknown). */
struct progress {
	const char *uri;
	uint64_t start_ms, last_shown_ms;
	uint64_t bytes, total;
};
void progress_update(struct progress *p, uint64_t bytes, uint64_t total);
void progress_finish(struct progress *p, bool ok);

/* A protocol: 0, or -1 with a message in err (without the URI: download adds it). */
int tftp_fetch(const struct uri *u, struct image *img, struct progress *p, char *err,
	       size_t err_size);
int http_fetch(const struct uri *u, struct image *img, struct progress *p, char *err,
	       size_t err_size, char *redirect, size_t redirect_size);


#endif
