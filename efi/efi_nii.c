/* A netdev over the Network Interface Identifier protocol 3.1: bootnet
 * drives the NIC's UNDI itself through its command interface (UEFI spec,
 * appendix E), for NICs whose firmware has an UNDI driver but no SNP on
 * top of it. On close the UNDI goes back to the state and receive filters
 * it was found in, and the firmware's drivers are reconnected. */
#include <stdio.h>
#include <string.h>
#include "efi_nii.h"

typedef VOID (EFIAPI *undi_entry_fn)(UINT64 cdb);

static EFI_GUID nii_guid = NII_31_GUID;
static EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;

/* Runs one command; true when it completed. The UNDI returns when done
 * unless it queued the command (we never ask it to): then wait a little. */
static bool issue(struct nii_dev *d, uint16_t opcode, uint16_t opflags, const void *cpb,
		  size_t cpb_size, void *db, size_t db_size)
{
	uint64_t start;

	undi_cdb_prepare(&d->cdb, opcode, opflags, d->nii->IfNum, cpb, cpb_size, db, db_size);
	((undi_entry_fn)(UINTN)d->entry)((UINT64)(UINTN)&d->cdb);
	start = platform_now_ms();
	while ((d->cdb.stat_flags & UNDI_STATFLAGS_STATUS_MASK) == UNDI_STATFLAGS_QUEUED &&
	       platform_now_ms() - start < 1000)
		;
	return undi_cdb_outcome(&d->cdb) == UNDI_DONE;
}

/* issue(), and on failure the reason in the netdev's error. */
static bool command(struct nii_dev *d, uint16_t opcode, uint16_t opflags, const void *cpb,
		    size_t cpb_size, void *db, size_t db_size)
{
	if (issue(d, opcode, opflags, cpb, cpb_size, db, db_size))
		return true;
	undi_cdb_error(d->netdev.error, sizeof(d->netdev.error), &d->cdb);
	return false;
}

/* The UNDI's buffer memory: below 4 GiB unless it drives 64-bit DMA. */
static bool give_memory(struct nii_dev *d, uint32_t bytes)
{
	EFI_PHYSICAL_ADDRESS addr = 0xffffffff;
	EFI_ALLOCATE_TYPE how = (d->implementation & UNDI_IMP_64BIT_DEVICE) ? AllocateAnyPages :
									   AllocateMaxAddress;
	d->undi_memory = NULL;
	d->undi_memory_pages = 0;
	if (!bytes)
		return true;
	d->undi_memory_pages = (bytes + 4095) / 4096;
	if (efi_bs->AllocatePages(how, EfiBootServicesData, d->undi_memory_pages, &addr) !=
	    EFI_SUCCESS) {
		snprintf(d->netdev.error, sizeof(d->netdev.error),
			 "no memory for the UNDI's %u-byte buffer", (unsigned)bytes);
		d->undi_memory_pages = 0;
		return false;
	}
	d->undi_memory = (void *)(UINTN)addr;
	memset(d->undi_memory, 0, d->undi_memory_pages * 4096);
	return true;
}

static void free_memory(struct nii_dev *d)
{
	if (d->undi_memory_pages)
		efi_bs->FreePages((EFI_PHYSICAL_ADDRESS)(UINTN)d->undi_memory, d->undi_memory_pages);
	d->undi_memory = NULL;
	d->undi_memory_pages = 0;
}

static bool start_undi(struct nii_dev *d)
{
	efi_nii_callbacks(&d->cpb.start, d);
	return command(d, UNDI_START, 0, &d->cpb.start, sizeof(d->cpb.start), NULL, 0);
}

static bool initialize_undi(struct nii_dev *d)
{
	struct undi_cpb_initialize *cpb = &d->cpb.init;
	uint32_t need;

	memset(&d->db, 0, sizeof(d->db));
	if (!command(d, UNDI_GET_INIT_INFO, 0, NULL, 0, &d->db.init_info, sizeof(d->db.init_info)))
		return false;
	need = d->db.init_info.memory_required;
	d->media_status_supported = d->cdb.stat_flags & UNDI_STATFLAGS_NO_MEDIA_SUPPORTED;
	if (d->db.init_info.frame_data_len >= 576 && d->db.init_info.frame_data_len < 1500)
		d->netdev.mtu = d->db.init_info.frame_data_len;
	if (!give_memory(d, need))
		return false;
	memset(cpb, 0, sizeof(*cpb));
	cpb->memory_addr = (UINT64)(UINTN)d->undi_memory;
	cpb->memory_length = (uint32_t)(d->undi_memory_pages * 4096);
	if (command(d, UNDI_INITIALIZE, UNDI_OPFLAGS_INIT_DETECT_CABLE, cpb, sizeof(*cpb),
		    &d->db.init, sizeof(d->db.init)))
		return true;
	free_memory(d);
	return false;
}

