/* Choosing a path per NIC (see netprobe.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../drivers/bus/nic_driver.h"
#include "../drivers/bus/pci.h"
#include "console.h"
#include "devreport.h"
#include "netprobe.h"

#define MAX_PCI 256
#define MAX_NICS 32

static struct netprobe_nic nics[MAX_NICS];
static int nic_count;

const char *netprobe_default_order(void)
{
#ifdef BOOTNET_NETPATH
	return BOOTNET_NETPATH;
#else
	return platform_netpath_default();
#endif
}

static bool driver_has_vendor(const struct nic_driver *drv, uint16_t vendor)
{
	for (const struct pci_id *i = drv->ids; i->vendor; i++)
		if (i->vendor == vendor)
			return true;
	return false;
}

void netprobe_no_driver_text(uint16_t vendor, uint16_t device, char *buf, size_t size)
{
	char covers[96] = "";
	int count = 0;
	size_t used;

	/* A family driver of the same vendor: this one may well be a relative
	 * its table does not list yet. */
	for (int d = 0; nic_drivers[d]; d++) {
		if (driver_has_vendor(nic_drivers[d], vendor) && !nic_drivers[d]->covers) {
			snprintf(buf, size, "no driver for %04x:%04x: not in the %s table "
				 "-- please report", vendor, device, nic_drivers[d]->name);
			return;
		}
	}
	/* Drivers of single chips: say what they cover instead. */
	for (int d = 0; nic_drivers[d]; d++) {
		if (!driver_has_vendor(nic_drivers[d], vendor))
			continue;
		used = strlen(covers);
		snprintf(covers + used, sizeof(covers) - used, "%s%s", count ? " and " : "",
			 nic_drivers[d]->covers);
		count++;
	}
	if (!count) {
		snprintf(buf, size, "no driver for %04x:%04x", vendor, device);
		return;
	}
	const char *name = pci_vendor_name(vendor);
	snprintf(buf, size, "no driver for %04x:%04x (bootnet's %s driver%s cover%s %s only) "
		 "-- please report", vendor, device, name ? name : "", count > 1 ? "s" : "",
		 count > 1 ? "" : "s", covers);
}

static void link_text(struct netdev *dev, char *buf, size_t size)
{
	bool up = dev->ops->link_up(dev);
	if (!up)
		snprintf(buf, size, "link down");
	else if (dev->link_mbps)
		snprintf(buf, size, "link up %u/%s", dev->link_mbps,
			 dev->link_full_duplex ? "full" : "half");
	else
		snprintf(buf, size, "link up");
}

static void free_native(struct netdev *dev)
{
	free(dev->priv);
	free(dev);
}

/* One of bootnet's own drivers: claim, probe, open. */
static struct netdev *try_native(const struct pci_device_info *pci, struct netprobe_attempt *a)
{
	const struct pci_id *id;
	const struct nic_driver *drv = nic_driver_find(pci->vendor, pci->device, &id);
	char why[128] = "";
	char link[32];
	struct netdev *dev;

	if (!drv) {
		netprobe_no_driver_text(pci->vendor, pci->device, a->text, sizeof(a->text));
		return NULL;
	}
	dev = calloc(1, sizeof(*dev));
	if (!dev) {
		snprintf(a->text, sizeof(a->text), "%s: out of memory", drv->name);
		return NULL;
	}
	dev->on_pci = true;
	dev->pci = pci->loc;
	platform_netdev_firmware_facts(dev);
	if (!platform_pci_claim(&pci->loc, why, sizeof(why))) {
		snprintf(a->text, sizeof(a->text), "%s: cannot take the device: %s", drv->name, why);
		free(dev);
		return NULL;
	}
	if (drv->probe(pci, id, dev, why, sizeof(why)) != 0) {
		snprintf(a->text, sizeof(a->text), "%s: %s rev %02x: %s", drv->name, id->name,
			 pci->revision, why);
		platform_pci_release(&pci->loc);
		free(dev);
		return NULL;
	}
	if (dev->ops->open(dev) != 0) {
		snprintf(a->text, sizeof(a->text), "%s: %s rev %02x: %s", drv->name, id->name,
			 pci->revision, dev->error);
		platform_pci_release(&pci->loc);
		free_native(dev);
		return NULL;
	}
	/* From now on netdev_open and netdev_close take and give it back. */
	dev->is_open = true;
	dev->claims_pci = true;
	dev->free = free_native;
	link_text(dev, link, sizeof(link));
	snprintf(a->text, sizeof(a->text), "%s: %s rev %02x, %s", dev->path, id->name,
		 pci->revision, link);
	a->ok = true;
	return dev;
}

