/* The device report. It is the start of bootnet's answer to "no network
 * hardware": it names what was there, not only what was missing. */
#include <stdio.h>
#include <stdlib.h>
#include "../drivers/bus/pci.h"
#include "console.h"
#include "devreport.h"
#include "netprobe.h"

#define MAX_PCI_DEVICES 256
#define MAX_NETPATHS 32

static const char *netpath_kind_name(enum netpath_kind kind)
{
	switch (kind) {
	case NETPATH_SNP: return "SNP";
	case NETPATH_NII: return "NII";
	case NETPATH_PXE_BC: return "PXE Base Code";
	case NETPATH_UNDI: return "UNDI";
	}
	return "?";
}

static void print_netpath(const struct netpath_info *p, const char *indent)
{
	console_printf("%s%s", indent, netpath_kind_name(p->kind));
	if (p->has_mac)
		console_printf(" %02x:%02x:%02x:%02x:%02x:%02x", p->mac[0], p->mac[1],
			       p->mac[2], p->mac[3], p->mac[4], p->mac[5]);
	if (p->detail[0])
		console_printf(": %s", p->detail);
	if (p->boot_device)
		console_puts(" (bootnet was loaded from this device)");
	console_puts("\n");
}

static void print_device(const struct pci_device_info *d)
{
	char where[16];
	const char *vendor = pci_vendor_name(d->vendor);
	const char *device = pci_device_name(d->vendor, d->device);

	pci_location_format(&d->loc, where, sizeof(where));
	console_printf("  %s  %04x:%04x  [%02x%02x]  %s", where, d->vendor, d->device,
		       d->class_code, d->subclass, pci_class_name(d->class_code, d->subclass));
	if (vendor || device)
		console_printf(": %s%s%s", vendor ? vendor : "", vendor && device ? " " : "",
			       device ? device : "");
	console_printf(" (rev %02x)\n", d->revision);
}

/* Prints the paths that sit on device d (or, with d NULL, on no listed
 * device); marks each printed and returns how many were printed. */
static int print_paths_of(const struct pci_device_info *d, const struct netpath_info *paths,
			  int count, bool *printed, const char *indent)
{
	int n = 0;
	for (int i = 0; i < count; i++) {
		if (printed[i])
			continue;
		if (d && !(paths[i].on_pci && pci_location_equal(&paths[i].pci, &d->loc)))
			continue;
		print_netpath(&paths[i], indent);
		printed[i] = true;
		n++;
	}
	return n;
}

static const struct netprobe_nic *probed_nics;
static int probed_count;

void device_report_set_probe(const struct netprobe_nic *nics, int count)
{
	probed_nics = nics;
	probed_count = count;
}

static void print_attempts(const struct pci_device_info *d)
{
	const struct netprobe_nic *r = NULL;
	for (int i = 0; i < probed_count; i++)
		if (pci_location_equal(&probed_nics[i].loc, &d->loc))
			r = &probed_nics[i];
	if (!r)
		return;
	for (int i = 0; i < r->attempts; i++)
		console_printf("      [%s] %s%s%s\n", probe_path_word(r->attempt[i].path),
			       r->attempt[i].text, r->attempt[i].ok && r->netdev_name[0] ? " -> " : "",
			       r->attempt[i].ok ? r->netdev_name : "");
}

static void print_summary(int devices, int controllers, int paths, int unpathed)
{
	int probed = probed_count;
	const struct netprobe_nic *r = probed_nics;
	int driven = 0;

	for (int i = 0; i < probed; i++)
		driven += r[i].netdev_name[0] != 0;
	if (controllers == 0 && paths == 0) {
		console_printf("No network hardware found: none of the %d PCI devices above is a "
			       "network controller (class 02), and the firmware offers no network "
			       "path (SNP, NII, UNDI).\n", devices);
		return;
	}
	console_printf("Network: %d network controller%s, %d firmware network path%s.\n",
		       controllers, controllers == 1 ? "" : "s", paths, paths == 1 ? "" : "s");
	if (probed) {
		if (driven < probed)
			console_printf("%d of %d network controller%s could not be driven by any "
				       "path tried (see the lines in [brackets] above).\n",
				       probed - driven, probed, probed == 1 ? "" : "s");
		return;
	}
	if (unpathed)
		console_printf("%d network controller%s %s no firmware network path; "
			       "this build has no native driver to drive %s.\n",
			       unpathed, unpathed == 1 ? "" : "s", unpathed == 1 ? "has" : "have",
			       unpathed == 1 ? "it" : "them");
}

static struct pci_device_info *snap_devices;
static struct netpath_info *snap_paths;
static int snap_ndev, snap_npath;

void device_report_collect(void)
{
	free(snap_devices);
	free(snap_paths);
	snap_devices = calloc(MAX_PCI_DEVICES, sizeof(*snap_devices));
	snap_paths = calloc(MAX_NETPATHS, sizeof(*snap_paths));
	snap_ndev = snap_npath = 0;
	if (!snap_devices || !snap_paths)
		return;
	snap_ndev = pci_scan(snap_devices, MAX_PCI_DEVICES);
	snap_npath = platform_netpaths(snap_paths, MAX_NETPATHS);
}

int device_report_print(void)
{
	bool printed[MAX_NETPATHS] = { false };
	int ndev, npath, controllers = 0, unpathed = 0;

	if (!snap_devices || !snap_paths)
		device_report_collect();
	if (!snap_devices || !snap_paths) {
		console_puts("Device report: out of memory.\n");
		return 0;
	}
	struct pci_device_info *devices = snap_devices;
	struct netpath_info *paths = snap_paths;
	ndev = snap_ndev;
	npath = snap_npath;
	/* The next report takes a fresh snapshot. */
	snap_devices = NULL;
	snap_paths = NULL;
	if (ndev > MAX_PCI_DEVICES) {
		console_printf("(%d PCI devices; the first %d are listed)\n", ndev, MAX_PCI_DEVICES);
		ndev = MAX_PCI_DEVICES;
	}
	if (npath > MAX_NETPATHS)
		npath = MAX_NETPATHS;

	console_printf("PCI devices (%d):\n", ndev);
	for (int i = 0; i < ndev; i++) {
		print_device(&devices[i]);
		int here = print_paths_of(&devices[i], paths, npath, printed, "      ");
		if (devices[i].class_code == PCI_CLASS_NETWORK) {
			controllers++;
			if (!here) {
				console_puts("      no firmware network path (SNP, NII) on this device\n");
				unpathed++;
			}
		}
		print_attempts(&devices[i]);
	}
	for (int i = 0; i < npath; i++) {
		if (!printed[i]) {
			console_puts("Firmware network paths on no listed PCI device:\n");
			print_paths_of(NULL, paths, npath, printed, "  ");
			break;
		}
	}
	print_summary(ndev, controllers, npath, unpathed);
	free(devices);
	free(paths);
	return controllers + npath;
}
