/* The iBFT builder (see ibft.h). Layout, from the iBFT specification:
 * a 48-byte ACPI-style header ("iBFT", length, revision 1, checksum, OEM
 * ids, 12 reserved bytes), then fixed-size structures that each begin
 * with a 6-byte {id, version 1, length, index, flags}, then a heap of strings the
 * structures point into by {length, offset from the table's start}.
 * Addresses are 16 bytes: IPv4 as the IPv4-mapped IPv6 ::ffff:a.b.c.d. */
#include <string.h>
#include "byteorder.h"
#include "ibft.h"

/* Each structure on an 8-byte boundary, as the specification asks. */
#define ALIGN8(x) (((x) + 7) & ~7)
#define CONTROL_OFF IBFT_HEADER_LEN
#define INITIATOR_OFF ALIGN8(CONTROL_OFF + IBFT_CONTROL_LEN)
#define NIC_OFF ALIGN8(INITIATOR_OFF + IBFT_INITIATOR_LEN)
#define TARGET_OFF ALIGN8(NIC_OFF + IBFT_NIC_LEN)
#define HEAP_OFF (TARGET_OFF + IBFT_TARGET_LEN)

struct heap {
	uint8_t *buf;
	size_t used, size;
	int full;
};

uint8_t ibft_checksum_fix(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return (uint8_t)(0x100 - sum);
}

static void put_header(uint8_t *p, uint8_t id, uint16_t len, uint8_t flags)
{
	p[0] = id;
	p[1] = 1;                           /* version */
	put_le16(p + 2, len);
	p[4] = 0;                           /* index: the first of its kind */
	p[5] = flags;
}

static void put_ipv4(uint8_t *p, uint32_t addr_be)
{
	const uint8_t *a = (const uint8_t *)&addr_be;
	if (!addr_be)
		return;                     /* all zeros: none */
	p[10] = 0xff;
	p[11] = 0xff;
	memcpy(p + 12, a, 4);
}

/* A string into the heap, NUL-terminated; its {length, offset} at field.
 * Absent strings leave both zero. */
static void put_string(struct heap *h, uint8_t *field, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	if (!len)
		return;
	if (len > 0xffff || h->used + len + 1 > h->size || h->used > 0xffff) {
		h->full = 1;
		return;
	}
	memcpy(h->buf + h->used, s, len + 1);
	put_le16(field, (uint16_t)len);
	put_le16(field + 2, (uint16_t)h->used);
	h->used += len + 1;
}

static void put_table_header(uint8_t *p)
{
	memcpy(p, "iBFT", 4);
	p[8] = 1;                           /* revision */
	memcpy(p + 10, "BOOTNT", 6);        /* OEM id */
	memcpy(p + 16, "bootnet ", 8);      /* OEM table id */
}

static void put_control(uint8_t *p)
{
	put_header(p, IBFT_ID_CONTROL, IBFT_CONTROL_LEN, 0);
	put_le16(p + 6, 0);                 /* no extensions */
	put_le16(p + 8, INITIATOR_OFF);
	put_le16(p + 10, NIC_OFF);
	put_le16(p + 12, TARGET_OFF);
	/* second NIC and target: none (0) */
}

static void put_initiator(uint8_t *p, const struct ibft_config *cfg, struct heap *h)
{
	put_header(p, IBFT_ID_INITIATOR, IBFT_INITIATOR_LEN,
		   IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED);
	/* iSNS, SLP and RADIUS servers (6, 22, 38, 54): none */
	put_string(h, p + 70, cfg->initiator_iqn);
}

static void put_nic(uint8_t *p, const struct ibft_config *cfg, struct heap *h)
{
	put_header(p, IBFT_ID_NIC, IBFT_NIC_LEN, IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED);
	put_ipv4(p + 6, cfg->ip);
	p[22] = cfg->prefix_len;
	p[23] = cfg->origin;
	put_ipv4(p + 24, cfg->gateway);
	put_ipv4(p + 40, cfg->dns[0]);
	put_ipv4(p + 56, cfg->dns[1]);
	put_ipv4(p + 72, cfg->dhcp_server);
	put_le16(p + 88, 0);                /* no VLAN */
	memcpy(p + 90, cfg->mac, 6);
	put_le16(p + 96, cfg->pci_bdf);
	put_string(h, p + 98, cfg->hostname);
}

static void put_target(uint8_t *p, const struct ibft_config *cfg, struct heap *h)
{
	bool chap = cfg->chap_name && cfg->chap_name[0];
	bool mutual = chap && cfg->reverse_chap_name && cfg->reverse_chap_name[0];
	put_header(p, IBFT_ID_TARGET, IBFT_TARGET_LEN, IBFT_FLAG_VALID | IBFT_FLAG_BOOT_SELECTED);
	put_ipv4(p + 6, cfg->target_ip);
	put_le16(p + 22, cfg->target_port);
	memcpy(p + 24, cfg->lun, 8);
	p[32] = mutual ? IBFT_CHAP_MUTUAL : chap ? IBFT_CHAP_ONE_WAY : IBFT_CHAP_NONE;
	p[33] = 0;                          /* the NIC structure with index 0 */
	put_string(h, p + 34, cfg->target_name);
	if (chap) {
		put_string(h, p + 38, cfg->chap_name);
		put_string(h, p + 42, cfg->chap_secret);
	}
	if (mutual) {
		put_string(h, p + 46, cfg->reverse_chap_name);
		put_string(h, p + 50, cfg->reverse_chap_secret);
	}
}

size_t ibft_build(const struct ibft_config *cfg, uint8_t *buf, size_t size)
{
	struct heap h = { buf, HEAP_OFF, size, 0 };
	if (size < HEAP_OFF)
		return 0;
	memset(buf, 0, size);
	put_table_header(buf);
	put_control(buf + CONTROL_OFF);
	put_initiator(buf + INITIATOR_OFF, cfg, &h);
	put_nic(buf + NIC_OFF, cfg, &h);
	put_target(buf + TARGET_OFF, cfg, &h);
	if (h.full)
		return 0;
	h.used = (h.used + 15) & ~(size_t)15;   /* whole paragraphs: it sits on a 16-byte boundary */
	if (h.used > size)
		h.used = size;
	put_le32(buf + 4, (uint32_t)h.used);
	buf[9] = ibft_checksum_fix(buf, h.used);
	return h.used;
}
