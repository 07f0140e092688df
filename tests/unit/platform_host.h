/* The test platform: firmware/platform.h on Linux, with knobs for tests. */
#ifndef PLATFORM_HOST_H
#define PLATFORM_HOST_H

#include "../../firmware/platform.h"

/* Everything written to the console since the last reset. */
const char *host_console_text(void);
void host_console_reset(void);

/* A fake PCI function: its location and the first 64 bytes of config space. */
struct host_pci_function {
	struct pci_location loc;
	uint8_t config[64];
};
void host_pci_set(const struct host_pci_function *functions, int count);
/* Fills config for a device with the given IDs and class. */
struct host_pci_function host_pci_device(uint8_t bus, uint8_t dev, uint8_t fn, uint16_t vendor,
					 uint16_t device, uint8_t class_code, uint8_t subclass,
					 uint8_t revision);

void host_netpaths_set(const struct netpath_info *paths, int count);

/* Keys: queued for platform_console_read_key, which returns -1 once the
 * queue is empty. */
void host_keys_push(int key);
void host_keys_type(const char *text);
void host_keys_reset(void);

/* The SMBIOS table platform_smbios hands out (NULL: none). */
void host_smbios_set(const void *table, size_t len, unsigned version);

/* The clock: tests move it by hand. */
void host_time_set_ms(uint64_t ms);
/* The wall clock platform_unix_time reads (0: unknown, the default). */
void host_unix_time_set(uint64_t seconds);

#endif
