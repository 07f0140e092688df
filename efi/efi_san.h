/* SAN disks on EFI (efi_san_blockio.c, efi_san_boot.c): what the two
 * halves share. */
#ifndef EFI_SAN_H
#define EFI_SAN_H

#include "../firmware/san.h"
#include "efi_platform.h"

struct efi_san {
	EFI_BLOCK_IO_PROTOCOL block_io;  /* first: This points here */
	EFI_BLOCK_IO_MEDIA media;
	EFI_HANDLE handle;
	EFI_DEVICE_PATH *path;           /* NIC / MAC / iSCSI / end */
	struct san_disk *disk;
	bool busy;                       /* inside a transfer: no nesting */
	bool said_error;                 /* one message per failing streak */
};

#endif
