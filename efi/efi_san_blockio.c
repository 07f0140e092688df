/* SAN disks on EFI: a Block I/O protocol and a device path on a new handle
 * (the NIC's PCI path, its MAC, the target's IPv4 address, then an iSCSI
 * node as the UEFI spec has it: Messaging type 3, subtype 19), connected so the firmware's partition
 * and FAT drivers find what is on the disk. Reads and writes go to the
 * core's SAN disk, which drives the network poll loop until they are done,
 * so the disk works for programs started from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/netdev.h"
#include "efi_exec.h"
#include "efi_san.h"

#define MSG_ISCSI_DP 0x13
/* iSCSI node login options (bits 10-11: 0 CHAP, 2 none; bit 12: one-way CHAP). */
#define ISCSI_LOGIN_AUTH_NONE (2u << 10)
#define ISCSI_LOGIN_CHAP_ONE_WAY (1u << 12)

static EFI_GUID block_io_guid = EFI_BLOCK_IO_PROTOCOL_GUID;
static EFI_GUID dp_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
static EFI_GUID pci_io_guid = EFI_PCI_IO_PROTOCOL_GUID;

static EFI_STATUS check_request(struct efi_san *s, UINT32 media_id, EFI_LBA lba, UINTN size,
				VOID *buf, uint32_t *count)
{
	uint32_t bs = s->media.BlockSize;
	if (media_id != s->media.MediaId)
		return EFI_MEDIA_CHANGED;
	if (!buf)
		return EFI_INVALID_PARAMETER;
	if (size % bs)
		return EFI_BAD_BUFFER_SIZE;
	if (size / bs > 0xffffffffu || lba > s->media.LastBlock ||
	    size / bs > s->media.LastBlock + 1 - lba)
		return EFI_INVALID_PARAMETER;
	if (s->busy)
		return EFI_NOT_READY; /* called again from inside the poll loop */
	/* The network runs through SNP, which the spec allows up to
	 * TPL_CALLBACK: a caller above that would wait forever. */
	EFI_TPL tpl = efi_bs->RaiseTPL(TPL_HIGH_LEVEL);
	efi_bs->RestoreTPL(tpl);
	if (tpl > TPL_CALLBACK)
		return EFI_DEVICE_ERROR;
	*count = (uint32_t)(size / bs);
	return EFI_SUCCESS;
}

static EFI_STATUS finish(struct efi_san *s, int rc, const char *what)
{
	s->busy = false;
	if (rc == 0) {
		s->said_error = false;
		return EFI_SUCCESS;
	}
	if (!s->said_error)
		console_printf("SAN device 0x%02x: %s failed: %s\n", s->disk->drive, what,
			       s->disk->error);
	s->said_error = true;
	return EFI_DEVICE_ERROR;
}

static EFI_STATUS EFIAPI san_read(EFI_BLOCK_IO_PROTOCOL *this, UINT32 media_id, EFI_LBA lba,
				  UINTN size, VOID *buf)
{
	struct efi_san *s = (struct efi_san *)this;
	uint32_t count;
	EFI_STATUS status = check_request(s, media_id, lba, size, buf, &count);
	if (status != EFI_SUCCESS || !count)
		return status;
	s->busy = true;
	return finish(s, s->disk->read(s->disk, lba, count, buf), "read");
}

static EFI_STATUS EFIAPI san_write(EFI_BLOCK_IO_PROTOCOL *this, UINT32 media_id, EFI_LBA lba,
				   UINTN size, VOID *buf)
{
	struct efi_san *s = (struct efi_san *)this;
	uint32_t count;
	EFI_STATUS status = check_request(s, media_id, lba, size, buf, &count);
	if (status != EFI_SUCCESS || !count)
		return status;
	s->busy = true;
	return finish(s, s->disk->write(s->disk, lba, count, buf), "write");
}

