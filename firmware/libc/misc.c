/* errno and assert for the libraries the firmware compiles. */
#include <assert.h>
#include "../console.h"
#include "../platform.h"

int errno;

void libc_assert_failed(const char *expr, const char *file, int line)
{
	console_printf("\nbootnet: internal error: assertion \"%s\" failed at %s:%d\n"
		       "This is a bug in bootnet; please report it with the lines above.\n",
		       expr, file, line);
	platform_halt();
}
