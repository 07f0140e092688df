/* The embedded script: the Makefile writes its bytes and name into
 * embedded_script.h under build/ (empty of both without EMBED). */
#include "embedded.h"
#include "embedded_script.h"

const char *embedded_script(size_t *len)
{
#ifdef EMBEDDED_SCRIPT_NAME
	*len = sizeof(embedded_script_bytes);
	return (const char *)embedded_script_bytes;
#else
	*len = 0;
	return NULL;
#endif
}

const char *embedded_script_name(void)
{
#ifdef EMBEDDED_SCRIPT_NAME
	return EMBEDDED_SCRIPT_NAME;
#else
	return "embedded";
#endif
}
