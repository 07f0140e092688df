/* Fetching and running images (see image_fetch.h). */
#include <stdlib.h>
#include <string.h>
#include "../net/download.h"
#include "../net/uri.h"
#include "console.h"
#include "image_fetch.h"
#include "script.h"

struct image *image_fetch(const char *uri)
{
	char err[512];
	const char *base = script_current_uri();
	char *abs = base ? uri_resolve(base, uri) : strdup(uri);
	struct image *img = abs ? download(abs, err, sizeof(err)) : NULL;
	if (!img)
		console_printf("%s\n", abs ? err : "out of memory");
	free(abs);
	return img;
}

int image_exec(struct image *img)
{
	if (script_probe(img))
		return script_run(img);
	console_printf("%s: %zu bytes; running this kind of image is not in this build yet\n",
		       img->name, img->len);
	return -1;
}

int image_chain(const char *uri)
{
	struct image *img = image_fetch(uri);
	int rc;
	if (!img)
		return -1;
	image_register(img);
	image_select(img);
	rc = image_exec(img);
	image_free(img);
	return rc;
}
