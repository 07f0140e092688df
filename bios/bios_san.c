/* SAN disks on BIOS: the INT 13h hook and the iBFT are not written yet, so
 * sanhook and sanboot say so (the iSCSI session itself is the core's and
 * works). */
#include <stdio.h>
#include "../firmware/platform.h"
#include "../firmware/san.h"

int platform_san_attach(struct san_disk *disk, bool describe)
{
	(void)describe;
	snprintf(disk->error, sizeof(disk->error),
		 "SAN disks are not built into the BIOS version yet (no INT 13h drive): "
		 "use the UEFI build for sanhook and sanboot");
	return -1;
}

int platform_san_boot(struct san_disk *disk, const char *filename)
{
	(void)filename;
	return platform_san_attach(disk, false);
}

void platform_san_detach(struct san_disk *disk)
{
	(void)disk;
}
