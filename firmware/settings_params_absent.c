/* Form parameter lists in the rom64 build, which has no `params` command
 * to make one (cmd_params_absent.c): there are none, so a `##params` URI
 * is refused as naming an unknown list. */
#include <stddef.h>
#include "settings_params.h"

struct param_list *params_find(const char *name)
{
	(void)name;
	return NULL;
}