/* Narrowest receive filters the UNDI accepts (see undi_filter_choice). */
static bool set_filters(struct nii_dev *d)
{
	uint16_t want;
	for (unsigned n = 0; (want = undi_filter_choice(d->implementation, n)) != 0; n++) {
		if (issue(d, UNDI_RECEIVE_FILTERS, UNDI_OPFLAGS_FILTER_ENABLE | want, NULL, 0, NULL,
			  0)) {
			d->filters_set = want;
			return true;
		}
	}
	undi_cdb_error(d->netdev.error, sizeof(d->netdev.error), &d->cdb);
	return false;
}

/* Opens NII (and an SNP on the same handle, if any) exclusively: whoever
 * drives the NIC through them (SnpDxe, MNP) lets go until close. */
static void claim(struct nii_dev *d)
{
	void *iface;
	d->opened_nii = efi_bs->OpenProtocol(d->handle, &nii_guid, &iface, efi_image_handle, NULL,
					     EFI_OPEN_PROTOCOL_EXCLUSIVE) == EFI_SUCCESS;
	d->opened_snp = efi_bs->HandleProtocol(d->handle, &snp_guid, &iface) == EFI_SUCCESS &&
			efi_bs->OpenProtocol(d->handle, &snp_guid, &iface, efi_image_handle, NULL,
					     EFI_OPEN_PROTOCOL_EXCLUSIVE) == EFI_SUCCESS;
}

static void release(struct nii_dev *d)
{
	if (d->opened_snp)
		efi_bs->CloseProtocol(d->handle, &snp_guid, efi_image_handle, NULL);
	if (d->opened_nii)
		efi_bs->CloseProtocol(d->handle, &nii_guid, efi_image_handle, NULL);
	if (d->opened_nii || d->opened_snp)
		efi_bs->ConnectController(d->handle, NULL, NULL, TRUE);
	d->opened_nii = d->opened_snp = false;
}

static void nii_close(struct netdev *dev);

static int nii_open(struct netdev *dev)
{
	struct nii_dev *d = dev->priv;

	claim(d);
	d->filters_set = 0;
	d->state_known = command(d, UNDI_GET_STATE, 0, NULL, 0, NULL, 0);
	if (!d->state_known)
		goto fail;
	d->state_found = undi_cdb_state(&d->cdb);
	if (d->state_found == UNDI_STOPPED && !start_undi(d))
		goto fail;
	if (d->state_found != UNDI_INITIALIZED && !initialize_undi(d))
		goto fail;
	/* What was on, to put back at close (an UNDI that cannot say: none). */
	d->filters_found = issue(d, UNDI_RECEIVE_FILTERS, UNDI_OPFLAGS_FILTER_READ, NULL, 0, NULL, 0)
				   ? d->cdb.stat_flags & UNDI_STATFLAGS_FILTER_MASK : 0;
	if (!set_filters(d))
		goto fail;
	memset(&d->db, 0, sizeof(d->db));
	if (!command(d, UNDI_STATION_ADDRESS, 0, NULL, 0, &d->db.station, sizeof(d->db.station)))
		goto fail;
	memcpy(dev->mac, d->db.station.station, 6);
	snprintf(dev->path, sizeof(dev->path), "NII (UNDI %u.%u%s)", d->nii->MajorVer,
		 d->nii->MinorVer, d->state_found == UNDI_INITIALIZED ? ", found initialized" : "");
	return 0;
fail:
	{
		char why[sizeof(dev->error)];
		memcpy(why, dev->error, sizeof(why));
		nii_close(dev); /* undo what was done; keep the first error */
		memcpy(dev->error, why, sizeof(why));
	}
	return -1;
}

static void reclaim_tx(struct nii_dev *d)
{
	for (int round = 0; round < NII_TX_BUFFERS; round++) {
		uint64_t sent[UNDI_MAX_TX_BUFFERS];
		size_t n;
		memset(&d->db.status, 0, sizeof(d->db.status));
		if (!issue(d, UNDI_GET_STATUS, UNDI_OPFLAGS_GET_TX_BUFFERS, NULL, 0, &d->db.status,
			   sizeof(d->db.status)))
			return;
		n = undi_sent_buffers(&d->cdb, &d->db.status, sent, UNDI_MAX_TX_BUFFERS);
		if (!n)
			return;
		for (size_t k = 0; k < n; k++)
			for (int i = 0; i < NII_TX_BUFFERS; i++)
				if (sent[k] == (uint64_t)(UINTN)d->tx_buf[i])
					d->tx_busy[i] = false;
	}
}

