/* A split virtqueue (virtio 1.x section 2.6, the same rings as legacy
 * virtio 0.9.5): descriptor table, available ring (ours), used ring (the
 * device's). Pure memory logic, no register access, so host tests run it
 * against a hand-made "device". */
#ifndef VIRTIO_RING_H
#define VIRTIO_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VRING_DESC_F_NEXT  1
#define VRING_DESC_F_WRITE 2
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VRING_USED_F_NO_NOTIFY 1

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq {
	unsigned size;                 /* entries, a power of two */
	volatile struct vring_desc *desc;
	volatile uint16_t *avail;      /* flags, idx, ring[size], used_event */
	volatile uint16_t *used_hdr;   /* flags, idx */
	volatile struct vring_used_elem *used;
	uint16_t avail_idx;            /* next free available-ring slot (free-running) */
	uint16_t used_seen;            /* used entries consumed (free-running) */
	void *mem;                     /* the rings, in DMA memory */
	uint64_t mem_bus;
	size_t mem_size;
};

/* Bytes the rings take for size entries; legacy devices want the used ring
 * on the next 4 KiB boundary (align 4096), virtio 1.x on any 4 bytes. */
size_t virtq_bytes(unsigned size, unsigned align);
/* Lays the rings out in mem (zeroed, at bus address mem_bus). */
void virtq_layout(struct virtq *q, unsigned size, unsigned align, void *mem, uint64_t mem_bus);
/* Bus addresses of the three parts, for the device. */
uint64_t virtq_desc_bus(const struct virtq *q);
uint64_t virtq_avail_bus(const struct virtq *q);
uint64_t virtq_used_bus(const struct virtq *q);

/* Makes the descriptor chain starting at head available to the device
 * (the caller has filled the descriptors). */
void virtq_offer(struct virtq *q, uint16_t head);
/* Whether the device wants to be told of new buffers (it may say it
 * does not while it is processing the queue anyway). */
bool virtq_wants_notify(const struct virtq *q);
/* The next chain the device has finished with: true and its head and the
 * bytes it wrote; false when none. A head beyond the ring is reported as
 * is: the caller checks it against what it offered. */
bool virtq_take_used(struct virtq *q, uint32_t *head, uint32_t *len);

#endif
