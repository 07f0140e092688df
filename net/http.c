/* HTTP/1.1 downloads, plain or over TLS (https, through http_conn.c): the request, the response (parsed by http_response.c)
 * into the image, redirects handed back to download.c, and recovery when a
 * connection breaks mid-body: the transfer resumes where it stopped with a
 * Range request, so a flaky network costs a retry, not the whole file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "../firmware/version.h"
#include "dns.h"
#include "download.h"
#include "inet.h"
#include "http_conn.h"
#include "http_form.h"
#include "http_response.h"
#include "netif.h"
#include "tls.h"

#define CONNECT_TIMEOUT_MS 10000
#define IDLE_TIMEOUT_MS 15000   /* a stalled server is reported within seconds */
#define MAX_RESUMES 5

struct http_fetch {
	struct http_response resp;
	struct image *img;
	struct progress *progress;
	int parse_rc;          /* HTTP_PARSE_MORE, _DONE or an error */
	uint64_t resume_from;  /* the Range asked for, 0 for the whole file */
	uint64_t offset;       /* where the next body byte goes in the image */
	bool out_of_memory;
	bool wrong_range;      /* a 206 that does not start where we asked */
	bool first_body;       /* no body byte of this response seen yet */
};

static int store_body(void *ctx, const uint8_t *data, size_t len)
{
	struct http_fetch *f = ctx;
	const struct http_response *r = &f->resp;
	if (r->status != 200 && r->status != 206)
		return 0; /* an error page or a redirect's body: not kept */
	if (r->status == 206 && (!r->range.has_range || r->range.start != f->resume_from)) {
		f->wrong_range = true;
		return -1;
	}
	if (f->first_body) {
		f->first_body = false;
		if (r->status == 200)
			f->offset = 0; /* the whole file again: the server ignored our Range */
	}
	uint64_t total = r->status == 206 && r->range.has_total ? r->range.total
			 : r->has_content_length ? r->content_length : 0;
	if (total && total <= SIZE_MAX)
		image_reserve(f->img, (size_t)total);
	if (image_write(f->img, f->offset, data, len) != 0) {
		f->out_of_memory = true;
		return -1;
	}
	f->offset += len;
	progress_update(f->progress, f->offset, total);
	return 0;
}

/* Bytes from the connection into the parser; what was left over (bytes
 * after the response, or after an error) is reported as unused. */
static size_t sink(void *ctx, const uint8_t *data, size_t len)
{
	struct http_fetch *f = ctx;
	size_t consumed = 0;
	if (f->parse_rc != HTTP_PARSE_MORE)
		return 0;
	f->parse_rc = http_response_feed(&f->resp, data, len, &consumed, store_body, f);
	return f->parse_rc == HTTP_PARSE_MORE ? len : f->parse_rc == HTTP_PARSE_DONE ? consumed : 0;
}

/* The request text (heap), or NULL when out of memory or the form list
 * named by ##params does not exist (err then says which). */
