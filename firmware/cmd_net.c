/* Network device commands: dhcp/ifconf, ifopen, ifclose, ifstat. With no
 * device named they act on every device (dhcp: until one is configured). */
#include <stdlib.h>
#include <string.h>
#include "../net/netif.h"
#include "command.h"
#include "console.h"
#include "ifconf.h"
#include "netdev.h"
#include "options.h"

/* The devices named in argv[first..], or every device when none is named;
 * calls act on each until it returns stop_on. Returns the last result. */
static int each_device(int argc, char **argv, int first, int (*act)(struct netdev *dev),
		       int stop_on)
{
	int rc = -1;
	if (first >= argc) {
		if (!netdev_first()) {
			console_printf("%s: no network device (see the device report at start-up)\n",
				       argv[0]);
			return -1;
		}
		for (struct netdev *d = netdev_first(); d; d = d->next)
			if ((rc = act(d)) == stop_on)
				break;
		return rc;
	}
	for (int i = first; i < argc; i++) {
		struct netdev *d = netdev_find(argv[i]);
		if (!d) {
			console_printf("%s: no network device \"%s\"\n", argv[0], argv[i]);
			return -1;
		}
		if ((rc = act(d)) != 0)
			return rc;
	}
	return rc;
}

static int configure(struct netdev *dev)
{
	struct dhcp_result *r = calloc(1, sizeof(*r));
	int rc = r ? ifconf(dev, r) : -1;
	free(r);
	return rc;
}

static int cmd_dhcp(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "configurator", 'c', true } };
	const char *values[1];
	int first = options_parse(argc, argv, specs, 1, values);
	if (first < 0)
		return -1;
	if (values[0] && strcmp(values[0], "dhcp") != 0) {
		console_printf("%s: configurator \"%s\" is not built in (only dhcp)\n", argv[0],
			       values[0]);
		return -1;
	}
	return each_device(argc, argv, first, configure, 0);
}

static int open_one(struct netdev *dev)
{
	if (net_attach(dev))
		return 0;
	console_printf("%s: cannot open: %s\n", dev->name, dev->error);
	return -1;
}

static int close_one(struct netdev *dev)
{
	net_detach(dev);
	return 0;
}

static int stat_one(struct netdev *dev)
{
	console_printf("%s: %02x:%02x:%02x:%02x:%02x:%02x using %s", dev->name, dev->mac[0],
		       dev->mac[1], dev->mac[2], dev->mac[3], dev->mac[4], dev->mac[5], dev->path);
	if (dev->on_pci)
		console_printf(" on %04x:%02x:%02x.%x", dev->pci.segment, dev->pci.bus, dev->pci.dev,
			       dev->pci.fn);
	console_printf(" (%s)\n  [Link:%s, TX:%lu TXE:%lu RX:%lu RXE:%lu]\n",
		       dev->is_open ? "open" : "closed",
		       dev->is_open ? (dev->ops->link_up(dev) ? "up" : "down") : "unknown",
		       dev->tx_frames, dev->tx_errors, dev->rx_frames, dev->rx_dropped);
	if (dev->error[0])
		console_printf("  [last error: %s]\n", dev->error);
	return 0;
}

static int cmd_ifopen(int argc, char **argv)
{
	return each_device(argc, argv, 1, open_one, -2);
}

static int cmd_ifclose(int argc, char **argv)
{
	return each_device(argc, argv, 1, close_one, -2);
}

static int cmd_ifstat(int argc, char **argv)
{
	return each_device(argc, argv, 1, stat_one, -2);
}

const struct command cmd_net_commands[] = {
	{ "dhcp", cmd_dhcp },
	{ "ifconf", cmd_dhcp },
	{ "ifopen", cmd_ifopen },
	{ "ifclose", cmd_ifclose },
	{ "ifstat", cmd_ifstat },
	{ NULL, NULL },
};