static bool tx_pending(struct nii_dev *d)
{
	for (int i = 0; i < NII_TX_BUFFERS; i++)
		if (d->tx_busy[i])
			return true;
	return false;
}

static void nii_close(struct netdev *dev)
{
	struct nii_dev *d = dev->priv;
	uint64_t start = platform_now_ms();
	uint16_t off;

	if (!d->state_known) { /* the UNDI never answered: leave it alone */
		release(d);
		return;
	}
	d->state_known = false;
	while (tx_pending(d) && platform_now_ms() - start < 50)
		reclaim_tx(d);
	memset(d->tx_busy, 0, sizeof(d->tx_busy));
	if (d->state_found == UNDI_INITIALIZED && d->filters_set) {
		off = undi_filters_to_disable(d->filters_found, d->filters_set);
		if (off)
			issue(d, UNDI_RECEIVE_FILTERS, UNDI_OPFLAGS_FILTER_DISABLE | off, NULL, 0, NULL, 0);
		if (d->filters_found)
			issue(d, UNDI_RECEIVE_FILTERS, UNDI_OPFLAGS_FILTER_ENABLE | d->filters_found,
			      NULL, 0, NULL, 0);
	}
	if (d->state_found != UNDI_INITIALIZED && issue(d, UNDI_GET_STATE, 0, NULL, 0, NULL, 0) &&
	    undi_cdb_state(&d->cdb) == UNDI_INITIALIZED)
		issue(d, UNDI_SHUTDOWN, 0, NULL, 0, NULL, 0);
	if (d->state_found == UNDI_STOPPED && issue(d, UNDI_GET_STATE, 0, NULL, 0, NULL, 0) &&
	    undi_cdb_state(&d->cdb) == UNDI_STARTED)
		issue(d, UNDI_STOP, 0, NULL, 0, NULL, 0);
	if (d->state_found != UNDI_INITIALIZED) {
		efi_nii_unmap_all(d);
		free_memory(d);
	}
	release(d);
}

static int free_tx_slot(struct nii_dev *d)
{
	for (int i = 0; i < NII_TX_BUFFERS; i++)
		if (!d->tx_busy[i])
			return i;
	return -1;
}

/* Worth trying again after the UNDI has sent something. */
static bool is_full(const struct undi_cdb *cdb)
{
	return cdb->stat_code == UNDI_STAT_BUSY || cdb->stat_code == UNDI_STAT_QUEUE_FULL ||
	       cdb->stat_code == UNDI_STAT_BUFFER_FULL;
}

static int nii_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct nii_dev *d = dev->priv;
	uint64_t start = platform_now_ms();
	int slot;

	if (len > NETDEV_MAX_FRAME)
		return -1;
	reclaim_tx(d);
	while ((slot = free_tx_slot(d)) < 0) {
		if (platform_now_ms() - start > 100)
			return -1;
		reclaim_tx(d);
	}
	memcpy(d->tx_buf[slot], frame, len);
	/* The whole frame as DataLen with no separate header: what SnpDxe
	 * passes, so what every UNDI in the field has been tested with. */
	d->cpb.tx = (struct undi_cpb_transmit){ (UINT64)(UINTN)d->tx_buf[slot], (uint32_t)len, 0,
						0 };
	while (!issue(d, UNDI_TRANSMIT, UNDI_OPFLAGS_TX_DONT_BLOCK, &d->cpb.tx, sizeof(d->cpb.tx),
		      NULL, 0)) {
		if (!is_full(&d->cdb) || platform_now_ms() - start > 100) {
			undi_cdb_error(dev->error, sizeof(dev->error), &d->cdb);
			return -1;
		}
		reclaim_tx(d);
	}
	d->tx_busy[slot] = true;
	return 0;
}

