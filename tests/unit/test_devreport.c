/* The device report's text, for the machines people meet: a VM with a NIC
 * and its SNP path, a machine with no NIC, a NIC nobody can drive. */
#include <stdio.h>
#include "../../firmware/devreport.h"
#include "platform_host.h"
#include "test.h"

static struct netpath_info snp_on(uint8_t dev, const char *detail, bool boot)
{
	struct netpath_info p = { .kind = NETPATH_SNP, .on_pci = true, .pci = { 0, 0, dev, 0 },
				  .has_mac = true, .mac = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 },
				  .boot_device = boot };
	snprintf(p.detail, sizeof(p.detail), "%s", detail);
	return p;
}

static void machine(const struct host_pci_function *f, int nf, const struct netpath_info *p,
		    int np)
{
	host_console_reset();
	host_pci_set(f, nf);
	host_netpaths_set(p, np);
}

TEST(report_lists_devices_with_ids_class_and_names)
{
	struct host_pci_function f[] = {
		host_pci_device(0, 0, 0, 0x8086, 0x29c0, 0x06, 0x00, 0),
		host_pci_device(0, 3, 0, 0x1af4, 0x1000, 0x02, 0x00, 0),
		host_pci_device(0, 0x1f, 2, 0x8086, 0x2922, 0x01, 0x06, 2),
	};
	struct netpath_info p[] = { snp_on(3, "initialized, link up", true) };
	machine(f, 3, p, 1);

	CHECK(device_report_print() == 2);
	const char *t = host_console_text();
	CHECK_CONTAINS(t, "PCI devices (3):\n");
	CHECK_CONTAINS(t, "  00:00.0  8086:29c0  [0600]  host bridge: Intel Q35 host bridge (rev 00)\n");
	CHECK_CONTAINS(t, "  00:03.0  1af4:1000  [0200]  Ethernet controller: Red Hat virtio-net (legacy) (rev 00)\n"
			  "      SNP 52:54:00:12:34:56: initialized, link up (bootnet was loaded from this device)\n");
	CHECK_CONTAINS(t, "  00:1f.2  8086:2922  [0106]  SATA controller: Intel ICH9 AHCI (rev 02)\n");
	CHECK_CONTAINS(t, "Network: 1 network controller, 1 firmware network path.\n");
}

TEST(report_says_no_network_hardware_and_what_was_seen)
{
	struct host_pci_function f[] = {
		host_pci_device(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 0),
		host_pci_device(0, 2, 0, 0x1234, 0x1111, 0x03, 0x00, 2),
	};
	machine(f, 2, NULL, 0);

	CHECK(device_report_print() == 0);
	const char *t = host_console_text();
	CHECK_CONTAINS(t, "1234:1111  [0300]  VGA controller: QEMU standard VGA");
	CHECK_CONTAINS(t, "No network hardware found: none of the 2 PCI devices above is a network "
			  "controller (class 02), and the firmware offers no network path (SNP, NII, UNDI).\n");
}

TEST(report_names_nic_without_path_and_unknown_ids_as_numbers)
{
	struct host_pci_function f[] = {
		host_pci_device(2, 0, 0, 0x14e4, 0x1686, 0x02, 0x00, 1), /* Mac mini BCM57766 */
		host_pci_device(3, 0, 0, 0xabcd, 0x1234, 0x02, 0x80, 0),  /* unknown vendor */
	};
	machine(f, 2, NULL, 0);

	device_report_print();
	const char *t = host_console_text();
	CHECK_CONTAINS(t, "  02:00.0  14e4:1686  [0200]  Ethernet controller: Broadcom BCM57766 Gigabit Ethernet (rev 01)\n"
			  "      no firmware network path (SNP, NII) on this device\n");
	CHECK_CONTAINS(t, "  03:00.0  abcd:1234  [0280]  network controller (rev 00)\n");
	CHECK_CONTAINS(t, "Network: 2 network controllers, 0 firmware network paths.\n"
			  "2 network controllers have no firmware network path; this build has no "
			  "native driver to drive them.\n");
}

TEST(report_lists_paths_on_no_pci_device_separately)
{
	struct host_pci_function f[] = { host_pci_device(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 0) };
	struct netpath_info p[] = {
		{ .kind = NETPATH_NII, .detail = "NII 3.1, type UNDI 3.1, interface 0" },
		{ .kind = NETPATH_PXE_BC, .on_pci = true, .pci = { 0, 9, 9, 0 },
		  .detail = "started; cached: DHCP ack (address 10.0.0.5)" },
	};
	machine(f, 1, p, 2);

	CHECK(device_report_print() == 2);
	const char *t = host_console_text();
	CHECK_CONTAINS(t, "Firmware network paths on no listed PCI device:\n"
			  "  NII: NII 3.1, type UNDI 3.1, interface 0\n"
			  "  PXE Base Code: started; cached: DHCP ack (address 10.0.0.5)\n");
	CHECK_CONTAINS(t, "Network: 0 network controllers, 2 firmware network paths.\n");
}

TEST(report_shows_segment_when_not_zero)
{
	struct host_pci_function f = host_pci_device(0x12, 3, 1, 0x10ec, 0x8139, 0x02, 0x00, 0x20);
	f.loc.segment = 1;
	machine(&f, 1, NULL, 0);
	device_report_print();
	CHECK_CONTAINS(host_console_text(), "  0001:12:03.1  10ec:8139  [0200]  Ethernet controller: "
					    "Realtek RTL8139 Fast Ethernet (rev 20)\n");
}

TEST(report_survives_absent_functions)
{
	/* A function whose vendor reads all-ones is not a device. */
	struct host_pci_function f[] = {
		host_pci_device(0, 1, 0, 0xffff, 0xffff, 0xff, 0xff, 0xff),
		host_pci_device(0, 2, 0, 0x8086, 0x100e, 0x02, 0x00, 3),
	};
	machine(f, 2, NULL, 0);
	device_report_print();
	CHECK_CONTAINS(host_console_text(), "PCI devices (1):\n  00:02.0  8086:100e");
}
