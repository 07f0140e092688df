/* Parsing the network path order (see netpath_order.h). */
#include <stdio.h>
#include <string.h>
#include "netpath_order.h"

static const char *const words[PROBE_PATH_KINDS] = { "snp", "native", "nii", "undi" };
static const char *const names[PROBE_PATH_KINDS] = { "SNP", "native driver", "NII", "UNDI" };

const char *probe_path_word(enum probe_path path)
{
	return (unsigned)path < PROBE_PATH_KINDS ? words[path] : "?";
}

const char *probe_path_name(enum probe_path path)
{
	return (unsigned)path < PROBE_PATH_KINDS ? names[path] : "?";
}

bool netpath_order_parse(const char *text, struct netpath_order *order, char *why,
			 size_t why_size)
{
	const char *p = text ? text : "";
	order->count = 0;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int kind = -1;
		for (int k = 0; k < PROBE_PATH_KINDS; k++)
			if (strlen(words[k]) == len && strncmp(p, words[k], len) == 0)
				kind = k;
		if (kind < 0) {
			snprintf(why, why_size, "netpath \"%s\": \"%.*s\" is not a path (use snp, "
				 "native, nii or undi, separated by commas)", text ? text : "",
				 (int)(len > 20 ? 20 : len), p);
			return false;
		}
		for (int i = 0; i < order->count; i++) {
			if (order->path[i] == (enum probe_path)kind) {
				snprintf(why, why_size, "netpath \"%s\": %s is listed twice", text,
					 words[kind]);
				return false;
			}
		}
		order->path[order->count++] = (enum probe_path)kind;
		if (!end)
			return true;
		p = end + 1;
	}
}
