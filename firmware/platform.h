/* The one door between bootnet's core and the machine it runs on.
 *
 * efi/ and bios/ each implement these functions for real hardware;
 * tests/unit/ implements them on Linux so the core runs in host tests
 * unchanged. Core code calls nothing platform-specific but this. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Identity, as scripts see it in ${platform} and ${buildarch}. */
const char *platform_name(void);   /* "efi" or "pcbios" */
const char *platform_arch(void);   /* "x86_64" or "i386" */

/* Console: every output device the platform has (screen and serial). */
void platform_console_write(const char *text, size_t len);
/* The next key pressed, or -1 when none is waiting. Never blocks. */
int platform_console_read_key(void);

/* Memory: pool blocks (any size) and 4 KiB pages. */
void *platform_alloc(size_t size);
void platform_free(void *ptr);

/* Time: milliseconds since an arbitrary start, never going backwards. */
uint64_t platform_now_ms(void);
void platform_delay_us(uint32_t us);
/* Wall clock: seconds since 1970-01-01 00:00:00 UTC (local time when the
 * clock does not say its zone), or 0 when the machine cannot tell. */
uint64_t platform_unix_time(void);

/* Randomness, for TLS keys and TCP sequence numbers; firmware/entropy.c
 * mixes both into what the core uses, never a constant seed.
 * platform_entropy: fills buf from the machine's random-number hardware
 * (EFI: the RNG protocol, else the CPU's RDSEED/RDRAND; BIOS: RDSEED/RDRAND)
 * and names it in *source ("RDRAND"); returns the bytes filled, 0 (and
 * source "none") when the machine has no such hardware.
 * platform_cycles: a fast free-running counter (x86: the time-stamp
 * counter) whose jitter between reads is mixed in too. */
size_t platform_entropy(void *buf, size_t len, const char **source);
uint64_t platform_cycles(void);

/* PCI configuration space. */
struct pci_location {
	uint16_t segment;
	uint8_t bus, dev, fn;
};
typedef void pci_visit_fn(const struct pci_location *loc, void *ctx);
/* Calls visit for every PCI function present, in bus order. */
void platform_pci_enumerate(pci_visit_fn *visit, void *ctx);
/* Reads width (1, 2 or 4) bytes at offset; false if the platform cannot. */
bool platform_pci_config_read(const struct pci_location *loc, unsigned offset,
			      unsigned width, uint32_t *value);

/* Native drivers (drivers/): config writes, taking a function from the
 * firmware, and memory a device reaches by DMA. Registers in BARs are
 * reached through drivers/bus/pci_regs.h. */
bool platform_pci_config_write(const struct pci_location *loc, unsigned offset,
			       unsigned width, uint32_t value);
/* Takes the function from whatever firmware driver owns it (EFI:
 * DisconnectController; BIOS: nothing to take) and turns on memory and I/O
 * decoding and bus mastering. false, with why filled in, when it cannot. */
bool platform_pci_claim(const struct pci_location *loc, char *why, size_t why_size);
/* Gives every claimed function back to the firmware (EFI:
 * ConnectController): before bootnet exits or hands over the machine,
 * after the native drivers have stopped their devices. */
void platform_pci_release_all(void);
/* DMA memory for the function at loc: physically contiguous, 4 KiB
 * aligned, zeroed, reachable by the device below 4 GiB; *bus is the
 * address the device uses for it (EFI: mapped through the function's
 * PciIo, so an IOMMU the firmware turned on lets the device in). NULL
 * when none is left. Freed with the same loc. */
void *platform_dma_alloc(const struct pci_location *loc, size_t size, uint64_t *bus);
void platform_dma_free(const struct pci_location *loc, void *ptr, size_t size);

/* The firmware's own network paths (EFI SNP/NII/PXE Base Code, BIOS UNDI). */
enum netpath_kind { NETPATH_SNP, NETPATH_NII, NETPATH_PXE_BC, NETPATH_UNDI };
struct netpath_info {
	enum netpath_kind kind;
	bool on_pci;             /* pci below is valid */
	struct pci_location pci;
	bool has_mac;
	uint8_t mac[6];
	bool boot_device;        /* bootnet itself was loaded through this device */
	char detail[160];        /* what the platform can say: state, link, cached DHCP */
};
/* Fills at most max entries; returns how many paths exist. */
int platform_netpaths(struct netpath_info *paths, int max);

