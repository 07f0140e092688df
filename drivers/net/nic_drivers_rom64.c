/* The native NIC drivers of the rom64 build (firmware/rom64.h): only the
 * ROM NIC's own. The Makefile writes rom64_drivers.h from ROM64_DRIVERS
 * (bios/rom64.mk): ROM64_DRIVERS(X) calls X(name) for each, name_driver
 * being the struct nic_driver its source defines. */
#include "../bus/nic_driver.h"
#include "rom64_drivers.h"

#define DECLARE(name) extern const struct nic_driver name##_driver;
#define LIST(name) &name##_driver,

ROM64_DRIVERS(DECLARE)

const struct nic_driver *const nic_drivers[] = {
	ROM64_DRIVERS(LIST)
	NULL,
};
