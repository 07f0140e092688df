/* The native NIC drivers built in, in the order they are asked. */
#include "../bus/nic_driver.h"
#include "tg3.h"

const struct nic_driver *const nic_drivers[] = {
	&tg3_driver,
	NULL,
};