static EFI_STATUS EFIAPI san_reset(EFI_BLOCK_IO_PROTOCOL *this, BOOLEAN extended)
{
	(void)this, (void)extended;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI san_flush(EFI_BLOCK_IO_PROTOCOL *this)
{
	(void)this; /* writes are complete when the target has answered them */
	return EFI_SUCCESS;
}

/* The device path of the PCI NIC the first netdev sits on, or NULL. */
static EFI_DEVICE_PATH *nic_path(void)
{
	struct netdev *dev = netdev_first();
	EFI_HANDLE *handles;
	EFI_DEVICE_PATH *found = NULL;
	UINTN n;
	if (!dev || !dev->on_pci)
		return NULL;
	n = efi_handles_with(&pci_io_guid, &handles);
	for (UINTN i = 0; i < n && !found; i++) {
		UINT16 seg;
		UINT8 bus, d, fn;
		if (efi_pci_location_of(handles[i], &seg, &bus, &d, &fn) && seg == dev->pci.segment &&
		    bus == dev->pci.bus && d == dev->pci.dev && fn == dev->pci.fn)
			found = efi_device_path_of(handles[i]);
	}
	if (n)
		efi_bs->FreePool(handles);
	return found;
}

static void node_header(UINT8 *node, UINT8 type, UINT8 subtype, UINTN len)
{
	node[0] = type;
	node[1] = subtype;
	node[2] = (UINT8)len;
	node[3] = (UINT8)(len >> 8);
}

/* NIC / MAC / IPv4(target address, port, TCP) / iSCSI(target, LUN) / end. */
static EFI_DEVICE_PATH *disk_path(const struct san_disk *disk)
{
	EFI_DEVICE_PATH *nic = nic_path(), *with_mac, *with_ip, *path;
	struct netdev *dev = netdev_first();
	size_t name_len = strlen(disk->target);
	UINT8 mac[4 + 32 + 1] = { 0 }, ip[27] = { 0 }, *iscsi = calloc(1, 18 + name_len);
	UINT16 login = disk->auth == SAN_AUTH_NONE ? ISCSI_LOGIN_AUTH_NONE
		       : disk->auth == SAN_AUTH_CHAP ? ISCSI_LOGIN_CHAP_ONE_WAY : 0;

	if (!iscsi)
		return NULL;
	node_header(mac, MESSAGING_DEVICE_PATH, MSG_MAC_ADDR_DP, sizeof(mac));
	if (dev)
		memcpy(mac + 4, dev->mac, 6);
	mac[36] = 1; /* Ethernet */
	/* IPv4 (UEFI 2 layout, 27 bytes): remote address and port, TCP. */
	node_header(ip, MESSAGING_DEVICE_PATH, MSG_IPv4_DP, sizeof(ip));
	memcpy(ip + 8, &disk->server_addr, 4);
	ip[14] = (UINT8)disk->server_port;
	ip[15] = (UINT8)(disk->server_port >> 8);
	ip[16] = 6;
	node_header(iscsi, MESSAGING_DEVICE_PATH, MSG_ISCSI_DP, 18 + name_len);
	/* Protocol 0 (TCP); login options: the authentication used. */
	iscsi[6] = (UINT8)login;
	iscsi[7] = (UINT8)(login >> 8);
	memcpy(iscsi + 8, disk->lun, 8); /* the 8-byte SCSI LUN, as on the wire */
	iscsi[16] = 1; /* target portal group tag */
	memcpy(iscsi + 18, disk->target, name_len);
	with_mac = efi_path_append(nic, mac);
	with_ip = with_mac ? efi_path_append(with_mac, ip) : NULL;
	path = with_ip ? efi_path_append(with_ip, iscsi) : NULL;
	free(with_mac);
	free(with_ip);
	free(iscsi);
	return path;
}

int platform_san_attach(struct san_disk *disk, bool describe)
{
	struct efi_san *s = calloc(1, sizeof(*s));
	EFI_STATUS status;

	(void)describe; /* the iBFT/ACPI description comes with the BIOS side */
	if (!s || !(s->path = disk_path(disk))) {
		free(s);
		snprintf(disk->error, sizeof(disk->error), "out of memory");
		return -1;
	}
	s->disk = disk;
	s->media.MediaId = 1;
	s->media.MediaPresent = TRUE;
	s->media.BlockSize = disk->block_size;
	s->media.LastBlock = disk->block_count - 1;
	s->media.LogicalBlocksPerPhysicalBlock = 1;
	s->block_io.Revision = EFI_BLOCK_IO_PROTOCOL_REVISION3;
	s->block_io.Media = &s->media;
	s->block_io.Reset = san_reset;
	s->block_io.ReadBlocks = san_read;
	s->block_io.WriteBlocks = san_write;
	s->block_io.FlushBlocks = san_flush;
	status = efi_bs->InstallMultipleProtocolInterfaces(&s->handle, &block_io_guid,
							   &s->block_io, &dp_guid, s->path, NULL);
	if (status != EFI_SUCCESS) {
		snprintf(disk->error, sizeof(disk->error),
			 "the firmware would not take the disk's Block I/O protocol: %s",
			 efi_strerror(status));
		free(s->path);
		free(s);
		return -1;
	}
	disk->platform = s;
	/* Partitions and file systems: the firmware's drivers, recursively.
	 * An unpartitioned or unreadable disk is still attached. */
	efi_bs->ConnectController(s->handle, NULL, NULL, TRUE);
	return 0;
}

void platform_san_detach(struct san_disk *disk)
{
	struct efi_san *s = disk->platform;
	EFI_STATUS status;
	if (!s)
		return;
	efi_bs->DisconnectController(s->handle, NULL, NULL);
	status = efi_bs->UninstallMultipleProtocolInterfaces(s->handle, &block_io_guid,
							     &s->block_io, &dp_guid, s->path, NULL);
	disk->platform = NULL;
	if (status != EFI_SUCCESS) {
		/* Something still holds it open: point it at nothing, keep the memory. */
		console_printf("SAN device 0x%02x: the firmware still uses it (%s); it stays "
			       "installed but fails every access\n", disk->drive, efi_strerror(status));
		s->media.MediaPresent = FALSE;
		s->media.MediaId++;
		s->busy = true;
		return;
	}
	free(s->path);
	free(s);
}