static int nii_receive(struct netdev *dev, void *buf, size_t size)
{
	struct nii_dev *d = dev->priv;
	uint32_t len;

	d->cpb.rx = (struct undi_cpb_receive){ (UINT64)(UINTN)d->rx_buf, sizeof(d->rx_buf), 0 };
	memset(&d->db.rx, 0, sizeof(d->db.rx));
	if (!issue(d, UNDI_RECEIVE, 0, &d->cpb.rx, sizeof(d->cpb.rx), &d->db.rx, sizeof(d->db.rx)))
		return 0; /* NO_DATA, mostly */
	len = d->db.rx.frame_len;
	if (len > sizeof(d->rx_buf) || len > size) {
		dev->rx_dropped++; /* cut short by the buffer */
		return 0;
	}
	memcpy(buf, d->rx_buf, len);
	return (int)len;
}

static bool nii_link_up(struct netdev *dev)
{
	struct nii_dev *d = dev->priv;
	if (!d->media_status_supported)
		return true;
	memset(&d->db.status, 0, sizeof(d->db.status));
	if (!issue(d, UNDI_GET_STATUS, UNDI_OPFLAGS_GET_MEDIA_STATUS, NULL, 0, &d->db.status,
		   sizeof(d->db.status)))
		return true;
	return !(d->cdb.stat_flags & UNDI_STATFLAGS_NO_MEDIA);
}

static const struct netdev_ops nii_ops = {
	.open = nii_open,
	.close = nii_close,
	.transmit = nii_transmit,
	.receive = nii_receive,
	.link_up = nii_link_up,
};

/* The NIC's PciIo, found along the NII handle's device path. */
static EFI_PCI_IO_PROTOCOL *pci_io_of(EFI_HANDLE handle)
{
	EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
	EFI_DEVICE_PATH *dp = efi_device_path_of(handle);
	EFI_HANDLE pci_handle;
	EFI_PCI_IO_PROTOCOL *pci;

	if (!dp || efi_bs->LocateDevicePath(&pci_guid, &dp, &pci_handle) != EFI_SUCCESS ||
	    efi_bs->HandleProtocol(pci_handle, &pci_guid, (void **)&pci) != EFI_SUCCESS)
		return NULL;
	return pci;
}

/* The MAC a device path's MAC node gives, before the UNDI is asked. */
static void mac_from_path(EFI_HANDLE handle, uint8_t mac[6])
{
	UINT8 *n = (UINT8 *)efi_device_path_last_node(efi_device_path_of(handle));
	if (n && n[0] == MESSAGING_DEVICE_PATH && n[1] == MSG_MAC_ADDR_DP &&
	    (n[2] | (n[3] << 8)) >= 4 + 6)
		memcpy(mac, n + 4, 6);
}

struct netdev *efi_nii_netdev(EFI_HANDLE handle, EFI_NETWORK_INTERFACE_IDENTIFIER_INTERFACE *nii,
			      const char **why)
{
	const struct undi_pxe *pxe = (const struct undi_pxe *)(UINTN)nii->ID;
	UINTN pages = (sizeof(struct nii_dev) + 4095) / 4096;
	EFI_PHYSICAL_ADDRESS addr = 0xffffffff;
	struct nii_dev *d;

	*why = nii->Type != EfiNetworkInterfaceUndi ? "not an UNDI" :
	       undi_pxe_check(pxe, sizeof(struct undi_pxe));
	if (*why)
		return NULL;
	if (efi_bs->AllocatePages(AllocateMaxAddress, EfiBootServicesData, pages, &addr) !=
	    EFI_SUCCESS) {
		*why = "no memory below 4 GiB";
		return NULL;
	}
	d = (struct nii_dev *)(UINTN)addr;
	memset(d, 0, sizeof(*d));
	d->pages = pages;
	d->handle = handle;
	d->nii = nii;
	d->pci = pci_io_of(handle);
	memcpy(&d->implementation, &pxe->implementation, sizeof(d->implementation));
	d->entry = undi_entry_address(pxe, (UINT64)(UINTN)pxe);
	d->netdev.priv = d;
	d->netdev.ops = &nii_ops;
	d->netdev.mtu = 1500;
	mac_from_path(handle, d->netdev.mac);
	snprintf(d->netdev.path, sizeof(d->netdev.path), "NII (UNDI %u.%u)", nii->MajorVer,
		 nii->MinorVer);
	d->netdev.on_pci = efi_pci_location_of(handle, &d->netdev.pci.segment, &d->netdev.pci.bus,
					       &d->netdev.pci.dev, &d->netdev.pci.fn);
	return &d->netdev;
}

void efi_nii_netdev_free(struct netdev *dev)
{
	struct nii_dev *d = dev->priv;
	efi_bs->FreePages((EFI_PHYSICAL_ADDRESS)(UINTN)d, d->pages);
}
