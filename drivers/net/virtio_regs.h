/* virtio over PCI: register and capability names, from the virtio 1.1
 * specification (section 4.1) and its legacy interface (virtio 0.9.5). */
#ifndef VIRTIO_REGS_H
#define VIRTIO_REGS_H

/* Device status (both interfaces). */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER      0x02
#define VIRTIO_STATUS_DRIVER_OK   0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_FAILED      0x80

/* Feature bits. */
#define VIRTIO_NET_F_MAC     5
#define VIRTIO_NET_F_STATUS  16
#define VIRTIO_F_VERSION_1   32
#define VIRTIO_NET_S_LINK_UP 1

/* The legacy interface: registers in I/O BAR0. */
#define VIRTIO_LEGACY_HOST_FEATURES  0x00
#define VIRTIO_LEGACY_GUEST_FEATURES 0x04
#define VIRTIO_LEGACY_QUEUE_PFN      0x08  /* ring address >> 12 */
#define VIRTIO_LEGACY_QUEUE_SIZE     0x0c
#define VIRTIO_LEGACY_QUEUE_SELECT   0x0e
#define VIRTIO_LEGACY_QUEUE_NOTIFY   0x10
#define VIRTIO_LEGACY_STATUS         0x12
#define VIRTIO_LEGACY_ISR            0x13
#define VIRTIO_LEGACY_DEVICE_CONFIG  0x14  /* with MSI-X off, which we leave it */
#define VIRTIO_LEGACY_RING_ALIGN     4096

/* The modern interface: vendor-specific PCI capabilities point into BARs. */
#define PCI_CAP_ID_VENDOR         0x09
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG    3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4
#define VIRTIO_CAP_CFG_TYPE   3   /* offsets within the capability */
#define VIRTIO_CAP_BAR        4
#define VIRTIO_CAP_OFFSET     8
#define VIRTIO_CAP_LENGTH     12
#define VIRTIO_CAP_NOTIFY_MULTIPLIER 16

/* struct virtio_pci_common_cfg */
#define VIRTIO_COMMON_DFSELECT      0x00
#define VIRTIO_COMMON_DF            0x04
#define VIRTIO_COMMON_GFSELECT      0x08
#define VIRTIO_COMMON_GF            0x0c
#define VIRTIO_COMMON_NUM_QUEUES    0x12
#define VIRTIO_COMMON_STATUS        0x14
#define VIRTIO_COMMON_Q_SELECT      0x16
#define VIRTIO_COMMON_Q_SIZE        0x18
#define VIRTIO_COMMON_Q_ENABLE      0x1c
#define VIRTIO_COMMON_Q_NOFF        0x1e
#define VIRTIO_COMMON_Q_DESCLO      0x20
#define VIRTIO_COMMON_Q_DESCHI      0x24
#define VIRTIO_COMMON_Q_AVAILLO     0x28
#define VIRTIO_COMMON_Q_AVAILHI     0x2c
#define VIRTIO_COMMON_Q_USEDLO      0x30
#define VIRTIO_COMMON_Q_USEDHI      0x34
#define VIRTIO_MODERN_RING_ALIGN    4

/* struct virtio_net_config */
#define VIRTIO_NET_CONFIG_MAC    0
#define VIRTIO_NET_CONFIG_STATUS 6

/* The header before every frame: 10 bytes legacy, 12 with VERSION_1
 * (num_buffers is always there). All zero on transmit: no offloads. */
#define VIRTIO_NET_HDR_LEGACY 10
#define VIRTIO_NET_HDR_MODERN 12

#define VIRTIO_NET_RX_QUEUE 0
#define VIRTIO_NET_TX_QUEUE 1

#endif
