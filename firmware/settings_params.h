/* Form parameters (`params`, `param`): named lists of name=value pairs an
 * HTTP request can carry, as iPXE's "http://server/boot.php##params"
 * posts them. The HTTP client reads them here:
 *
 *   const struct param_list *list = params_find(NULL);   (or a name)
 *   for (const struct param *p = list ? list->first : NULL; p; p = p->next)
 *           ... p->name, p->value, p->header (send as a header, not a field)
 */
#ifndef SETTINGS_PARAMS_H
#define SETTINGS_PARAMS_H

#include <stdbool.h>

struct param {
	char *name;
	char *value;
	bool header; /* an HTTP header rather than a form field */
	struct param *next;
};

struct param_list {
	char *name;  /* "" for the default list */
	struct param *first;
	struct param_list *next;
};

/* The list called name (NULL or "": the default one), or NULL. */
struct param_list *params_find(const char *name);
/* A new empty list called name, replacing one of that name; NULL when out
 * of memory. */
struct param_list *params_create(const char *name);
void params_destroy(struct param_list *list);
/* Appends name=value; 0 or -1 when out of memory. */
int params_add(struct param_list *list, const char *name, const char *value, bool header);

#endif