static const enum netpath_kind firmware_kind[PROBE_PATH_KINDS] = {
	[PROBE_SNP] = NETPATH_SNP, [PROBE_NII] = NETPATH_NII, [PROBE_UNDI] = NETPATH_UNDI,
};

static struct netdev *try_firmware(enum probe_path path, const struct pci_device_info *pci,
				   struct netprobe_attempt *a)
{
	char why[128] = "";
	struct netdev *dev = platform_netpath_netdev(firmware_kind[path], &pci->loc, why,
						     sizeof(why));
	if (!dev) {
		/* "SNP Initialize failed: ..." reads "SNP: Initialize failed: ...". */
		const char *name = probe_path_name(path);
		size_t n = strlen(name);
		const char *rest = strncmp(why, name, n) == 0 && why[n] == ' ' ? why + n + 1 : why;
		snprintf(a->text, sizeof(a->text), "%s: %s", name, rest);
		return NULL;
	}
	char link[32];
	dev->is_open = true;
	link_text(dev, link, sizeof(link));
	snprintf(a->text, sizeof(a->text), "%s: %s", dev->path, link);
	a->ok = true;
	return dev;
}

/* A device worth trying: a network controller, or one a driver or the
 * firmware can drive whatever its class says. */
static bool is_nic(const struct pci_device_info *d, const struct netpath_info *paths, int npaths)
{
	if (d->class_code == PCI_CLASS_NETWORK || nic_driver_find(d->vendor, d->device, NULL))
		return true;
	for (int i = 0; i < npaths; i++)
		if (paths[i].on_pci && pci_location_equal(&paths[i].pci, &d->loc) &&
		    paths[i].kind != NETPATH_PXE_BC)
			return true;
	return false;
}

static struct netdev *probe_nic(const struct pci_device_info *pci, const struct netpath_order *order,
				struct netprobe_nic *r)
{
	memset(r, 0, sizeof(*r));
	r->loc = pci->loc;
	r->vendor = pci->vendor;
	r->device = pci->device;
	for (int i = 0; i < order->count; i++) {
		struct netprobe_attempt *a = &r->attempt[r->attempts++];
		struct netdev *dev;
		a->path = order->path[i];
		dev = a->path == PROBE_NATIVE ? try_native(pci, a) : try_firmware(a->path, pci, a);
		if (dev)
			return dev;
	}
	return NULL;
}

int netprobe_run(const char *order_text)
{
	struct netpath_order order;
	char why[160];
	struct pci_device_info *pci;
	struct netpath_info *paths;
	struct netdev *found[MAX_NICS];
	int npci, npaths, nfound = 0, registered = 0;

	if (!netpath_order_parse(order_text, &order, why, sizeof(why))) {
		console_printf("%s\n", why);
		return -1;
	}
	pci = calloc(MAX_PCI, sizeof(*pci));
	paths = calloc(MAX_NICS, sizeof(*paths));
	if (!pci || !paths) {
		console_puts("netprobe: out of memory\n");
		free(pci);
		free(paths);
		return -1;
	}
	npci = pci_scan(pci, MAX_PCI);
	if (npci > MAX_PCI)
		npci = MAX_PCI;
	npaths = platform_netpaths(paths, MAX_NICS);
	if (npaths > MAX_NICS)
		npaths = MAX_NICS;

	nic_count = 0;
	for (int i = 0; i < npci && nic_count < MAX_NICS; i++) {
		if (!is_nic(&pci[i], paths, npaths))
			continue;
		struct netprobe_nic *r = &nics[nic_count++];
		struct netdev *dev = probe_nic(&pci[i], &order, r);
		if (dev)
			found[nfound++] = dev;
	}
	nfound += platform_netdevs_off_pci(found + nfound, MAX_NICS - nfound);

	/* The device bootnet came from is net0: autoboot tries it first. */
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < nfound; k++) {
			if (found[k]->loaded_from != (pass == 0))
				continue;
			netdev_register(found[k]);
			registered++;
			for (int n = 0; n < nic_count; n++)
				if (found[k]->on_pci && pci_location_equal(&nics[n].loc, &found[k]->pci))
					snprintf(nics[n].netdev_name, sizeof(nics[n].netdev_name),
						 "%s", found[k]->name);
		}
	}
	device_report_set_probe(nics, nic_count);
	free(pci);
	free(paths);
	return registered;
}

const struct netprobe_nic *netprobe_results(int *count)
{
	*count = nic_count;
	return nics;
}

const struct netprobe_nic *netprobe_result_at(const struct pci_location *loc)
{
	for (int i = 0; i < nic_count; i++)
		if (pci_location_equal(&nics[i].loc, loc))
			return &nics[i];
	return NULL;
}
