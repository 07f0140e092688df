/* SAN disks on BIOS (platform_san_* of firmware/platform.h): attach makes
 * the disk an INT 13h drive and, unless --no-describe, publishes an iBFT
 * so the OS can log in to it again; boot reads the disk's MBR to 0000:7C00
 * and enters it in real mode with DL = the drive, as a BIOS boots a disk,
 * with bootnet and its network left running underneath to serve it. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "../firmware/san.h"
#include "bios_ibft.h"
#include "bios_int13.h"
#include "bios_platform.h"
#include "bios_thunk.h"

#define MBR_ADDRESS 0x7c00
#define IBFT_MAX 2048

int platform_san_attach(struct san_disk *disk, bool describe)
{
	static uint8_t ibft[IBFT_MAX];
	size_t ibft_len = 0;
	char why[400];

	disk->drive = bios_int13_drive_for(disk->drive);
	if (describe) {
		ibft_len = bios_ibft_build(disk, ibft, sizeof(ibft));
		if (!ibft_len) {
			snprintf(disk->error, sizeof(disk->error),
				 "the iBFT for this disk does not fit in %u bytes (names or CHAP "
				 "secrets too long?); sanhook --no-describe attaches it without one",
				 IBFT_MAX);
			return -1;
		}
	}
	if (bios_int13_install(disk, ibft, ibft_len) != 0)
		return -1;
	if (!bios_int13_self_test(why, sizeof(why))) {
		bios_int13_uninstall(disk);
		snprintf(disk->error, sizeof(disk->error), "%s", why);
		return -1;
	}
	return 0;
}

int platform_san_boot(struct san_disk *disk, const char *filename)
{
	uint8_t *mbr = bios_linear(MBR_ADDRESS);
	if (filename)
		console_printf("sanboot: --filename is for UEFI; a BIOS boots the disk's MBR\n");
	if (!disk->platform) {
		snprintf(disk->error, sizeof(disk->error), "the disk is not attached as a BIOS drive");
		return -1;
	}
	if (disk->read(disk, 0, 1, mbr) != 0)
		return -1;                  /* disk->error says why */
	if (mbr[510] != 0x55 || mbr[511] != 0xaa) {
		snprintf(disk->error, sizeof(disk->error),
			 "its first sector has no boot signature (55 AA at byte 510 but %02X %02X): "
			 "not a BIOS-bootable disk", mbr[510], mbr[511]);
		return -1;
	}
	/* The network stays open: every INT 13h call from here on is served
	 * over it. */
	struct bios_real_entry entry = {
		.cs = 0, .ip = MBR_ADDRESS, .ss = 0, .sp = MBR_ADDRESS,
		.edx = disk->drive,
	};
	bios_real_jump(&entry);
}

void platform_san_detach(struct san_disk *disk)
{
	bios_int13_uninstall(disk);
}
