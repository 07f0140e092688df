/* Split virtqueue bookkeeping (see virtio_ring.h). */
#include <string.h>
#include "virtio_ring.h"

static size_t align_up(size_t n, unsigned align)
{
	return (n + align - 1) & ~(size_t)(align - 1);
}

static size_t used_offset(unsigned size, unsigned align)
{
	return align_up(16 * (size_t)size + 2 * (3 + (size_t)size), align);
}

size_t virtq_bytes(unsigned size, unsigned align)
{
	return used_offset(size, align) + align_up(2 * 3 + 8 * (size_t)size, align);
}

void virtq_layout(struct virtq *q, unsigned size, unsigned align, void *mem, uint64_t mem_bus)
{
	uint8_t *base = mem;
	memset(q, 0, sizeof(*q));
	memset(mem, 0, virtq_bytes(size, align));
	q->size = size;
	q->mem = mem;
	q->mem_bus = mem_bus;
	q->mem_size = virtq_bytes(size, align);
	q->desc = (volatile struct vring_desc *)base;
	q->avail = (volatile uint16_t *)(base + 16 * (size_t)size);
	q->used_hdr = (volatile uint16_t *)(base + used_offset(size, align));
	q->used = (volatile struct vring_used_elem *)(base + used_offset(size, align) + 4);
	/* We poll: the device need not interrupt us. */
	q->avail[0] = VRING_AVAIL_F_NO_INTERRUPT;
}

uint64_t virtq_desc_bus(const struct virtq *q)
{
	return q->mem_bus;
}

uint64_t virtq_avail_bus(const struct virtq *q)
{
	return q->mem_bus + 16 * (uint64_t)q->size;
}

uint64_t virtq_used_bus(const struct virtq *q)
{
	return q->mem_bus + (uint64_t)((const uint8_t *)q->used_hdr - (const uint8_t *)q->mem);
}

void virtq_offer(struct virtq *q, uint16_t head)
{
	q->avail[2 + q->avail_idx % q->size] = head;
	q->avail_idx++;
	/* The entry must be in memory before the index that publishes it. */
	__asm__ volatile("" ::: "memory");
	q->avail[1] = q->avail_idx;
	__asm__ volatile("" ::: "memory");
}

bool virtq_take_used(struct virtq *q, uint32_t *head, uint32_t *len)
{
	uint16_t device_idx = q->used_hdr[1];
	if (device_idx == q->used_seen)
		return false;
	/* Read the entry only after seeing the index that covers it. */
	__asm__ volatile("" ::: "memory");
	const volatile struct vring_used_elem *e = &q->used[q->used_seen % q->size];
	*head = e->id;
	*len = e->len;
	q->used_seen++;
	return true;
}

bool virtq_wants_notify(const struct virtq *q)
{
	/* A full fence: the index just published must be visible before the
	 * flag is read (x86 may otherwise let the read pass the store). */
	__sync_synchronize();
	return !(q->used_hdr[0] & VRING_USED_F_NO_NOTIFY);
}
