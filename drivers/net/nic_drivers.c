/* The native NIC drivers built in, in the order they are asked. */
#include "../bus/nic_driver.h"

const struct nic_driver *const nic_drivers[] = {
	NULL,
};
