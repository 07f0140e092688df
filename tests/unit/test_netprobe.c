/* Choosing a network path per NIC: the order's parsing, fallbacks from one
 * path to the next, which NIC becomes net0, and the device report's lines
 * for what was tried (a machine whose only NIC nobody drives among them). */
#include <stdio.h>
#include "../../drivers/bus/nic_driver.h"
#include "../../firmware/devreport.h"
#include "../../firmware/netdev.h"
#include "../../firmware/netprobe.h"
#include "platform_host.h"
#include "platform_host_netprobe.h"
#include "test.h"

TEST(netpath_order_parses_lists_and_rejects_unknown_or_repeated_words)
{
	struct netpath_order o;
	char why[160];

	CHECK(netpath_order_parse("snp,native,nii", &o, why, sizeof(why)));
	CHECK(o.count == 3 && o.path[0] == PROBE_SNP && o.path[1] == PROBE_NATIVE &&
	      o.path[2] == PROBE_NII);
	CHECK(netpath_order_parse("native", &o, why, sizeof(why)));
	CHECK(o.count == 1 && o.path[0] == PROBE_NATIVE);
	CHECK(netpath_order_parse("undi,native", &o, why, sizeof(why)));
	CHECK(o.count == 2 && o.path[0] == PROBE_UNDI);

	CHECK(!netpath_order_parse("snp,wifi", &o, why, sizeof(why)));
	CHECK_STR(why, "netpath \"snp,wifi\": \"wifi\" is not a path (use snp, native, nii or "
		       "undi, separated by commas)");
	CHECK(!netpath_order_parse("native,native", &o, why, sizeof(why)));
	CHECK_STR(why, "netpath \"native,native\": native is listed twice");
	CHECK(!netpath_order_parse("", &o, why, sizeof(why)));
	CHECK(!netpath_order_parse("snp,", &o, why, sizeof(why)));
	CHECK(!netpath_order_parse(NULL, &o, why, sizeof(why)));
}

static void fresh(const struct host_pci_function *f, int nf, const struct host_fw_path *p, int np)
{
	netdev_remove_all();
	host_console_reset();
	host_pci_set(f, nf);
	host_netpaths_set(NULL, 0);
	host_fw_paths_set(p, np);
	host_reg_model_set(NULL);
}

TEST(netprobe_falls_back_from_a_failing_snp_past_no_driver_to_nii)
{
	struct host_pci_function f[] = {
		host_pci_device(0, 0, 0, 0x8086, 0x29c0, 0x06, 0x00, 0),
		host_pci_device(2, 0, 0, 0xabcd, 0x0001, 0x02, 0x00, 3),
	};
	struct host_fw_path p[] = {
		{ NETPATH_SNP, { 0, 2, 0, 0 }, "SNP Initialize failed: Device Error", false },
		{ NETPATH_NII, { 0, 2, 0, 0 }, NULL, false },
	};
	int n;
	fresh(f, 2, p, 2);

	CHECK(netprobe_run("snp,native,nii") == 1);
	const struct netprobe_nic *r = netprobe_results(&n);
	CHECK(n == 1);
	CHECK(r[0].attempts == 3);
	CHECK_STR(r[0].attempt[0].text, "SNP: Initialize failed: Device Error");
	CHECK(!r[0].attempt[0].ok);
	CHECK_STR(r[0].attempt[1].text, "no driver for abcd:0001");
	CHECK_STR(r[0].attempt[2].text, "NII (UNDI 3.1): link up");
	CHECK(r[0].attempt[2].ok);
	CHECK_STR(r[0].netdev_name, "net0");
	CHECK(netdev_first() && netdev_first()->is_open);
	CHECK_STR(netdev_first()->path, "NII (UNDI 3.1)");
	netdev_remove_all();
	CHECK(host_fw_netdevs_live() == 0);
}

TEST(netprobe_stops_at_the_first_path_that_works_and_puts_the_boot_nic_first)
{
	struct host_pci_function f[] = {
		host_pci_device(1, 0, 0, 0xabcd, 0x0001, 0x02, 0x00, 0),
		host_pci_device(2, 0, 0, 0xabcd, 0x0002, 0x02, 0x00, 0),
	};
	struct host_fw_path p[] = {
		{ NETPATH_SNP, { 0, 1, 0, 0 }, NULL, false },
		{ NETPATH_NII, { 0, 1, 0, 0 }, NULL, false },
		{ NETPATH_SNP, { 0, 2, 0, 0 }, NULL, true },
	};
	int n;
	fresh(f, 2, p, 3);

	CHECK(netprobe_run("snp,nii") == 2);
	const struct netprobe_nic *r = netprobe_results(&n);
	CHECK(n == 2 && r[0].attempts == 1 && r[1].attempts == 1);
	CHECK(host_fw_netdevs_live() == 2);
	/* The NIC bootnet came from (02:00.0) is net0 though it is second on the bus. */
	CHECK_STR(r[1].netdev_name, "net0");
	CHECK_STR(r[0].netdev_name, "net1");
	CHECK(netdev_first()->pci.bus == 2);
	netdev_remove_all();
}

