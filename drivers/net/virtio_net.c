/* virtio-net over PCI, both interfaces: legacy (virtio 0.9.5, registers in
 * I/O BAR0; 1af4:1000 when QEMU's disable-modern=on or older hypervisors)
 * and modern (virtio 1.x: PCI capabilities point at common, notify and
 * device configuration in memory BARs; 1af4:1041, and 1af4:1000 offering
 * both). Modern is used whenever the device has its capabilities.
 *
 * One receive and one transmit queue; each buffer is a header descriptor
 * chained to a frame descriptor (the legacy layout rule, valid for both). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../bus/nic_driver.h"
#include "../bus/pci_regs.h"
#include "virtio_regs.h"
#include "virtio_ring.h"

#define RX_BUFFERS 32
#define TX_BUFFERS 16
#define BUFFER_BYTES 2048       /* header + the largest frame, per buffer */
#define MODERN_QUEUE_SIZE 64    /* the most we ask for: 2 descriptors per buffer */
#define RESET_WAIT_MS 100

struct modern_regs {
	struct pci_bar common, notify, device;
	uint32_t common_off, notify_off, device_off;
	uint32_t notify_multiplier;
};

struct vnet {
	struct netdev *netdev;
	struct pci_location loc;
	bool modern;
	struct pci_bar io;              /* legacy registers */
	struct modern_regs m;
	uint64_t features;
	unsigned hdr_len;
	struct virtq rx, tx;
	uint32_t rx_notify, tx_notify;  /* modern: offsets into the notify BAR */
	uint8_t *buffers;               /* RX_BUFFERS then TX_BUFFERS, BUFFER_BYTES each */
	uint64_t buffers_bus;
	bool tx_busy[TX_BUFFERS];
};

/* ------------------------------------------------------------ transport */

static uint32_t common_read(struct vnet *v, unsigned reg, unsigned width)
{
	return pci_reg_read(&v->m.common, v->m.common_off + reg, width);
}

static void common_write(struct vnet *v, unsigned reg, unsigned width, uint32_t value)
{
	pci_reg_write(&v->m.common, v->m.common_off + reg, width, value);
}

static uint8_t status_read(struct vnet *v)
{
	return v->modern ? (uint8_t)common_read(v, VIRTIO_COMMON_STATUS, 1) :
			   (uint8_t)pci_reg_read(&v->io, VIRTIO_LEGACY_STATUS, 1);
}

static void status_write(struct vnet *v, uint8_t status)
{
	if (v->modern)
		common_write(v, VIRTIO_COMMON_STATUS, 1, status);
	else
		pci_reg_write(&v->io, VIRTIO_LEGACY_STATUS, 1, status);
}

/* Writing 0 resets the device: it stops using the rings (all DMA stops). */
static bool device_reset(struct vnet *v)
{
	uint64_t start = platform_now_ms();
	status_write(v, 0);
	while (status_read(v) != 0) {
		if (platform_now_ms() - start > RESET_WAIT_MS)
			return false;
		platform_delay_us(100);
	}
	return true;
}

static uint8_t device_config_read8(struct vnet *v, unsigned offset)
{
	if (v->modern)
		return (uint8_t)pci_reg_read(&v->m.device, v->m.device_off + offset, 1);
	return (uint8_t)pci_reg_read(&v->io, VIRTIO_LEGACY_DEVICE_CONFIG + offset, 1);
}

static void notify(struct vnet *v, unsigned queue)
{
	if (!virtq_wants_notify(queue == VIRTIO_NET_RX_QUEUE ? &v->rx : &v->tx))
		return; /* it is busy with the queue and will see the new buffers */
	if (v->modern)
		pci_reg_write(&v->m.notify, queue == VIRTIO_NET_RX_QUEUE ? v->rx_notify : v->tx_notify,
			      2, queue);
	else
		pci_reg_write(&v->io, VIRTIO_LEGACY_QUEUE_NOTIFY, 2, queue);
}

/* Walks the vendor capabilities for the modern interface's structures;
 * false when the device has none (a legacy-only device). */
