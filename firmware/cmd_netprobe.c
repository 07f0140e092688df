/* `netprobe [--order LIST]`: forgets every network device and probes the
 * NICs again, each through the first path of LIST that works (default:
 * ${netpath}, else the build's order). A script that wants bootnet's own
 * driver where the firmware's SNP misbehaves does
 *     set netpath native
 *     netprobe
 *     dhcp
 * and the names net0, net1... are handed out afresh. */
#include <stdio.h>
#include <string.h>
#include "../drivers/bus/pci.h"
#include "../net/netif.h"
#include "command.h"
#include "console.h"
#include "netdev.h"
#include "netprobe.h"
#include "options.h"
#include "settings.h"

static void print_results(void)
{
	int count;
	const struct netprobe_nic *r = netprobe_results(&count);
	for (int i = 0; i < count; i++) {
		char where[16];
		pci_location_format(&r[i].loc, where, sizeof(where));
		console_printf("  %s  %04x:%04x  %s\n", where, r[i].vendor, r[i].device,
			       r[i].netdev_name[0] ? r[i].netdev_name : "not driven");
		for (int k = 0; k < r[i].attempts; k++)
			console_printf("      [%s] %s\n", probe_path_word(r[i].attempt[k].path),
				       r[i].attempt[k].text);
	}
}

static int cmd_netprobe(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "order", 'o', true } };
	const char *values[1] = { NULL };
	char setting[64];
	const char *order;
	int first = options_parse(argc, argv, specs, 1, values);
	int found;

	if (first < 0)
		return -1;
	if (first < argc) {
		console_printf("%s: takes no device names (it probes every NIC)\n", argv[0]);
		return -1;
	}
	order = values[0];
	if (!order && settings_format("netpath", setting, sizeof(setting)) > 0)
		order = setting;
	if (!order)
		order = netprobe_default_order();

	for (struct netdev *d = netdev_first(); d; d = d->next) {
		net_detach(d);
		settings_clear_scope(d->name);
	}
	netdev_remove_all();
	console_printf("%s: probing the NICs in the order %s\n", argv[0], order);
	found = netprobe_run(order);
	if (found < 0)
		return -1;
	print_results();
	if (found == 0) {
		console_printf("%s: no NIC could be driven by %s\n", argv[0], order);
		return -1;
	}
	return 0;
}

const struct command cmd_netprobe_commands[] = {
	{ "netprobe", cmd_netprobe },
	{ NULL, NULL },
};