TEST(netprobe_refuses_a_bad_order_and_probes_nothing)
{
	struct host_pci_function f[] = { host_pci_device(1, 0, 0, 0xabcd, 1, 0x02, 0x00, 0) };
	struct host_fw_path p[] = { { NETPATH_SNP, { 0, 1, 0, 0 }, NULL, false } };
	fresh(f, 1, p, 1);
	CHECK(netprobe_run("snp,pigeon") == -1);
	CHECK_CONTAINS(host_console_text(), "\"pigeon\" is not a path");
	CHECK(netdev_first() == NULL);
	CHECK(host_fw_netdevs_live() == 0);
}

TEST(no_driver_text_names_the_table_of_a_vendor_we_have_drivers_for)
{
	char t[160];
	netprobe_no_driver_text(0x1af4, 0x10ff, t, sizeof(t));
	CHECK_STR(t, "no driver for 1af4:10ff: not in the virtio-net table -- please report");
	netprobe_no_driver_text(0x14e4, 0x1699, t, sizeof(t));
	CHECK_STR(t, "no driver for 14e4:1699: not in the tg3 table -- please report");
	netprobe_no_driver_text(0x168c, 0x0030, t, sizeof(t));
	CHECK_STR(t, "no driver for 168c:0030");
}

TEST(no_driver_text_says_what_a_single_chip_driver_covers)
{
	char t[200];
	netprobe_no_driver_text(0x10ec, 0x8168, t, sizeof(t));
	CHECK_STR(t, "no driver for 10ec:8168 (bootnet's Realtek driver covers the RTL8139 "
		  "only) -- please report");
	netprobe_no_driver_text(0x8086, 0x1533, t, sizeof(t));
	CHECK_STR(t, "no driver for 8086:1533 (bootnet's Intel drivers cover the 8254x and "
		  "the 82574/82583 only) -- please report");
}

TEST(report_for_a_machine_whose_only_nic_nobody_drives)
{
	/* No firmware path on it, and a virtio device ID no driver claims. */
	struct host_pci_function f[] = {
		host_pci_device(0, 0, 0, 0x8086, 0x29c0, 0x06, 0x00, 0),
		host_pci_device(0, 3, 0, 0x1af4, 0x10ff, 0x02, 0x00, 1),
	};
	fresh(f, 2, NULL, 0);

	CHECK(netprobe_run("snp,native,nii") == 0);
	device_report_print();
	const char *t = host_console_text();
	CHECK_CONTAINS(t, "  00:03.0  1af4:10ff  [0200]  Ethernet controller: Red Hat (rev 01)\n"
			  "      no firmware network path (SNP, NII) on this device\n"
			  "      [snp] SNP: none on this device\n"
			  "      [native] no driver for 1af4:10ff: not in the virtio-net table -- please report\n"
			  "      [nii] NII: none on this device\n");
	CHECK_CONTAINS(t, "Network: 1 network controller, 0 firmware network paths.\n"
			  "1 of 1 network controller could not be driven by any path tried");
	CHECK(netdev_first() == NULL);
	/* The next report, without a probe, is the plain one again. */
	device_report_set_probe(NULL, 0);
}

TEST(pci_ids_match_their_driver_and_no_id_is_claimed_twice)
{
	const struct pci_id *id;
	const struct nic_driver *d;

	CHECK((d = nic_driver_find(0x8086, 0x100e, &id)) && strcmp(d->name, "e1000") == 0 &&
	      strcmp(id->name, "82540EM") == 0);
	CHECK((d = nic_driver_find(0x8086, 0x10d3, &id)) && strcmp(d->name, "e1000e") == 0);
	CHECK((d = nic_driver_find(0x1af4, 0x1000, &id)) && strcmp(d->name, "virtio-net") == 0);
	CHECK((d = nic_driver_find(0x1af4, 0x1041, &id)) && strcmp(d->name, "virtio-net") == 0);
	CHECK((d = nic_driver_find(0x10ec, 0x8139, &id)) && strcmp(d->name, "rtl8139") == 0);
	CHECK(nic_driver_find(0x1af4, 0x1001, &id) == NULL); /* virtio-blk */
	CHECK(nic_driver_find(0x8086, 0x1076, &id) == NULL); /* 82541GI: left out */
	CHECK(nic_driver_find(0x10ec, 0x8168, &id) == NULL); /* RTL8168: another chip */

	for (int a = 0; nic_drivers[a]; a++)
		for (const struct pci_id *i = nic_drivers[a]->ids; i->vendor; i++) {
			int claims = 0;
			for (int b = 0; nic_drivers[b]; b++)
				for (const struct pci_id *j = nic_drivers[b]->ids; j->vendor; j++)
					claims += i->vendor == j->vendor && i->device == j->device;
			if (!CHECK(claims == 1))
				printf("    %04x:%04x is claimed %d times\n", i->vendor, i->device, claims);
			CHECK(i->name && i->name[0]);
		}
}
