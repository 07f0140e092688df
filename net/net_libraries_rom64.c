/* What the banner says the rom64 build (firmware/rom64.h) carries: lwIP,
 * its NIC drivers (ROM64_DRIVER_NAMES, from the Makefile's ROM64_DRIVERS)
 * and what it leaves out. */
#include "lwip/init.h"
#include "net.h"
#include "rom64_drivers.h"

const char *net_libraries_version(void)
{
	return "lwIP " LWIP_VERSION_STRING "; the 64 KiB ROM build: drivers " ROM64_DRIVER_NAMES
	       " only, no HTTPS, DNS, SAN disks, PXE NBPs, multiboot, md5sum/sha1sum, form posts, "
	       "netprobe or poweroff";
}
