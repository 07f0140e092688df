/* Choosing how each NIC is driven: per PCI network device, the paths of an
 * order ("snp,native,nii") are tried until one opens; every attempt and
 * its result is kept for the device report. */
#ifndef NETPROBE_H
#define NETPROBE_H

#include <stdbool.h>
#include <stdint.h>
#include "netpath_order.h"
#include "platform.h"

struct netprobe_attempt {
	enum probe_path path;
	bool ok;
	char text[160];         /* "SNP: Initialize failed: Device Error" */
};

struct netprobe_nic {
	struct pci_location loc;
	uint16_t vendor, device;
	int attempts;
	struct netprobe_attempt attempt[PROBE_PATH_KINDS];
	char netdev_name[8];    /* "net0", or "" when no path worked */
};

/* The order this build uses when ${netpath} is not set: the build's
 * NETPATH, else the platform's default. */
const char *netprobe_default_order(void);

/* Probes every NIC in the order order_text gives and registers a netdev
 * for each that one path drives (the NIC bootnet came from first), then
 * the firmware's paths on no PCI device. Returns how many netdevs were
 * registered, or -1 (nothing done) after printing why order_text is bad. */
int netprobe_run(const char *order_text);

/* What the last netprobe_run tried, per NIC, in bus order; count 0 before. */
const struct netprobe_nic *netprobe_results(int *count);
/* The result for the NIC at loc, or NULL. */
const struct netprobe_nic *netprobe_result_at(const struct pci_location *loc);

/* "no driver for 14e4:16ff: not in the tg3 table -- please report":
 * the text for a NIC no native driver claims. */
void netprobe_no_driver_text(uint16_t vendor, uint16_t device, char *buf, size_t size);

#endif
