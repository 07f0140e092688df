/* The native NIC drivers built in, in the order they are asked. */
#include "../bus/nic_driver.h"
#include "tg3.h"

extern const struct nic_driver virtio_net_driver, e1000_driver, e1000e_driver, rtl8139_driver;

const struct nic_driver *const nic_drivers[] = {
	&virtio_net_driver,
	&e1000_driver,
	&e1000e_driver,
	&rtl8139_driver,
	&tg3_driver,
	NULL,
};