/* Choosing a path per NIC is the core's (firmware/netprobe.c); the
 * platform offers its own paths one at a time. */
struct netdev;
/* A netdev over the firmware's path of kind (SNP, NII, UNDI) on the PCI
 * function loc, already opened (so it is known to work), with loaded_from
 * and cached DHCP packets filled in; not registered. NULL with why filled
 * in ("none on this device", "Initialize failed: Device Error") otherwise,
 * everything it tried undone. */
struct netdev *platform_netpath_netdev(enum netpath_kind kind, const struct pci_location *loc,
				       char *why, size_t why_size);
/* Netdevs over firmware paths on no PCI device (USB NICs), not opened;
 * fills at most max and returns how many. */
int platform_netdevs_off_pci(struct netdev **devs, int max);
/* Before a native driver takes the NIC at dev->pci: what the firmware
 * knows of it (dev->loaded_from, cached DHCP packets), while it still can. */
void platform_netdev_firmware_facts(struct netdev *dev);
/* The path order when neither the build nor ${netpath} gives one:
 * "snp,native,nii" on UEFI; on BIOS "undi,native" for .kpxe (the PXE ROM's
 * UNDI, offered through platform_netpath_netdev(NETPATH_UNDI, ...)) and
 * "native" for the other images. */
const char *platform_netpath_default(void);
/* Gives one claimed function back to the firmware (see platform_pci_claim). */
void platform_pci_release(const struct pci_location *loc);

/* Executable images (firmware/image.h): EFI programs and Linux kernels.
 * probe: whether img is a kind of program the platform starts (it may
 * still refuse it when run, saying why: another architecture, say).
 * exec: starts img with its command line; a Linux kernel also gets the
 * other registered images as its initrd. Network devices are handed back
 * to the firmware first and taken again if the program returns. Returns
 * 0 when the program ran and returned success, otherwise -1 after
 * printing why (could not start it, or the status it returned). */
struct image;
bool platform_image_probe(const struct image *img);
/* What probe accepts, for people: "an EFI program or a Linux kernel". */
const char *platform_image_kinds(void);
int platform_image_exec(struct image *img);

/* SMBIOS: the structure table, its length and version (major << 8 |
 * minor), for ${manufacturer}, ${serial}, ${uuid}...; false when the
 * machine has none. The table stays valid while bootnet runs. */
bool platform_smbios(const void **table, size_t *len, unsigned *version);

/* A boot script on the disk bootnet was started from (EFI: autoexec.ipxe
 * next to bootnet's own file, else at the root of its volume): its text
 * in a malloc'd buffer (NUL-terminated, *len bytes) and where it was
 * found in where ("\EFI\BOOT\autoexec.ipxe on the boot volume"); NULL
 * when bootnet was not started from a disk or none is there. */
char *platform_boot_volume_script(size_t *len, char *where, size_t where_size);
/* SAN disks (firmware/san.h), from sanhook and sanboot. attach shows the
 * disk to the firmware (EFI: a Block I/O handle with an iSCSI device path,
 * connected so that the firmware finds its partitions; BIOS: an INT 13h
 * drive) and, when describe is true, to the OS (BIOS: an iBFT). boot starts
 * the disk's loader (EFI: filename, or \EFI\BOOT\BOOTX64.EFI when NULL)
 * with the network kept running for the disk; it returns when the loader
 * returns or could not start. detach undoes attach. 0, or -1 with
 * disk->error set. */
struct san_disk;
int platform_san_attach(struct san_disk *disk, bool describe);
int platform_san_boot(struct san_disk *disk, const char *filename);
void platform_san_detach(struct san_disk *disk);

/* Power. Both return only if the platform could not do it. */
void platform_reboot(void);
void platform_poweroff(void);
/* After an internal error: waits for a key, then reboots. Never returns. */
void platform_halt(void) __attribute__((noreturn));

#endif
