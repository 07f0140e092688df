/* placeholder during bring-up */
#include "../firmware/platform.h"
#include "bios_platform.h"
void bios_pxe_init(void) {}
int platform_netpaths(struct netpath_info *paths, int max) { (void)paths; (void)max; return 0; }
void platform_probe_netdevs(void) {}