static bool find_modern_caps(struct vnet *v, char *why, size_t why_size, bool *broken)
{
	uint32_t status = 0, ptr = 0;
	bool have_common = false, have_notify = false, have_device = false;
	int guard = 48;

	*broken = false;
	if (!platform_pci_config_read(&v->loc, 0x06, 2, &status) || !(status & 0x10))
		return false;
	platform_pci_config_read(&v->loc, 0x34, 1, &ptr);
	while (ptr >= 0x40 && ptr < 0x100 && guard-- > 0) {
		uint32_t id = 0, next = 0, type = 0, bar = 0, offset = 0, mult = 0;
		platform_pci_config_read(&v->loc, ptr, 1, &id);
		platform_pci_config_read(&v->loc, ptr + 1, 1, &next);
		if (id == PCI_CAP_ID_VENDOR) {
			struct pci_bar *target = NULL;
			platform_pci_config_read(&v->loc, ptr + VIRTIO_CAP_CFG_TYPE, 1, &type);
			platform_pci_config_read(&v->loc, ptr + VIRTIO_CAP_BAR, 1, &bar);
			platform_pci_config_read(&v->loc, ptr + VIRTIO_CAP_OFFSET, 4, &offset);
			if (type == VIRTIO_PCI_CAP_COMMON_CFG && !have_common) {
				target = &v->m.common;
				v->m.common_off = offset;
				have_common = true;
			} else if (type == VIRTIO_PCI_CAP_NOTIFY_CFG && !have_notify) {
				platform_pci_config_read(&v->loc, ptr + VIRTIO_CAP_NOTIFY_MULTIPLIER, 4,
							 &mult);
				target = &v->m.notify;
				v->m.notify_off = offset;
				v->m.notify_multiplier = mult;
				have_notify = true;
			} else if (type == VIRTIO_PCI_CAP_DEVICE_CFG && !have_device) {
				target = &v->m.device;
				v->m.device_off = offset;
				have_device = true;
			}
			if (target && !pci_bar_get(&v->loc, (int)bar, target, why, why_size)) {
				*broken = true;
				return false;
			}
		}
		ptr = next;
	}
	return have_common && have_notify && have_device;
}

/* --------------------------------------------------------------- queues */

static void queue_free(struct vnet *v, struct virtq *q)
{
	if (q->mem)
		platform_dma_free(&v->loc, q->mem, q->mem_size);
	memset(q, 0, sizeof(*q));
}

static int queue_setup_legacy(struct vnet *v, unsigned index, struct virtq *q, char *why,
			      size_t why_size)
{
	pci_reg_write(&v->io, VIRTIO_LEGACY_QUEUE_SELECT, 2, index);
	unsigned size = pci_reg_read(&v->io, VIRTIO_LEGACY_QUEUE_SIZE, 2);
	/* Legacy devices fix the size; it must hold two descriptors per buffer. */
	if (size < 2 * RX_BUFFERS || size > 32768 || (size & (size - 1))) {
		snprintf(why, why_size, "queue %u has %u entries (need a power of two >= %d)", index,
			 size, 2 * RX_BUFFERS);
		return -1;
	}
	uint64_t bus;
	void *mem = platform_dma_alloc(&v->loc, virtq_bytes(size, VIRTIO_LEGACY_RING_ALIGN), &bus);
	if (!mem) {
		snprintf(why, why_size, "no DMA memory for queue %u", index);
		return -1;
	}
	virtq_layout(q, size, VIRTIO_LEGACY_RING_ALIGN, mem, bus);
	pci_reg_write(&v->io, VIRTIO_LEGACY_QUEUE_PFN, 4, (uint32_t)(bus >> 12));
	return 0;
}

static void write64(struct vnet *v, unsigned lo, uint64_t value)
{
	common_write(v, lo, 4, (uint32_t)value);
	common_write(v, lo + 4, 4, (uint32_t)(value >> 32));
}

