/* The x86 Linux boot protocol's setup header (Documentation/x86/boot.rst):
 * which protocol a kernel speaks and where its entry points are. Kernels
 * come from the network, so nothing is read before its length is checked. */
#ifndef BZIMAGE_H
#define BZIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* loadflags */
#define BZ_LOADED_HIGH        0x01
#define BZ_CAN_USE_HEAP       0x80
/* xloadflags (protocol 2.12+) */
#define BZ_XLF_KERNEL_64              0x01
#define BZ_XLF_CAN_BE_LOADED_ABOVE_4G 0x02
#define BZ_XLF_EFI_HANDOVER_32        0x04
#define BZ_XLF_EFI_HANDOVER_64        0x08
#define BZ_XLF_EFI_KEXEC              0x10

#define BZ_SETUP_HEADER_OFFSET 0x1f1
#define BZ_BOOT_PARAMS_SIZE    4096

enum bz_status {
	BZ_OK = 0,
	BZ_NOT_LINUX,   /* no 0xAA55 boot flag or no "HdrS" */
	BZ_TRUNCATED,   /* shorter than its setup code says */
	BZ_TOO_OLD,     /* boot protocol before 2.00 (a zImage from the 1990s) */
	BZ_NOT_BZIMAGE, /* a zImage: loads below 1 MiB, not booted here */
};

struct bzimage_info {
	uint16_t version;         /* 0x020f is protocol 2.15 */
	unsigned setup_sects;     /* 512-byte sectors of real-mode setup after the boot sector */
	size_t setup_size;        /* bytes before the protected-mode kernel */
	size_t kernel_size;       /* bytes of the protected-mode kernel */
	uint8_t loadflags;
	uint16_t xloadflags;      /* 0 before 2.12 */
	uint32_t code32_start;
	uint32_t initrd_addr_max; /* highest initrd byte; 0x37ffffff before 2.03 */
	uint32_t kernel_alignment;
	bool relocatable;
	uint32_t cmdline_size;    /* longest command line without its NUL; 255 before 2.06 */
	uint64_t pref_address;    /* preferred load address (2.10+) */
	uint32_t init_size;       /* memory the kernel needs from its load address (2.10+) */
	uint32_t handover_offset; /* EFI handover entry from the 32-bit entry (2.11+) */
	char kernel_version[64];  /* "6.1.0-56-amd64 (...)" when the kernel says */
};

/* Reads the setup header of data; BZ_OK with info filled in, or why not. */
enum bz_status bzimage_parse(const void *data, size_t len, struct bzimage_info *info);
/* "not a Linux kernel", "Linux kernel cut short" ... */
const char *bz_status_text(enum bz_status status);

/* The kernel has an EFI handover entry reachable from firmware of the
 * given word size (32 or 64). */
bool bzimage_has_handover(const struct bzimage_info *info, int efi_bits);
/* The kernel is 64-bit (protocol 2.12+ says so in xloadflags). */
bool bzimage_is_64bit(const struct bzimage_info *info);
/* A line for imgstat: "Linux 6.1.0 (boot protocol 2.15, 64-bit, EFI handover 32/64)". */
void bzimage_describe(const struct bzimage_info *info, char *buf, size_t size);

#endif
