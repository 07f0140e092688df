/* Placeholder until the handover path is written. */
#include "../firmware/console.h"
#include "efi_exec.h"

int efi_linux_handover(struct image *img)
{
	console_printf("%s: a 64-bit Linux kernel on 32-bit EFI: booting it through its EFI "
		       "handover entry is not in this build yet\n", img->name);
	return -1;
}
