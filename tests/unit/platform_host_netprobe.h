/* The firmware network paths of the host platform, for netprobe tests:
 * per PCI function, an SNP or NII that opens, or fails saying why. */
#ifndef PLATFORM_HOST_NETPROBE_H
#define PLATFORM_HOST_NETPROBE_H

#include "../../firmware/platform.h"

struct host_fw_path {
	enum netpath_kind kind;
	struct pci_location loc;
	const char *fails;       /* NULL: it opens; else why it does not */
	bool boot_device;
};
void host_fw_paths_set(const struct host_fw_path *paths, int count);
/* Netdevs the fake paths made and nobody freed yet. */
int host_fw_netdevs_live(void);

#endif
