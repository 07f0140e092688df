/* The tg3 tests' machine: one PCI function backed by the chip model. */
#include <string.h>
#include "../../drivers/bus/pci.h"
#include "test_tg3.h"

void tg3_rig_wait_ms(uint64_t ms)
{
	host_time_set_ms(platform_now_ms() + ms);
}

void tg3_rig_probe(struct tg3_rig *rig, const struct tg3_model_config *cfg)
{
	struct host_pci_function f = tg3_model_pci_function(cfg);
	struct pci_device_info info;
	const struct pci_id *id = NULL;
	const struct nic_driver *driver;
	char why[160];
	uint64_t start;

	memset(rig, 0, sizeof(*rig));
	host_time_set_ms(1000);
	host_pci_set(&f, 1);
	platform_pci_claim(&f.loc, why, sizeof(why));
	rig->model = tg3_model_create(cfg);
	pci_scan(&info, 1);
	driver = nic_driver_find(info.vendor, info.device, &id);
	if (!driver) {
		rig->rc = -100;
		strcpy(rig->why, "no driver claims the model's PCI ID");
		return;
	}
	start = platform_now_ms();
	rig->rc = driver->probe(&info, id, &rig->dev, rig->why, sizeof(rig->why));
	rig->probe_ms = platform_now_ms() - start;
}

void tg3_rig_done(struct tg3_rig *rig)
{
	if (rig->rc == 0) {
		if (rig->dev.is_open)
			rig->dev.ops->close(&rig->dev);
		platform_free(rig->dev.priv); /* netdevs live for good in the firmware */
	}
	tg3_model_destroy(rig->model);
	platform_pci_release_all();
}

int tg3_rig_open(struct tg3_rig *rig)
{
	int rc = rig->dev.ops->open(&rig->dev);
	rig->dev.is_open = rc == 0;
	return rc;
}

void tg3_rig_close(struct tg3_rig *rig)
{
	rig->dev.ops->close(&rig->dev);
	rig->dev.is_open = false;
}
