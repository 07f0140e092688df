/* The download front end: parse the URI, follow redirects, pick the
 * protocol, and show progress a few times a second. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "download.h"

#define MAX_REDIRECTS 10
#define PROGRESS_EVERY_MS 250

/* "12.3 MiB" style, for people. */
static void format_size(uint64_t bytes, char *buf, size_t size)
{
	if (bytes < 10 * 1024)
		snprintf(buf, size, "%u B", (unsigned)bytes);
	else if (bytes < 10 * 1024 * 1024)
		snprintf(buf, size, "%u KiB", (unsigned)(bytes / 1024));
	else
		snprintf(buf, size, "%u.%u MiB", (unsigned)(bytes >> 20),
			 (unsigned)(((bytes & 0xfffff) * 10) >> 20));
}

static void show(struct progress *p, uint64_t now, const char *end)
{
	char got[24], total[24], rate[24];
	uint64_t ms = now - p->start_ms;
	uint64_t per_s = ms ? p->bytes * 1000 / ms : 0;

	format_size(p->bytes, got, sizeof(got));
	format_size(per_s, rate, sizeof(rate));
	if (p->total) {
		format_size(p->total, total, sizeof(total));
		unsigned eta = per_s ? (unsigned)((p->total - (p->bytes < p->total ? p->bytes : p->total)) / per_s) : 0;
		console_printf("\r%s... %s of %s (%u%%) %s/s ETA %us   %s", p->uri, got, total,
			       (unsigned)(p->bytes * 100 / p->total), rate, eta, end);
	} else {
		console_printf("\r%s... %s %s/s   %s", p->uri, got, rate, end);
	}
}

void progress_update(struct progress *p, uint64_t bytes, uint64_t total)
{
	uint64_t now = platform_now_ms();
	p->bytes = bytes;
	p->total = total;
	if (now - p->last_shown_ms >= PROGRESS_EVERY_MS) {
		p->last_shown_ms = now;
		show(p, now, "");
	}
}

void progress_finish(struct progress *p, bool ok)
{
	show(p, platform_now_ms(), ok ? "ok\n" : "failed\n");
}

/* One attempt at uri: 0 done, 1 redirected (next in redirect), -1 failed. */
static int fetch_once(const char *text, struct image *img, char *err, size_t err_size,
		      char *redirect, size_t redirect_size)
{
	struct uri u;
	struct progress p = { text, platform_now_ms(), 0, 0, 0 };
	int rc = uri_parse(text, &u);

	if (rc != 0) {
		snprintf(err, err_size, "%s", uri_strerror(rc));
		return -1;
	}
	redirect[0] = '\0';
	if (!u.scheme || !u.host) {
		snprintf(err, err_size, "not a URI bootnet can download (it needs scheme://server/path)");
		rc = -1;
	} else if (strcasecmp(u.scheme, "tftp") == 0) {
		rc = tftp_fetch(&u, img, &p, err, err_size);
	} else if (strcasecmp(u.scheme, "http") == 0 || strcasecmp(u.scheme, "https") == 0) {
		rc = http_fetch(&u, img, &p, err, err_size, redirect, redirect_size);
		if (rc == 0 && redirect[0])
			rc = 1;
	} else {
		snprintf(err, err_size, "the %s protocol is not supported by this build", u.scheme);
		rc = -1;
	}
	if (rc <= 0)
		progress_finish(&p, rc == 0);
	uri_free(&u);
	return rc;
}

static unsigned long next_timeout_ms; /* for the next download() */
static uint64_t deadline_ms;          /* of the running one, 0 for none */

void download_set_timeout(unsigned long ms)
{
	next_timeout_ms = ms;
}

bool download_expired(void)
{
	return deadline_ms && platform_now_ms() >= deadline_ms;
}

static struct image *download_all_hops(const char *uri, char *err, size_t err_size);

struct image *download(const char *uri, char *err, size_t err_size)
{
	unsigned long timeout = next_timeout_ms;
	struct image *img;
	next_timeout_ms = 0;
	deadline_ms = timeout ? platform_now_ms() + timeout : 0;
	img = download_all_hops(uri, err, err_size);
	if (!img && timeout && download_expired()) {
		size_t n = strlen(err);
		snprintf(err + n, err_size - n, " (the --timeout of %lu ms ran out)", timeout);
	}
	deadline_ms = 0;
	return img;
}

static struct image *download_all_hops(const char *uri, char *err, size_t err_size)
{
	char *current = strdup(uri), message[320], redirect[2048];
	struct image *img = NULL;

	for (int hop = 0; current && hop <= MAX_REDIRECTS; hop++) {
		image_free(img);
		img = image_new(current);
		if (!img)
			break;
		int rc = fetch_once(current, img, message, sizeof(message), redirect, sizeof(redirect));
		if (rc == 0) {
			free(current);
			return img;
		}
		if (rc < 0) {
			snprintf(err, err_size, "%s: %s", current, message);
			goto fail;
		}
		char *next = uri_resolve(current, redirect);
		console_printf("%s: redirected to %s\n", current, next ? next : redirect);
		free(current);
		current = next;
	}
	snprintf(err, err_size, "%s: %s", uri,
		 current ? "too many redirects (more than 10)" : "out of memory");
fail:
	image_free(img);
	free(current);
	return NULL;
}
