/* DHCP packets as bootnet sends and reads them: building DISCOVER and
 * REQUEST with the PXE options servers look for, and parsing replies
 * (option overloading, split long options) into something a boot can use.
 * No I/O here; net/dhcp.c sends and receives. */
#ifndef DHCP_PACKET_H
#define DHCP_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68
#define DHCP_PROXY_PORT 4011
#define DHCP_MIN_PACKET 300 /* BOOTP minimum; some relays drop shorter */
#define DHCP_MAX_PACKET 1472

enum dhcp_message_type {
	DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK, DHCPNAK, DHCPRELEASE,
	DHCPINFORM,
};

/* PXE client system architectures (RFC 4578 option 93). */
#define DHCP_ARCH_BIOS 0x0000
#define DHCP_ARCH_EFI_IA32 0x0006
#define DHCP_ARCH_EFI_X86_64 0x0007

/* Who is asking: what goes into every request. */
struct dhcp_client {
	uint8_t mac[6];
	uint32_t xid;
	uint16_t arch;
	bool has_uuid;
	uint8_t uuid[16];          /* SMBIOS UUID, wire order */
	const uint8_t *features;   /* iPXE feature codes announced in option 175 */
	size_t feature_count;
	/* A PXE boot server request (port 4011) once we have an address:
	 * ciaddr set, no broadcast flag, and the boot menu item asked for. */
	uint32_t ciaddr;           /* network byte order; 0 before we have one */
	bool has_boot_item;
	uint16_t boot_item;        /* PXE boot server type, from the proxy's menu */
};

/* iPXE's feature codes for option 175 (its include/ipxe/features.h). */
#define DHCP_FEATURE_ISCSI 0x11
#define DHCP_FEATURE_HTTP 0x13
#define DHCP_FEATURE_HTTPS 0x14
#define DHCP_FEATURE_TFTP 0x15
#define DHCP_FEATURE_DNS 0x17
#define DHCP_FEATURE_BZIMAGE 0x18
#define DHCP_FEATURE_MULTIBOOT 0x19
#define DHCP_FEATURE_PXE 0x21
#define DHCP_FEATURE_EFI 0x24
#define DHCP_FEATURE_MENU 0x27

/* The features this build has on the EFI or the BIOS platform, as codes
 * for dhcp_client.features; returns how many. */
size_t dhcp_ipxe_features(bool efi, const uint8_t **codes);

/* Builds a DISCOVER (requested_ip and server_id 0) or REQUEST into buf;
 * addresses in network byte order. Returns the length, 0 if buf is too small. */
size_t dhcp_build(uint8_t *buf, size_t size, const struct dhcp_client *c, enum dhcp_message_type type,
		  uint32_t requested_ip, uint32_t server_id);

/* A parsed reply. Options are kept whole (split options joined, RFC 3396)
 * and in the order a setting lookup wants: by number. */
struct dhcp_reply {
	uint8_t type;            /* enum dhcp_message_type, 0 for plain BOOTP */
	uint32_t xid;
	uint32_t yiaddr, siaddr; /* network byte order */
	char sname[65];          /* from the header field, unless overloaded */
	char file[129];
	uint16_t opt_offset[256];
	uint16_t opt_len[256];
	bool opt_present[256];
	uint8_t opt_data[1200];
	size_t opt_used;
};

enum dhcp_parse_error {
	DHCP_ERR_SHORT = -1,      /* shorter than a BOOTP header */
	DHCP_ERR_NOT_REPLY = -2,  /* op is not BOOTREPLY */
	DHCP_ERR_NO_COOKIE = -3,  /* no DHCP magic cookie */
	DHCP_ERR_BAD_OPTION = -4, /* an option runs past the end */
	DHCP_ERR_TOO_BIG = -5,    /* options larger than we keep */
	DHCP_ERR_NOT_OURS = -6,   /* another client's transaction or MAC */
};

/* Parses a reply meant for client c (xid and MAC must match). */
int dhcp_parse(const uint8_t *pkt, size_t len, const struct dhcp_client *c, struct dhcp_reply *r);
const char *dhcp_strerror(int err);

/* An option's value, or NULL (and *len 0) when absent. */
const uint8_t *dhcp_option(const struct dhcp_reply *r, uint8_t code, size_t *len);
/* A 4-byte option (address or time) in network byte order, or 0. */
uint32_t dhcp_option_u32(const struct dhcp_reply *r, uint8_t code);

/* Option 60 starts with "PXEClient": the server speaks PXE. */
bool dhcp_is_pxe(const struct dhcp_reply *r);
/* A proxyDHCP answer: PXEClient, but no address offered. */
bool dhcp_is_proxy(const struct dhcp_reply *r);
/* The boot file name (option 67, else the file field), or "" */
const char *dhcp_boot_file(const struct dhcp_reply *r, char *buf, size_t size);
/* The server to fetch it from: siaddr, else option 66 when it is a dotted
 * address (a name waits for DNS), else 0. Network byte order. */
uint32_t dhcp_next_server(const struct dhcp_reply *r);

/* The first entry of a PXE boot menu (option 43, sub-option 9) that a
 * proxyDHCP offer carries: its boot server type and description. False
 * when the reply has no well-formed menu. */
struct pxe_menu_item {
	uint16_t type;
	char description[64];
};
bool dhcp_pxe_menu_first(const struct dhcp_reply *r, struct pxe_menu_item *item);

/* Picks among offers: a PXE-capable address offer with a boot file beats
 * one without; returns the index of the best address offer, or -1. */
int dhcp_best_offer(const struct dhcp_reply *offers, int count);

#endif
