/* What efi_nii.c (the netdev over a NII 3.1 UNDI) and efi_nii_callbacks.c
 * (the services the UNDI calls back) share. */
#ifndef EFI_NII_H
#define EFI_NII_H

#include "../firmware/netdev.h"
#include "../firmware/undi_cdb.h"
#include "efi_platform.h"

#define NII_31_GUID \
	{ 0x1aced566, 0x76ed, 0x4218, { 0xbc, 0x81, 0x76, 0x7f, 0x1f, 0x97, 0x7a, 0x89 } }

#define NII_TX_BUFFERS 16
#define NII_MAX_MAPS 64

/* One DMA mapping the UNDI asked for (Map_Mem), until it unmaps it. */
struct nii_map {
	UINT64 virt, mapped;
	UINT32 size, direction;
	void *token;               /* PciIo's; NULL for an identity mapping */
};

/* Lives in memory below 4 GiB (allocated as pages): the command blocks and
 * frame buffers are handed to the UNDI, which may only reach 32 bits. */
struct nii_dev {
	EFI_HANDLE handle;
	EFI_NETWORK_INTERFACE_IDENTIFIER_INTERFACE *nii;
	EFI_PCI_IO_PROTOCOL *pci;  /* the NIC's, for Mem_IO and DMA; may be NULL */
	UINT64 entry;              /* the UNDI's command entry point */
	uint32_t implementation;   /* !PXE implementation flags */
	UINTN pages;               /* size of this structure, in pages */

	bool opened_nii, opened_snp;
	bool state_known;          /* GET_STATE answered at open */
	enum undi_state state_found;
	uint16_t filters_found, filters_set;
	bool media_status_supported;
	void *undi_memory;         /* given to INITIALIZE */
	UINTN undi_memory_pages;

	unsigned block_depth;      /* Block callback */
	EFI_TPL block_tpl;
	struct nii_map maps[NII_MAX_MAPS];

	struct undi_cdb cdb __attribute__((aligned(16)));
	union {
		struct undi_cpb_start start;
		struct undi_cpb_initialize init;
		struct undi_cpb_transmit tx;
		struct undi_cpb_receive rx;
	} cpb __attribute__((aligned(16)));
	union {
		struct undi_db_get_init_info init_info;
		struct undi_db_initialize init;
		struct undi_db_station_address station;
		struct undi_db_get_status status;
		struct undi_db_receive rx;
	} db __attribute__((aligned(16)));

	uint8_t tx_buf[NII_TX_BUFFERS][NETDEV_MAX_FRAME] __attribute__((aligned(16)));
	bool tx_busy[NII_TX_BUFFERS];
	uint8_t rx_buf[NETDEV_MAX_FRAME] __attribute__((aligned(16)));
	struct netdev netdev;
};

/* Fills START's parameters: our callbacks, with d as their unique id. */
void efi_nii_callbacks(struct undi_cpb_start *cpb, struct nii_dev *d);
/* Undoes the DMA mappings the UNDI left (after SHUTDOWN/STOP). */
void efi_nii_unmap_all(struct nii_dev *d);

/* Makes a netdev for the NII 3.1 on handle; NULL (with why in *why) when
 * its UNDI cannot be used or there is no memory. */
struct netdev *efi_nii_netdev(EFI_HANDLE handle, EFI_NETWORK_INTERFACE_IDENTIFIER_INTERFACE *nii,
			      const char **why);
/* Frees a netdev efi_nii_netdev made (closed, or never opened). */
void efi_nii_netdev_free(struct netdev *dev);

#endif