static char *build_request(const struct uri *u, uint64_t range_from, size_t *len, char *err,
			   size_t err_size)
{
	const char *path = u->path && u->path[0] ? u->path : "/";
	const char *form_list;
	char range[48] = "", *body = NULL, *form_headers = NULL, *req;
	bool post = http_form_wanted(u, &form_list);

	if (post && !http_form_build(form_list, &body, &form_headers)) {
		snprintf(err, err_size, "no form parameters called \"%s\" (see `params`)",
			 form_list[0] ? form_list : "(the default list)");
		return NULL;
	}
	if (range_from)
		snprintf(range, sizeof(range), "Range: bytes=%llu-\r\n",
			 (unsigned long long)range_from);
	size_t size = strlen(path) + (u->query ? strlen(u->query) : 0) + strlen(u->host) +
		      (u->port ? strlen(u->port) : 0) + (body ? 2 * strlen(body) : 0) +
		      (form_headers ? strlen(form_headers) : 0) + 512;
	req = malloc(size);
	if (req) {
		int n = snprintf(req, size,
				 "%s %s%s%s HTTP/1.1\r\n"
				 "Host: %s%s%s\r\n"
				 "User-Agent: %s/%s\r\n"
				 "%s%s",
				 post ? "POST" : "GET", path, u->query ? "?" : "",
				 u->query ? u->query : "", u->host, u->port ? ":" : "",
				 u->port ? u->port : "", BOOTNET_NAME, BOOTNET_VERSION, range,
				 form_headers ? form_headers : "");
		if (post)
			n += snprintf(req + n, size - (size_t)n,
				      "Content-Type: application/x-www-form-urlencoded\r\n"
				      "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
		else
			n += snprintf(req + n, size - (size_t)n, "\r\n");
		*len = (size_t)n;
	} else {
		snprintf(err, err_size, "out of memory");
	}
	free(body);
	free(form_headers);
	return req;
}

enum outcome { DONE, FAILED, BROKEN /* the connection broke: retry or resume */ };

/* One request and its response on c. */
static enum outcome exchange(struct http_fetch *f, struct http_conn *c, const char *host,
			     char *err, size_t err_size)
{
	uint64_t start = platform_now_ms();
	while (f->parse_rc == HTTP_PARSE_MORE && !c->reset && !c->closed && !c->failed) {
		net_poll();
		/* Read after polling: the callbacks stamp a later time than one
		 * read before would be. */
		uint64_t now = platform_now_ms();
		if (download_expired()) {
			snprintf(err, err_size, "%s had sent %llu bytes when time ran out", host,
				 (unsigned long long)f->offset);
			return FAILED;
		}
		if (!c->connected && now - start > CONNECT_TIMEOUT_MS) {
			snprintf(err, err_size, "no answer from %s within %d s (connection timed out%s)",
				 host, CONNECT_TIMEOUT_MS / 1000, c->tls ? " or TLS handshake unfinished" : "");
			return FAILED;
		}
		if (c->connected && now - c->last_activity_ms > IDLE_TIMEOUT_MS) {
			snprintf(err, err_size, "server %s stopped sending for %d s (after %llu bytes)",
				 host, IDLE_TIMEOUT_MS / 1000, (unsigned long long)f->offset);
			return FAILED;
		}
	}
	if (c->failed) {
		snprintf(err, err_size, "%s", c->error); /* TLS: what was wrong, in words */
		return FAILED;
	}
	if (f->out_of_memory) {
		snprintf(err, err_size, "out of memory for the file");
		return FAILED;
	}
	if (f->wrong_range) {
		snprintf(err, err_size, "server %s resumed at the wrong place", host);
		return FAILED;
	}
	if (f->parse_rc == HTTP_PARSE_MORE && c->closed)
		f->parse_rc = http_response_eof(&f->resp);
	if (f->parse_rc == HTTP_PARSE_DONE)
		return DONE;
	if (f->parse_rc == HTTP_PARSE_MORE || f->parse_rc == HTTP_ERR_TRUNCATED_BODY ||
	    f->parse_rc == HTTP_ERR_TRUNCATED_CHUNKED || f->parse_rc == HTTP_ERR_NO_RESPONSE ||
	    f->parse_rc == HTTP_ERR_TRUNCATED_HEADERS) {
		if (!c->connected)
			snprintf(err, err_size, "%s refused the connection (is a web server running "
				 "there?)", host);
		else
			snprintf(err, err_size, "%s closed the connection after %llu bytes (%s)", host,
				 (unsigned long long)f->offset, c->reset ? "reset" : "closed early");
		return c->connected ? BROKEN : FAILED;
	}
	snprintf(err, err_size, "bad response from %s: %s", host, http_strerror(f->parse_rc));
	return FAILED;
}

/* Whether a broken transfer can go on from f->offset with a Range request. */
static bool resumable(const struct http_fetch *f)
{
	const struct http_response *r = &f->resp;
	return r->headers_done && (r->status == 200 || r->status == 206) &&
	       r->framing == HTTP_BODY_LENGTH && f->offset > 0;
}

int http_fetch(const struct uri *u, struct image *img, struct progress *progress, char *err,
	       size_t err_size, char *redirect, size_t redirect_size)
{
	struct http_fetch *f = calloc(1, sizeof(*f));
	bool https = strcasecmp(u->scheme, "https") == 0;
	uint32_t addr;
	int rc = -1, resumes = 0;
	bool retried_fresh = false;

	if (!f) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	if ((https && !tls_supported(err, err_size)) ||
	    dns_resolve(u->host, &addr, err, err_size) != 0)
		goto out;
	f->img = img;
	f->progress = progress;
	for (;;) {
		size_t len = 0;
		char *request = build_request(u, f->resume_from, &len, err, err_size);
		char why[320];
		struct http_conn *c = request ? http_conn_get(addr, (uint16_t)uri_port(u, https ? 443 : 80),
							      https ? u->host : NULL, why,
							      sizeof(why)) : NULL;
		enum outcome how;

		if (!request)
			goto out;
		if (!c) {
			snprintf(err, err_size, "cannot connect to %s: %s", u->host, why);
			free(request);
			goto out;
		}
		http_response_init(&f->resp, false);
		f->parse_rc = HTTP_PARSE_MORE;
		f->first_body = true;
		c->sink = sink;
		c->sink_ctx = f;
		if (http_conn_send(c, request, len)) {
			how = exchange(f, c, u->host, err, err_size);
		} else {
			snprintf(err, err_size, "could not send the request to %s (connection lost, "
				 "or out of memory)", u->host);
			how = BROKEN;
		}
		free(request);
		bool keep = how == DONE && f->resp.keep_alive && !c->spoiled;
		bool reused = c->reused;
		http_conn_release(c, keep);
		if (how == DONE)
			break;
		if (how == FAILED)
			goto out;
		/* A kept connection the server had closed meanwhile: once more, fresh. */
		if (reused && !f->resp.headers_done && !retried_fresh) {
			retried_fresh = true;
			continue;
		}
		const char *form;
		if (http_form_wanted(u, &form) || !resumable(f) || ++resumes > MAX_RESUMES)
			goto out;
		console_printf("\n%s; resuming from there\n", err);
		f->resume_from = f->offset;
		retried_fresh = false;
	}

	int status = f->resp.status;
	if (status >= 300 && status <= 399 && status != 304 && f->resp.has_location) {
		snprintf(redirect, redirect_size, "%s", f->resp.location);
		rc = 0;
	} else if (status == 200 || status == 206) {
		rc = 0;
	} else if (status >= 200 && status <= 299) {
		snprintf(err, err_size, "server %s answered \"%s\" (no file)", u->host,
			 f->resp.status_line);
	} else {
		snprintf(err, err_size, "server %s answered \"%s\"", u->host, f->resp.status_line);
	}
out:
	free(f);
	return rc;
}
