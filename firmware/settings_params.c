/* Form parameter lists (see settings_params.h). */
#include <stdlib.h>
#include <string.h>
#include "settings_params.h"

static struct param_list *lists;

struct param_list *params_find(const char *name)
{
	if (!name)
		name = "";
	for (struct param_list *l = lists; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return l;
	return NULL;
}

void params_destroy(struct param_list *list)
{
	if (!list)
		return;
	for (struct param_list **pp = &lists; *pp; pp = &(*pp)->next) {
		if (*pp == list) {
			*pp = list->next;
			break;
		}
	}
	while (list->first) {
		struct param *p = list->first;
		list->first = p->next;
		free(p->name);
		free(p->value);
		free(p);
	}
	free(list->name);
	free(list);
}

struct param_list *params_create(const char *name)
{
	struct param_list *list = calloc(1, sizeof(*list));
	if (!name)
		name = "";
	if (!list || !(list->name = strdup(name))) {
		free(list);
		return NULL;
	}
	params_destroy(params_find(name));
	list->next = lists;
	lists = list;
	return list;
}

int params_add(struct param_list *list, const char *name, const char *value, bool header)
{
	struct param *p = calloc(1, sizeof(*p)), **tail;
	if (!p || !(p->name = strdup(name)) || !(p->value = strdup(value))) {
		if (p)
			free(p->name);
		free(p);
		return -1;
	}
	p->header = header;
	for (tail = &list->first; *tail; tail = &(*tail)->next)
		;
	*tail = p;
	return 0;
}
