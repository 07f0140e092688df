/* The host platform's firmware network paths (see platform_host_netprobe.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../drivers/bus/pci.h"
#include "../../firmware/netdev.h"
#include "platform_host_netprobe.h"

#define MAX_PATHS 8

static struct host_fw_path paths[MAX_PATHS];
static int path_count, live;

void host_fw_paths_set(const struct host_fw_path *p, int count)
{
	path_count = count < MAX_PATHS ? count : MAX_PATHS;
	if (path_count)
		memcpy(paths, p, sizeof(*p) * (size_t)path_count);
}

int host_fw_netdevs_live(void) { return live; }

const char *platform_netpath_default(void) { return "snp,native,nii"; }

static int fake_open(struct netdev *dev) { (void)dev; return 0; }
static void fake_close(struct netdev *dev) { (void)dev; }
static int fake_transmit(struct netdev *dev, const void *f, size_t len)
{
	(void)dev; (void)f; (void)len;
	return 0;
}
static int fake_receive(struct netdev *dev, void *buf, size_t size)
{
	(void)dev; (void)buf; (void)size;
	return 0;
}
static bool fake_link_up(struct netdev *dev) { (void)dev; return true; }
static const struct netdev_ops fake_ops = { fake_open, fake_close, fake_transmit, fake_receive,
					    fake_link_up };

static void fake_free(struct netdev *dev)
{
	live--;
	free(dev);
}

struct netdev *platform_netpath_netdev(enum netpath_kind kind, const struct pci_location *loc,
				       char *why, size_t why_size)
{
	for (int i = 0; i < path_count; i++) {
		const struct host_fw_path *p = &paths[i];
		if (p->kind != kind || !pci_location_equal(&p->loc, loc))
			continue;
		if (p->fails) {
			snprintf(why, why_size, "%s", p->fails);
			return NULL;
		}
		struct netdev *dev = calloc(1, sizeof(*dev));
		if (!dev)
			return NULL;
		live++;
		dev->ops = &fake_ops;
		dev->free = fake_free;
		dev->on_pci = true;
		dev->pci = *loc;
		dev->loaded_from = p->boot_device;
		dev->mtu = 1500;
		snprintf(dev->path, sizeof(dev->path), "%s", kind == NETPATH_SNP ? "SNP (exclusive)" :
			 "NII (UNDI 3.1)");
		return dev;
	}
	snprintf(why, why_size, "none on this device");
	return NULL;
}

int platform_netdevs_off_pci(struct netdev **devs, int max)
{
	(void)devs; (void)max;
	return 0;
}

void platform_netdev_firmware_facts(struct netdev *dev)
{
	for (int i = 0; i < path_count; i++)
		if (pci_location_equal(&paths[i].loc, &dev->pci) && paths[i].boot_device)
			dev->loaded_from = true;
}
