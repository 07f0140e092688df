/* The iSCSI Boot Firmware Table (iBFT, revision 1): how the firmware tells
 * the OS which iSCSI disk it booted from and over which NIC, so the OS can
 * log in again and keep using it. Pure: the table is built into a buffer
 * from plain values (host unit tests check every byte); where it goes is
 * the platform's business (bios/bios_ibft.c). */
#ifndef IBFT_H
#define IBFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Structure lengths and ids fixed by the specification (and checked by
 * Linux's iscsi_ibft, which refuses any other length). */
#define IBFT_HEADER_LEN 48
#define IBFT_CONTROL_LEN 18
#define IBFT_INITIATOR_LEN 74
#define IBFT_NIC_LEN 102
#define IBFT_TARGET_LEN 54
enum { IBFT_ID_CONTROL = 1, IBFT_ID_INITIATOR = 2, IBFT_ID_NIC = 3, IBFT_ID_TARGET = 4 };
#define IBFT_FLAG_VALID 0x01
#define IBFT_FLAG_BOOT_SELECTED 0x02
#define IBFT_ORIGIN_MANUAL 1
#define IBFT_ORIGIN_DHCP 3
enum { IBFT_CHAP_NONE = 0, IBFT_CHAP_ONE_WAY = 1, IBFT_CHAP_MUTUAL = 2 };

/* What goes in. IPv4 addresses in network byte order (0 = none); strings
 * NUL-terminated ("" = none). */
struct ibft_config {
	const char *initiator_iqn;
	/* The NIC. */
	uint32_t ip, gateway, dns[2], dhcp_server;
	uint8_t prefix_len;          /* subnet mask as a prefix length */
	uint8_t origin;              /* IBFT_ORIGIN_* */
	uint8_t mac[6];
	uint16_t pci_bdf;            /* bus << 8 | device << 3 | function */
	const char *hostname;
	/* The target. */
	uint32_t target_ip;
	uint16_t target_port;
	uint8_t lun[8];              /* as SCSI carries it (SAM-2, 8 bytes) */
	const char *target_name;
	const char *chap_name, *chap_secret;
	const char *reverse_chap_name, *reverse_chap_secret;
};

/* Builds the table into buf (zeroed first): header, control, initiator,
 * NIC and target structures, then the strings, checksum last. Returns
 * its length, or 0 when it does not fit in size (or a string is too long
 * for the table's 16-bit fields). */
size_t ibft_build(const struct ibft_config *cfg, uint8_t *buf, size_t size);

/* The byte that makes len bytes sum to zero with it at its place. */
uint8_t ibft_checksum_fix(const uint8_t *p, size_t len);

#endif
