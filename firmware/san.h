/* SAN disks: a block device reached over the network (iSCSI today), as
 * the core sees it. sanhook/sanboot (cmd_san.c) make one and hand it to
 * the platform (platform_san_attach in platform.h), which shows it to the
 * firmware or the OS: EFI as a Block I/O handle; BIOS, later, as an INT 13h
 * drive and an iBFT. The platform reads and writes through the callbacks,
 * which drive bootnet's network poll loop until the transfer is done. */
#ifndef SAN_H
#define SAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct san_disk {
	char uri[512];
	unsigned drive;            /* iPXE's number: 0x80 for the first */
	uint32_t block_size;
	uint64_t block_count;
	/* Transfers whole blocks: 0, or -1 with a message in error. */
	int (*read)(struct san_disk *disk, uint64_t lba, uint32_t count, void *buf);
	int (*write)(struct san_disk *disk, uint64_t lba, uint32_t count, const void *buf);
	/* Logs out and frees the disk (it belongs to the protocol). */
	void (*close)(struct san_disk *disk);
	void *priv;                /* the protocol's session */
	void *platform;            /* what the platform installed for it */
	/* iSCSI details the platform may describe to the OS (device path, iBFT). */
	char target[224];
	uint8_t lun[8];            /* the SCSI LUN field, as on the wire */
	uint32_t server_addr;      /* network byte order */
	uint16_t server_port;
	enum { SAN_AUTH_NONE, SAN_AUTH_CHAP, SAN_AUTH_MUTUAL_CHAP } auth;
	char error[256];
	struct san_disk *next;
};

/* The iSCSI login's names and secrets from the settings (san_config.c):
 * what sanhook logs in with, and what the BIOS iBFT tells the OS. */
struct iscsi_config;
void san_iscsi_config(struct iscsi_config *cfg);

/* The attached disks, in drive order. */
struct san_disk *san_first(void);
struct san_disk *san_find(unsigned drive);
void san_add(struct san_disk *disk);
void san_remove(struct san_disk *disk);
/* Detaches and closes every disk: before bootnet returns to the firmware,
 * which must not keep handles into code that is about to go. */
void san_unhook_all(void);

#endif
