/* Autoboot, as a PXE ROM would: for each network device with a link, DHCP,
 * then the boot file it names (or the iSCSI disk its root path names).
 * When nothing answers, say what to check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../net/inet.h"
#include "../net/netif.h"
#include "autoboot.h"
#include "command.h"
#include "console.h"
#include "netdev.h"
#include "ifconf.h"
#include "image_fetch.h"
#include "san.h"
#include "settings.h"

/* No boot file but an iSCSI root path (option 17, RFC 4173): boot from
 * that disk, as iPXE does. */
static int boot_from_root_path(void)
{
	char root[512];
	char *argv[] = { "sanboot", root, NULL };
	const struct command *sanboot = command_find("sanboot");
	if (!sanboot || settings_format("root-path", root, sizeof(root)) <= 0 ||
	    strncmp(root, "iscsi:", 6) != 0)
		return -1;
	console_printf("No boot file; booting from the root path %s\n", root);
	return sanboot->run(2, argv) == 0 ? 0 : -1;
}

/* A boot file and an iSCSI root path: as iPXE, the disk is hooked first,
 * then the file booted (an installer that writes to the SAN disk). Root
 * paths of other schemes are for the OS (an NFS root), not for us. A hook
 * that fails is said and the file booted all the same. */
static void hook_root_path(void)
{
	char root[512];
	char *argv[] = { "sanhook", root, NULL };
	const struct command *sanhook = command_find("sanhook");
	if (!sanhook || settings_format("root-path", root, sizeof(root)) <= 0 ||
	    strncmp(root, "iscsi:", 6) != 0)
		return;
	for (struct san_disk *d = san_first(); d; d = d->next)
		if (strcmp(d->uri, root) == 0)
			return; /* hooked already (an earlier NIC's turn) */
	console_printf("Hooking the root path %s before the boot file\n", root);
	if (sanhook->run(2, argv) != 0)
		console_printf("The root path %s could not be hooked (see above); booting the "
			       "boot file without it\n", root);
}

/* Fetches and runs the boot file DHCP named: a full URI as is, a plain
 * file name from the next server over TFTP (as a PXE ROM would). */
static int boot_from(const struct dhcp_result *r)
{
	char uri[512], next[16];
	if (!r->filename[0])
		return boot_from_root_path();
	hook_root_path();
	if (strstr(r->filename, "://")) {
		snprintf(uri, sizeof(uri), "%s", r->filename);
	} else {
		inet_text(r->next_server, next, sizeof(next));
		snprintf(uri, sizeof(uri), "tftp://%s/%s", next,
			 r->filename[0] == '/' ? r->filename + 1 : r->filename);
	}
	return image_chain(uri);
}

int autoboot(void)
{
	struct dhcp_result *result = calloc(1, sizeof(*result));
	int rc = -1;

	if (!result)
		return -1;
	if (!netdev_first())
		console_puts("No network device can be used: see the report above.\n");
	for (struct netdev *dev = netdev_first(); dev && rc != 0; dev = dev->next) {
		if (ifconf(dev, result) != 0) {
			net_detach(dev);
			continue;
		}
		rc = boot_from(result);
	}
	free(result);
	return rc;
}
