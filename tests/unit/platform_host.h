/* The test platform: firmware/platform.h on Linux, with knobs for tests. */
#ifndef PLATFORM_HOST_H
#define PLATFORM_HOST_H

#include "../../firmware/platform.h"

/* Everything written to the console since the last reset. */
const char *host_console_text(void);
void host_console_reset(void);

/* A fake PCI function: its location and its 256 bytes of config space.
 * Writes land in config, except that a BAR answers a sizing write (all
 * ones) as hardware does, from bar_size (0: the BAR is absent). */
struct host_pci_function {
	struct pci_location loc;
	uint8_t config[256];
	uint32_t bar_size[6];
};
void host_pci_set(const struct host_pci_function *functions, int count);
/* Fills config for a device with the given IDs and class. */
struct host_pci_function host_pci_device(uint8_t bus, uint8_t dev, uint8_t fn, uint16_t vendor,
					 uint16_t device, uint8_t class_code, uint8_t subclass,
					 uint8_t revision);

/* The function at loc, for a test to inspect or change; NULL if absent. */
struct host_pci_function *host_pci_find(const struct pci_location *loc);

/* Native drivers on the host (platform_host_pci.c): BAR registers are a
 * device model's. read/write get the BAR and the offset into it. */
struct pci_bar;
struct host_reg_model {
	uint32_t (*read)(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width);
	void (*write)(void *ctx, const struct pci_bar *bar, unsigned offset, unsigned width,
		      uint32_t value);
	void *ctx;
};
void host_reg_model_set(const struct host_reg_model *model);
/* Functions claimed and not yet released, and DMA blocks not yet freed. */
int host_pci_claimed_count(void);
int host_dma_live_count(void);

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