static int queue_setup_modern(struct vnet *v, unsigned index, struct virtq *q,
			      uint32_t *notify_at, char *why, size_t why_size)
{
	common_write(v, VIRTIO_COMMON_Q_SELECT, 2, index);
	unsigned max = common_read(v, VIRTIO_COMMON_Q_SIZE, 2);
	unsigned size = max < MODERN_QUEUE_SIZE ? max : MODERN_QUEUE_SIZE;
	if (size < 2 * RX_BUFFERS || (size & (size - 1))) {
		snprintf(why, why_size, "queue %u offers %u entries (need a power of two >= %d)",
			 index, max, 2 * RX_BUFFERS);
		return -1;
	}
	uint64_t bus;
	void *mem = platform_dma_alloc(&v->loc, virtq_bytes(size, VIRTIO_MODERN_RING_ALIGN), &bus);
	if (!mem) {
		snprintf(why, why_size, "no DMA memory for queue %u", index);
		return -1;
	}
	virtq_layout(q, size, VIRTIO_MODERN_RING_ALIGN, mem, bus);
	common_write(v, VIRTIO_COMMON_Q_SIZE, 2, size);
	write64(v, VIRTIO_COMMON_Q_DESCLO, virtq_desc_bus(q));
	write64(v, VIRTIO_COMMON_Q_AVAILLO, virtq_avail_bus(q));
	write64(v, VIRTIO_COMMON_Q_USEDLO, virtq_used_bus(q));
	*notify_at = v->m.notify_off +
		     common_read(v, VIRTIO_COMMON_Q_NOFF, 2) * v->m.notify_multiplier;
	common_write(v, VIRTIO_COMMON_Q_ENABLE, 2, 1);
	return 0;
}

static uint8_t *buffer(struct vnet *v, unsigned n)
{
	return v->buffers + (size_t)n * BUFFER_BYTES;
}

static uint64_t buffer_bus(struct vnet *v, unsigned n)
{
	return v->buffers_bus + (uint64_t)n * BUFFER_BYTES;
}

/* Buffer n as descriptors 2k and 2k+1 of q: header, then frame. */
static void describe(struct vnet *v, struct virtq *q, unsigned k, unsigned n, uint32_t frame_len,
		     uint16_t flags)
{
	volatile struct vring_desc *d = &q->desc[2 * k];
	d[0].addr = buffer_bus(v, n);
	d[0].len = v->hdr_len;
	d[0].flags = flags | VRING_DESC_F_NEXT;
	d[0].next = (uint16_t)(2 * k + 1);
	d[1].addr = buffer_bus(v, n) + v->hdr_len;
	d[1].len = frame_len;
	d[1].flags = flags;
	d[1].next = 0;
}

static void rx_offer(struct vnet *v, unsigned k)
{
	describe(v, &v->rx, k, k, BUFFER_BYTES - v->hdr_len, VRING_DESC_F_WRITE);
	virtq_offer(&v->rx, (uint16_t)(2 * k));
}

/* ------------------------------------------------------------ netdev ops */

static void vnet_close(struct netdev *dev)
{
	struct vnet *v = dev->priv;
	device_reset(v);
	queue_free(v, &v->rx);
	queue_free(v, &v->tx);
	if (v->buffers)
		platform_dma_free(&v->loc, v->buffers, (RX_BUFFERS + TX_BUFFERS) * BUFFER_BYTES);
	v->buffers = NULL;
	memset(v->tx_busy, 0, sizeof(v->tx_busy));
}

