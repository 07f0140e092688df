/* A netdev over the firmware's Simple Network Protocol (SNP).
 *
 * bootnet opens SNP exclusively, which unbinds the firmware's own network
 * stack (MNP and above) so it does not poll the NIC and take our packets;
 * on close everything goes back as found: filters, state, drivers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/netdev.h"
#include "efi_platform.h"

#define TX_BUFFERS 16

struct snp_dev {
	EFI_HANDLE handle;
	EFI_SIMPLE_NETWORK *snp;
	bool opened_exclusive;
	UINT32 state_found;        /* EfiSimpleNetwork{Stopped,Started,Initialized} */
	UINT32 filters_found;
	/* Transmit buffers the firmware may still be reading (busy until
	 * GetStatus hands them back): several, so sending never waits for one. */
	uint8_t tx_buf[TX_BUFFERS][NETDEV_MAX_FRAME];
	bool tx_busy[TX_BUFFERS];
	struct netdev netdev;
};

static EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;

/* Firmware differ in which receive filters they accept together (Apple's
 * refuses some combinations): try from the narrowest that works for us. */
static EFI_STATUS set_filters(EFI_SIMPLE_NETWORK *snp)
{
	static const UINT32 choices[] = {
		EFI_SIMPLE_NETWORK_RECEIVE_UNICAST | EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST,
		EFI_SIMPLE_NETWORK_RECEIVE_UNICAST | EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST |
			EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST,
		EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS,
	};
	EFI_STATUS status = EFI_UNSUPPORTED;
	for (size_t i = 0; i < sizeof(choices) / sizeof(choices[0]); i++) {
		UINT32 want = choices[i] & snp->Mode->ReceiveFilterMask;
		if (!want)
			continue;
		status = snp->ReceiveFilters(snp, want, 0, FALSE, 0, NULL);
		if (status == EFI_SUCCESS)
			return status;
	}
	return status;
}

static int snp_open(struct netdev *dev)
{
	struct snp_dev *s = dev->priv;
	EFI_SIMPLE_NETWORK *snp;
	EFI_STATUS status;

	status = efi_bs->OpenProtocol(s->handle, &snp_guid, (void **)&snp, efi_image_handle, NULL,
				      EFI_OPEN_PROTOCOL_EXCLUSIVE);
	s->opened_exclusive = (status == EFI_SUCCESS);
	if (!s->opened_exclusive)
		snp = s->snp; /* shared use still works when the firmware stack is idle */
	s->snp = snp;
	snprintf(dev->path, sizeof(dev->path), "SNP (%s)", s->opened_exclusive ? "exclusive" :
		 "shared with the firmware's network stack");
	s->state_found = snp->Mode->State;
	s->filters_found = snp->Mode->ReceiveFilterSetting;

	if (snp->Mode->State == EfiSimpleNetworkStopped &&
	    (status = snp->Start(snp)) != EFI_SUCCESS) {
		snprintf(dev->error, sizeof(dev->error), "SNP Start failed: %s", efi_strerror(status));
		return -1;
	}
	if (snp->Mode->State == EfiSimpleNetworkStarted &&
	    (status = snp->Initialize(snp, 0, 0)) != EFI_SUCCESS) {
		snprintf(dev->error, sizeof(dev->error), "SNP Initialize failed: %s",
			 efi_strerror(status));
		return -1;
	}
	if ((status = set_filters(snp)) != EFI_SUCCESS) {
		snprintf(dev->error, sizeof(dev->error), "SNP refused every receive filter: %s",
			 efi_strerror(status));
		return -1;
	}
	return 0;
}

static void reclaim_tx(struct snp_dev *s);

