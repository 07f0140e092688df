/* Form posts (see http_form.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/settings_params.h"
#include "http_form.h"

bool http_form_wanted(const struct uri *u, const char **list_name)
{
	const char *f = u->fragment;
	if (!f || strncmp(f, "#params", 7) != 0 || (f[7] != '\0' && f[7] != '='))
		return false;
	*list_name = f[7] == '=' ? f + 8 : "";
	return true;
}

/* Appends text, percent-encoding all but RFC 3986's unreserved characters. */
static size_t put_encoded(char *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr("-._~", *p);
		if (plain) {
			if (out)
				out[n] = (char)*p;
			n++;
		} else {
			if (out) {
				out[n] = '%';
				out[n + 1] = hex[*p >> 4];
				out[n + 2] = hex[*p & 15];
			}
			n += 3;
		}
	}
	return n;
}

/* Writes the body (out NULL: only measures); returns its length. */
static size_t encode_fields(const struct param_list *list, char *out)
{
	size_t n = 0;
	bool first = true;
	for (const struct param *p = list->first; p; p = p->next) {
		if (p->header)
			continue;
		if (!first) {
			if (out)
				out[n] = '&';
			n++;
		}
		first = false;
		n += put_encoded(out ? out + n : NULL, p->name);
		if (out)
			out[n] = '=';
		n++;
		n += put_encoded(out ? out + n : NULL, p->value);
	}
	return n;
}

bool http_form_build(const char *list_name, char **body, char **headers)
{
	const struct param_list *list = params_find(list_name);
	size_t body_len, header_len = 1;
	*body = *headers = NULL;
	if (!list)
		return false;
	body_len = encode_fields(list, NULL);
	for (const struct param *p = list->first; p; p = p->next)
		if (p->header)
			header_len += strlen(p->name) + strlen(p->value) + 4;
	*body = malloc(body_len + 1);
	*headers = malloc(header_len);
	if (!*body || !*headers) {
		free(*body);
		free(*headers);
		*body = *headers = NULL;
		return false;
	}
	encode_fields(list, *body);
	(*body)[body_len] = '\0';
	(*headers)[0] = '\0';
	for (const struct param *p = list->first; p; p = p->next)
		if (p->header) {
			/* No line breaks inside: a value cannot add headers of its own. */
			if (p->name[strcspn(p->name, "\r\n:")] || p->value[strcspn(p->value, "\r\n")])
				continue;
			size_t used = strlen(*headers);
			snprintf(*headers + used, header_len - used, "%s: %s\r\n", p->name, p->value);
		}
	return true;
}