static bool negotiate(struct vnet *v, char *why, size_t why_size)
{
	uint64_t offered;
	uint64_t wanted = (1ull << VIRTIO_NET_F_MAC) | (1ull << VIRTIO_NET_F_STATUS);

	if (!v->modern) {
		offered = pci_reg_read(&v->io, VIRTIO_LEGACY_HOST_FEATURES, 4);
		v->features = offered & wanted;
		pci_reg_write(&v->io, VIRTIO_LEGACY_GUEST_FEATURES, 4, (uint32_t)v->features);
		return true;
	}
	common_write(v, VIRTIO_COMMON_DFSELECT, 4, 0);
	offered = common_read(v, VIRTIO_COMMON_DF, 4);
	common_write(v, VIRTIO_COMMON_DFSELECT, 4, 1);
	offered |= (uint64_t)common_read(v, VIRTIO_COMMON_DF, 4) << 32;
	if (!(offered & (1ull << VIRTIO_F_VERSION_1))) {
		snprintf(why, why_size, "the device does not offer VIRTIO_F_VERSION_1");
		return false;
	}
	v->features = (offered & wanted) | (1ull << VIRTIO_F_VERSION_1);
	common_write(v, VIRTIO_COMMON_GFSELECT, 4, 0);
	common_write(v, VIRTIO_COMMON_GF, 4, (uint32_t)v->features);
	common_write(v, VIRTIO_COMMON_GFSELECT, 4, 1);
	common_write(v, VIRTIO_COMMON_GF, 4, (uint32_t)(v->features >> 32));
	status_write(v, status_read(v) | VIRTIO_STATUS_FEATURES_OK);
	if (!(status_read(v) & VIRTIO_STATUS_FEATURES_OK)) {
		snprintf(why, why_size, "the device refused our features (FEATURES_OK not kept)");
		return false;
	}
	return true;
}

static int vnet_open(struct netdev *dev)
{
	struct vnet *v = dev->priv;
	char *why = dev->error;
	size_t why_size = sizeof(dev->error);

	if (!device_reset(v)) {
		snprintf(why, why_size, "virtio-net: the device did not reset within %d ms",
			 RESET_WAIT_MS);
		return -1;
	}
	status_write(v, VIRTIO_STATUS_ACKNOWLEDGE);
	status_write(v, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	if (!negotiate(v, why, why_size))
		goto fail;
	v->buffers = platform_dma_alloc(&v->loc, (RX_BUFFERS + TX_BUFFERS) * BUFFER_BYTES, &v->buffers_bus);
	if (!v->buffers) {
		snprintf(why, why_size, "virtio-net: no DMA memory for buffers");
		goto fail;
	}
	if (v->modern ? queue_setup_modern(v, VIRTIO_NET_RX_QUEUE, &v->rx, &v->rx_notify, why,
					   why_size) ||
				queue_setup_modern(v, VIRTIO_NET_TX_QUEUE, &v->tx, &v->tx_notify, why,
						   why_size)
		      : queue_setup_legacy(v, VIRTIO_NET_RX_QUEUE, &v->rx, why, why_size) ||
				queue_setup_legacy(v, VIRTIO_NET_TX_QUEUE, &v->tx, why, why_size))
		goto fail;
	for (unsigned k = 0; k < RX_BUFFERS; k++)
		rx_offer(v, k);
	status_write(v, status_read(v) | VIRTIO_STATUS_DRIVER_OK);
	notify(v, VIRTIO_NET_RX_QUEUE);
	return 0;
fail:
	status_write(v, status_read(v) | VIRTIO_STATUS_FAILED);
	vnet_close(dev);
	return -1;
}

/* Marks the transmit buffers the device has finished with as free. */
static void tx_reclaim(struct vnet *v)
{
	uint32_t head, len;
	while (virtq_take_used(&v->tx, &head, &len))
		if (head % 2 == 0 && head / 2 < TX_BUFFERS)
			v->tx_busy[head / 2] = false;
}

static int vnet_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct vnet *v = dev->priv;
	uint64_t start = platform_now_ms();
	int k = -1;

	if (len > BUFFER_BYTES - v->hdr_len)
		return -1;
	while (k < 0) {
		tx_reclaim(v);
		for (int i = 0; i < TX_BUFFERS && k < 0; i++)
			if (!v->tx_busy[i])
				k = i;
		if (k < 0 && platform_now_ms() - start > 100) {
			snprintf(dev->error, sizeof(dev->error),
				 "virtio-net: the device sent nothing for 100 ms (transmit queue full)");
			return -1;
		}
	}
	uint8_t *b = buffer(v, RX_BUFFERS + (unsigned)k);
	memset(b, 0, v->hdr_len);
	memcpy(b + v->hdr_len, frame, len);
	describe(v, &v->tx, (unsigned)k, RX_BUFFERS + (unsigned)k, (uint32_t)len, 0);
	v->tx_busy[k] = true;
	virtq_offer(&v->tx, (uint16_t)(2 * k));
	notify(v, VIRTIO_NET_TX_QUEUE);
	return 0;
}