static void snp_close(struct netdev *dev)
{
	struct snp_dev *s = dev->priv;
	EFI_SIMPLE_NETWORK *snp = s->snp;
	uint64_t start = platform_now_ms();

	/* Let the last frames go out before the buffers stop being ours. */
	while (platform_now_ms() - start < 50) {
		bool busy = false;
		reclaim_tx(s);
		for (int i = 0; i < TX_BUFFERS; i++)
			busy |= s->tx_busy[i];
		if (!busy)
			break;
	}
	for (int i = 0; i < TX_BUFFERS; i++)
		s->tx_busy[i] = false;
	snp->ReceiveFilters(snp, s->filters_found, ~s->filters_found & snp->Mode->ReceiveFilterMask,
			    FALSE, 0, NULL);
	if (s->state_found != EfiSimpleNetworkInitialized && snp->Mode->State == EfiSimpleNetworkInitialized)
		snp->Shutdown(snp);
	if (s->state_found == EfiSimpleNetworkStopped && snp->Mode->State == EfiSimpleNetworkStarted)
		snp->Stop(snp);
	if (s->opened_exclusive) {
		efi_bs->CloseProtocol(s->handle, &snp_guid, efi_image_handle, NULL);
		/* Give the firmware its network stack back. */
		efi_bs->ConnectController(s->handle, NULL, NULL, TRUE);
	}
}

/* Marks every buffer the firmware has finished sending as free again. */
static void reclaim_tx(struct snp_dev *s)
{
	for (;;) {
		void *done = NULL;
		if (s->snp->GetStatus(s->snp, NULL, &done) != EFI_SUCCESS || !done)
			return;
		for (int i = 0; i < TX_BUFFERS; i++)
			if (done == s->tx_buf[i])
				s->tx_busy[i] = false;
	}
}

static int free_tx_buffer(struct snp_dev *s)
{
	for (int i = 0; i < TX_BUFFERS; i++)
		if (!s->tx_busy[i])
			return i;
	return -1;
}

static int snp_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct snp_dev *s = dev->priv;
	EFI_STATUS status;
	uint64_t start = platform_now_ms();
	int slot;

	if (len > NETDEV_MAX_FRAME)
		return -1;
	/* Wait (briefly) only when every buffer is still with the firmware. */
	reclaim_tx(s);
	while ((slot = free_tx_buffer(s)) < 0) {
		if (platform_now_ms() - start > 100)
			return -1;
		reclaim_tx(s);
	}
	memcpy(s->tx_buf[slot], frame, len);
	while ((status = s->snp->Transmit(s->snp, 0, len, s->tx_buf[slot], NULL, NULL, NULL)) ==
	       EFI_NOT_READY) {
		reclaim_tx(s);
		if (platform_now_ms() - start > 100)
			return -1;
	}
	if (status != EFI_SUCCESS) {
		snprintf(dev->error, sizeof(dev->error), "SNP Transmit failed: %s", efi_strerror(status));
		return -1;
	}
	s->tx_busy[slot] = true;
	return 0;
}

static int snp_receive(struct netdev *dev, void *buf, size_t size)
{
	struct snp_dev *s = dev->priv;
	UINTN len = size;
	EFI_STATUS status = s->snp->Receive(s->snp, NULL, &len, buf, NULL, NULL, NULL);
	if (status == EFI_SUCCESS)
		return (int)len;
	return 0; /* EFI_NOT_READY, or a frame too big for us: dropped */
}

static bool snp_link_up(struct netdev *dev)
{
	struct snp_dev *s = dev->priv;
	EFI_SIMPLE_NETWORK_MODE *m = s->snp->Mode;
	return !m->MediaPresentSupported || m->MediaPresent;
}

static const struct netdev_ops snp_ops = {
	.open = snp_open,
	.close = snp_close,
	.transmit = snp_transmit,
	.receive = snp_receive,
	.link_up = snp_link_up,
};

/* Makes a netdev for the SNP on handle; NULL when there is no memory. */
struct netdev *efi_snp_netdev(EFI_HANDLE handle, EFI_SIMPLE_NETWORK *snp)
{
	struct snp_dev *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->handle = handle;
	s->snp = snp;
	s->netdev.priv = s;
	s->netdev.ops = &snp_ops;
	memcpy(s->netdev.mac, snp->Mode->CurrentAddress.Addr, 6);
	s->netdev.mtu = snp->Mode->MaxPacketSize ? snp->Mode->MaxPacketSize : 1500;
	snprintf(s->netdev.path, sizeof(s->netdev.path), "SNP");
	s->netdev.on_pci = efi_pci_location_of(handle, &s->netdev.pci.segment, &s->netdev.pci.bus,
					       &s->netdev.pci.dev, &s->netdev.pci.fn);
	return &s->netdev;
}
