/* iPXE's "http://server/boot.php##params": the request becomes a POST of
 * a form list (`params`/`param`), fields as application/x-www-form-urlencoded
 * and the entries marked as headers as request headers. */
#ifndef NET_HTTP_FORM_H
#define NET_HTTP_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include "uri.h"

/* Whether the URI's fragment asks for a form post; *list_name is then the
 * list's name ("" for the default list). */
bool http_form_wanted(const struct uri *u, const char **list_name);
/* The encoded fields ("a=1&b=x%20y") and the extra header lines
 * ("X-A: 1\r\n"), both on the heap; false when the list does not exist
 * or memory ran out. */
bool http_form_build(const char *list_name, char **body, char **headers);

#endif
