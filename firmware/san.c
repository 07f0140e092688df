/* The attached SAN disks (see san.h). */
#include <stddef.h>
#include "platform.h"
#include "san.h"

static struct san_disk *disks;

struct san_disk *san_first(void)
{
	return disks;
}

struct san_disk *san_find(unsigned drive)
{
	for (struct san_disk *d = disks; d; d = d->next)
		if (d->drive == drive)
			return d;
	return NULL;
}

void san_add(struct san_disk *disk)
{
	struct san_disk **p = &disks;
	while (*p && (*p)->drive < disk->drive)
		p = &(*p)->next;
	disk->next = *p;
	*p = disk;
}

void san_remove(struct san_disk *disk)
{
	for (struct san_disk **p = &disks; *p; p = &(*p)->next)
		if (*p == disk) {
			*p = disk->next;
			disk->next = NULL;
			return;
		}
}

void san_unhook_all(void)
{
	while (disks) {
		struct san_disk *d = disks;
		disks = d->next;
		platform_san_detach(d);
		d->close(d);
	}
}
