/* Names of PCI vendors, devices and classes, for reports people read.
 * Only what bootnet meets often; an unknown ID prints as numbers alone. */
#include <stddef.h>
#include "pci.h"

struct vendor_name {
	uint16_t vendor;
	const char *name;
};

static const struct vendor_name vendors[] = {
	{ 0x1002, "AMD/ATI" },
	{ 0x1022, "AMD" },
	{ 0x106b, "Apple" },
	{ 0x10de, "NVIDIA" },
	{ 0x10ec, "Realtek" },
	{ 0x1234, "QEMU" },
	{ 0x14e4, "Broadcom" },
	{ 0x168c, "Qualcomm Atheros" },
	{ 0x1af4, "Red Hat" },
	{ 0x1b36, "Red Hat" },
	{ 0x8086, "Intel" },
};

struct device_name {
	uint16_t vendor, device;
	const char *name;
};

static const struct device_name devices[] = {
	/* virtio */
	{ 0x1af4, 0x1000, "virtio-net (legacy)" },
	{ 0x1af4, 0x1001, "virtio-blk (legacy)" },
	{ 0x1af4, 0x1004, "virtio-scsi (legacy)" },
	{ 0x1af4, 0x1005, "virtio-rng (legacy)" },
	{ 0x1af4, 0x1041, "virtio-net" },
	{ 0x1af4, 0x1042, "virtio-blk" },
	{ 0x1af4, 0x1044, "virtio-rng" },
	{ 0x1af4, 0x1048, "virtio-scsi" },
	{ 0x1af4, 0x1050, "virtio-gpu" },
	/* Intel NICs */
	{ 0x8086, 0x100e, "82540EM Gigabit Ethernet (e1000)" },
	{ 0x8086, 0x100f, "82545EM Gigabit Ethernet (e1000)" },
	{ 0x8086, 0x10d3, "82574L Gigabit Ethernet (e1000e)" },
	/* Intel chipsets QEMU models */
	{ 0x8086, 0x1237, "440FX host bridge" },
	{ 0x8086, 0x7000, "PIIX3 ISA bridge" },
	{ 0x8086, 0x7010, "PIIX3 IDE" },
	{ 0x8086, 0x7113, "PIIX4 ACPI" },
	{ 0x8086, 0x29c0, "Q35 host bridge" },
	{ 0x8086, 0x2918, "ICH9 LPC bridge" },
	{ 0x8086, 0x2922, "ICH9 AHCI" },
	{ 0x8086, 0x2930, "ICH9 SMBus" },
	/* Realtek */
	{ 0x10ec, 0x8139, "RTL8139 Fast Ethernet" },
	/* Broadcom NetXtreme / NetLink (tg3), Mac minis and Thunderbolt Ethernet first */
	{ 0x14e4, 0x1686, "BCM57766 Gigabit Ethernet" },
	{ 0x14e4, 0x16b4, "BCM57765 Gigabit Ethernet" },
	{ 0x14e4, 0x1682, "BCM57762 Gigabit Ethernet" },
	{ 0x14e4, 0x16b0, "BCM57761 Gigabit Ethernet" },
	{ 0x14e4, 0x16b1, "BCM57781 Gigabit Ethernet" },
	{ 0x14e4, 0x16b5, "BCM57785 Gigabit Ethernet" },
	{ 0x14e4, 0x1655, "BCM5717 Gigabit Ethernet" },
	{ 0x14e4, 0x1656, "BCM5718 Gigabit Ethernet" },
	{ 0x14e4, 0x1657, "BCM5719 Gigabit Ethernet" },
	{ 0x14e4, 0x165f, "BCM5720 Gigabit Ethernet" },
	{ 0x14e4, 0x1681, "BCM5761 Gigabit Ethernet" },
	{ 0x14e4, 0x1684, "BCM5764M Gigabit Ethernet" },
	/* QEMU's own */
	{ 0x1234, 0x1111, "standard VGA" },
	{ 0x1b36, 0x000d, "XHCI USB controller" },
};

struct class_name {
	uint8_t class_code, subclass; /* subclass 0xff: any */
	const char *name;
};

static const struct class_name classes[] = {
	{ 0x01, 0x01, "IDE controller" },
	{ 0x01, 0x06, "SATA controller" },
	{ 0x01, 0x08, "NVMe controller" },
	{ 0x01, 0x00, "SCSI controller" },
	{ 0x01, 0xff, "storage controller" },
	{ 0x02, 0x00, "Ethernet controller" },
	{ 0x02, 0xff, "network controller" },
	{ 0x03, 0x00, "VGA controller" },
	{ 0x03, 0xff, "display controller" },
	{ 0x04, 0xff, "multimedia controller" },
	{ 0x05, 0xff, "memory controller" },
	{ 0x06, 0x00, "host bridge" },
	{ 0x06, 0x01, "ISA bridge" },
	{ 0x06, 0x04, "PCI bridge" },
	{ 0x06, 0xff, "bridge" },
	{ 0x07, 0xff, "communication controller" },
	{ 0x08, 0xff, "system peripheral" },
	{ 0x0c, 0x03, "USB controller" },
	{ 0x0c, 0x05, "SMBus controller" },
	{ 0x0c, 0x0a, "Thunderbolt controller" },
	{ 0x0c, 0xff, "serial bus controller" },
	{ 0x0d, 0xff, "wireless controller" },
	{ 0xff, 0xff, "unassigned class" },
};

const char *pci_vendor_name(uint16_t vendor)
{
	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
		if (vendors[i].vendor == vendor)
			return vendors[i].name;
	return NULL;
}

const char *pci_device_name(uint16_t vendor, uint16_t device)
{
	for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
		if (devices[i].vendor == vendor && devices[i].device == device)
			return devices[i].name;
	return NULL;
}

const char *pci_class_name(uint8_t class_code, uint8_t subclass)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].class_code == class_code &&
		    (classes[i].subclass == subclass || classes[i].subclass == 0xff))
			return classes[i].name;
	return "other device";
}