static int vnet_receive(struct netdev *dev, void *out, size_t size)
{
	struct vnet *v = dev->priv;
	uint32_t head, len;

	while (virtq_take_used(&v->rx, &head, &len)) {
		if (head % 2 || head / 2 >= RX_BUFFERS)
			continue; /* not a chain we offered: nothing to give back */
		unsigned k = head / 2;
		int got = 0;
		/* len counts the header; a frame too short or too long is dropped. */
		if (len > v->hdr_len && len - v->hdr_len <= size &&
		    len <= BUFFER_BYTES) {
			got = (int)(len - v->hdr_len);
			memcpy(out, buffer(v, k) + v->hdr_len, (size_t)got);
		} else {
			dev->rx_dropped++;
		}
		rx_offer(v, k);
		notify(v, VIRTIO_NET_RX_QUEUE);
		if (got)
			return got;
	}
	return 0;
}

static bool vnet_link_up(struct netdev *dev)
{
	struct vnet *v = dev->priv;
	if (!(v->features & (1ull << VIRTIO_NET_F_STATUS)))
		return true; /* the device cannot tell: assume up */
	return device_config_read8(v, VIRTIO_NET_CONFIG_STATUS) & VIRTIO_NET_S_LINK_UP;
}

static const struct netdev_ops vnet_ops = {
	.open = vnet_open,
	.close = vnet_close,
	.transmit = vnet_transmit,
	.receive = vnet_receive,
	.link_up = vnet_link_up,
};

static int vnet_probe(const struct pci_device_info *pci, const struct pci_id *id,
		      struct netdev *netdev, char *why, size_t why_size)
{
	struct vnet *v = calloc(1, sizeof(*v));
	bool broken;
	(void)id;

	if (!v) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	v->netdev = netdev;
	v->loc = pci->loc;
	v->modern = find_modern_caps(v, why, why_size, &broken);
	if (broken)
		goto fail;
	if (!v->modern && !pci_bar_get(&pci->loc, 0, &v->io, why, why_size))
		goto fail;
	if (!v->modern && !v->io.is_io) {
		snprintf(why, why_size, "legacy device whose BAR0 is not I/O ports");
		goto fail;
	}
	v->hdr_len = v->modern ? VIRTIO_NET_HDR_MODERN : VIRTIO_NET_HDR_LEGACY;
	if (!device_reset(v)) {
		snprintf(why, why_size, "the device did not reset within %d ms", RESET_WAIT_MS);
		goto fail;
	}
	/* The MAC is valid to read once the driver has acknowledged the device. */
	status_write(v, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	uint32_t features;
	if (v->modern) {
		common_write(v, VIRTIO_COMMON_DFSELECT, 4, 0);
		features = common_read(v, VIRTIO_COMMON_DF, 4);
	} else {
		features = pci_reg_read(&v->io, VIRTIO_LEGACY_HOST_FEATURES, 4);
	}
	if (!(features & (1u << VIRTIO_NET_F_MAC))) {
		/* We could make one up, but a DHCP server would never know it. */
		device_reset(v);
		snprintf(why, why_size, "the device has no MAC address (VIRTIO_NET_F_MAC not offered)");
		goto fail;
	}
	for (int i = 0; i < 6; i++)
		netdev->mac[i] = device_config_read8(v, VIRTIO_NET_CONFIG_MAC + (unsigned)i);
	device_reset(v);
	netdev->priv = v;
	netdev->ops = &vnet_ops;
	netdev->mtu = 1500;
	snprintf(netdev->path, sizeof(netdev->path), "virtio-net (%s)",
		 v->modern ? "virtio 1.0" : "legacy");
	return 0;
fail:
	free(v);
	return -1;
}

static const struct pci_id vnet_ids[] = {
	{ 0x1af4, 0x1000, "virtio-net (transitional)" },
	{ 0x1af4, 0x1041, "virtio-net" },
	{ 0, 0, NULL },
};

const struct nic_driver virtio_net_driver = {
	.name = "virtio-net",
	.ids = vnet_ids,
	.probe = vnet_probe,
};
