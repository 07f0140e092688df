/* platform_boot_volume_script on BIOS: bin/bootnet.kpxe is loaded over the
 * network by a PXE ROM, so there is no disk it came from and no
 * autoexec.ipxe to read. A BIOS build started from the USB image's MBR
 * (tools/mkusb --bios-mbr/--bios-image) is to read it from the ESP here. */
#include "../firmware/platform.h"

char *platform_boot_volume_script(size_t *len, char *where, size_t where_size)
{
	(void)len, (void)where, (void)where_size;
	return NULL;
}
