/* DHCP packet building and parsing (RFC 2131, 2132, 3396, 4578; PXE 2.1).
 * Every length read from the wire is checked before use. */
#include <stdio.h>
#include <string.h>
#include "dhcp_packet.h"
#include "inet.h"

#define BOOTP_REQUEST 1
#define BOOTP_REPLY 2
#define HEADER_SIZE 236
#define OPTIONS_START 240 /* header, then the magic cookie */
#define OFF_XID 4
#define OFF_CIADDR 12
#define OFF_FLAGS 10
#define OFF_YIADDR 16
#define OFF_SIADDR 20
#define OFF_CHADDR 28
#define OFF_SNAME 44
#define OFF_FILE 108
#define FLAG_BROADCAST 0x8000

enum {
	OPT_PAD = 0, OPT_VENDOR_CLASS = 60, OPT_OVERLOAD = 52, OPT_MESSAGE_TYPE = 53,
	OPT_SERVER_ID = 54, OPT_PARAMS = 55, OPT_MAX_SIZE = 57, OPT_REQUESTED_IP = 50,
	OPT_TFTP_SERVER = 66, OPT_BOOTFILE = 67, OPT_USER_CLASS = 77, OPT_CLIENT_ARCH = 93,
	OPT_CLIENT_NDI = 94, OPT_CLIENT_UUID = 97, OPT_IPXE = 175, OPT_END = 255,
	OPT_VENDOR_SPECIFIC = 43,
};

/* PXE sub-options inside option 43 (PXE 2.1 table 2-1). */
enum { PXE_BOOT_MENU = 9, PXE_BOOT_ITEM = 71 };

static const uint8_t cookie[4] = { 99, 130, 83, 99 };

/* What we ask servers for: addressing, names, boot file, PXE, pxelinux and
 * the iSCSI initiator name (203). */
static const uint8_t wanted_options[] = {
	1, 3, 6, 12, 15, 17, 26, 28, 43, 54, 60, 66, 67, 119, 128, 129, 130, 131, 132, 133,
	134, 135, 175, 203, 209, 210,
};

/* A writer that never runs past the end; overflow turns the result to 0. */
struct writer {
	uint8_t *buf;
	size_t size, len;
	bool overflow;
};

static void put_bytes(struct writer *w, const void *data, size_t n)
{
	if (w->len + n > w->size) {
		w->overflow = true;
		return;
	}
	memcpy(w->buf + w->len, data, n);
	w->len += n;
}

static void put_option(struct writer *w, uint8_t code, const void *data, size_t n)
{
	uint8_t head[2] = { code, (uint8_t)n };
	put_bytes(w, head, 2);
	put_bytes(w, data, n);
}

static void put_u32_option(struct writer *w, uint8_t code, uint32_t value_be)
{
	put_option(w, code, &value_be, 4);
}

/* What a server may test in option 175 to know what we can do: both
 * platforms boot iSCSI disks (EFI Block I/O, BIOS INT 13h); EFI runs EFI
 * programs, BIOS multiboot kernels and PXE NBPs. */
size_t dhcp_ipxe_features(bool efi, const uint8_t **codes)
{
	static const uint8_t on_efi[] = {
		DHCP_FEATURE_ISCSI, DHCP_FEATURE_HTTP, DHCP_FEATURE_HTTPS, DHCP_FEATURE_TFTP,
		DHCP_FEATURE_DNS, DHCP_FEATURE_BZIMAGE, DHCP_FEATURE_EFI, DHCP_FEATURE_MENU,
	};
	static const uint8_t on_bios[] = {
		DHCP_FEATURE_ISCSI, DHCP_FEATURE_HTTP, DHCP_FEATURE_HTTPS, DHCP_FEATURE_TFTP, DHCP_FEATURE_DNS,
		DHCP_FEATURE_BZIMAGE, DHCP_FEATURE_MULTIBOOT, DHCP_FEATURE_PXE, DHCP_FEATURE_MENU,
	};
	*codes = efi ? on_efi : on_bios;
	return efi ? sizeof(on_efi) : sizeof(on_bios);
}

size_t dhcp_build(uint8_t *buf, size_t size, const struct dhcp_client *c, enum dhcp_message_type type,
		  uint32_t requested_ip, uint32_t server_id)
{
	struct writer w = { buf, size, 0, false };
	uint8_t header[HEADER_SIZE] = { BOOTP_REQUEST, 1, 6, 0 };
	char vendor_class[40];
	uint8_t value[32];
	int n;

	memcpy(header + OFF_XID, &c->xid, 4);
	if (c->ciaddr)
		memcpy(header + OFF_CIADDR, &c->ciaddr, 4);
	else
		header[OFF_FLAGS] = FLAG_BROADCAST >> 8; /* we cannot take unicast before we have an address */
	memcpy(header + OFF_CHADDR, c->mac, 6);
	put_bytes(&w, header, sizeof(header));
	put_bytes(&w, cookie, sizeof(cookie));

	value[0] = (uint8_t)type;
	put_option(&w, OPT_MESSAGE_TYPE, value, 1);
	value[0] = DHCP_MAX_PACKET >> 8;
	value[1] = DHCP_MAX_PACKET & 0xff;
	put_option(&w, OPT_MAX_SIZE, value, 2);
	if (requested_ip)
		put_u32_option(&w, OPT_REQUESTED_IP, requested_ip);
	if (server_id)
		put_u32_option(&w, OPT_SERVER_ID, server_id);
	put_option(&w, OPT_PARAMS, wanted_options, sizeof(wanted_options));

	/* PXE: architecture, UNDI 3.16 network interface, machine UUID. */
	n = snprintf(vendor_class, sizeof(vendor_class), "PXEClient:Arch:%05u:UNDI:003016", c->arch);
	put_option(&w, OPT_VENDOR_CLASS, vendor_class, (size_t)n);
	value[0] = c->arch >> 8;
	value[1] = c->arch & 0xff;
	put_option(&w, OPT_CLIENT_ARCH, value, 2);
	value[0] = 1, value[1] = 3, value[2] = 16;
	put_option(&w, OPT_CLIENT_NDI, value, 3);
	if (c->has_uuid) {
		value[0] = 0; /* type 0: a UUID follows */
		memcpy(value + 1, c->uuid, 16);
		put_option(&w, OPT_CLIENT_UUID, value, 17);
	}

	/* As iPXE: user class "iPXE" and option 175 with our features, which is
	 * what existing server configs test to stop handing out the chainloader. */
	put_option(&w, OPT_USER_CLASS, "iPXE", 4);
	if (c->feature_count) {
		uint8_t enc[3 * 16];
		size_t k = 0;
		for (size_t i = 0; i < c->feature_count && i < 16; i++) {
			enc[k++] = c->features[i];
			enc[k++] = 1;
			enc[k++] = 1;
		}
		put_option(&w, OPT_IPXE, enc, k);
	}
	if (c->has_boot_item) {
		/* PXE vendor options: boot item (type, layer 0), then their own end. */
		uint8_t item[] = { PXE_BOOT_ITEM, 4, c->boot_item >> 8, c->boot_item & 0xff, 0, 0,
				   OPT_END };
		put_option(&w, OPT_VENDOR_SPECIFIC, item, sizeof(item));
	}
	value[0] = OPT_END;
	put_bytes(&w, value, 1);
	while (w.len < DHCP_MIN_PACKET && !w.overflow) {
		value[0] = OPT_PAD;
		put_bytes(&w, value, 1);
	}
	return w.overflow ? 0 : w.len;
}

/* One run of option bytes as found in the packet, before joining. */
struct fragment {
	uint8_t code;
	const uint8_t *data;
	uint8_t len;
};

#define MAX_FRAGMENTS 400

/* Collects the options of one area; returns the new count or an error. */
static int scan_area(const uint8_t *p, size_t len, struct fragment *frags, int count)
{
	size_t i = 0;
	while (i < len) {
		uint8_t code = p[i++];
		if (code == OPT_PAD)
			continue;
		if (code == OPT_END)
			break;
		if (i >= len || i + 1 + p[i] > len)
			return DHCP_ERR_BAD_OPTION;
		if (count >= MAX_FRAGMENTS)
			return DHCP_ERR_TOO_BIG;
		frags[count++] = (struct fragment){ code, p + i + 1, p[i] };
		i += 1 + (size_t)p[i];
	}
	return count;
}

/* Joins the fragments of each option code in the order found (RFC 3396). */
static int join_fragments(struct dhcp_reply *r, const struct fragment *frags, int count)
{
	for (int code = 1; code < 255; code++) {
		for (int i = 0; i < count; i++) {
			if (frags[i].code != code)
				continue;
			if (r->opt_used + frags[i].len > sizeof(r->opt_data))
				return DHCP_ERR_TOO_BIG;
			if (!r->opt_present[code]) {
				r->opt_present[code] = true;
				r->opt_offset[code] = (uint16_t)r->opt_used;
			}
			memcpy(r->opt_data + r->opt_used, frags[i].data, frags[i].len);
			r->opt_used += frags[i].len;
			r->opt_len[code] = (uint16_t)(r->opt_len[code] + frags[i].len);
		}
	}
	return 0;
}

static void copy_field(char *dest, const uint8_t *src, size_t size)
{
	memcpy(dest, src, size);
	dest[size] = '\0';
}

int dhcp_parse(const uint8_t *pkt, size_t len, const struct dhcp_client *c, struct dhcp_reply *r)
{
	struct fragment frags[MAX_FRAGMENTS];
	uint8_t overload = 0;
	int count;

	memset(r, 0, sizeof(*r));
	if (len < OPTIONS_START)
		return DHCP_ERR_SHORT;
	if (pkt[0] != BOOTP_REPLY)
		return DHCP_ERR_NOT_REPLY;
	if (memcmp(pkt + OFF_XID, &c->xid, 4) != 0 || memcmp(pkt + OFF_CHADDR, c->mac, 6) != 0)
		return DHCP_ERR_NOT_OURS;
	if (memcmp(pkt + HEADER_SIZE, cookie, 4) != 0)
		return DHCP_ERR_NO_COOKIE;
	memcpy(&r->xid, pkt + OFF_XID, 4);
	memcpy(&r->yiaddr, pkt + OFF_YIADDR, 4);
	memcpy(&r->siaddr, pkt + OFF_SIADDR, 4);

	count = scan_area(pkt + OPTIONS_START, len - OPTIONS_START, frags, 0);
	if (count < 0)
		return count;
	for (int i = 0; i < count; i++)
		if (frags[i].code == OPT_OVERLOAD && frags[i].len >= 1)
			overload = frags[i].data[0];
	if (overload & 1)
		count = scan_area(pkt + OFF_FILE, 128, frags, count);
	if (count >= 0 && (overload & 2))
		count = scan_area(pkt + OFF_SNAME, 64, frags, count);
	if (count < 0)
		return count;
	if (!(overload & 1))
		copy_field(r->file, pkt + OFF_FILE, 128);
	if (!(overload & 2))
		copy_field(r->sname, pkt + OFF_SNAME, 64);

	count = join_fragments(r, frags, count);
	if (count < 0)
		return count;
	if (r->opt_present[OPT_MESSAGE_TYPE] && r->opt_len[OPT_MESSAGE_TYPE] >= 1)
		r->type = r->opt_data[r->opt_offset[OPT_MESSAGE_TYPE]];
	return 0;
}

const char *dhcp_strerror(int err)
{
	switch (err) {
	case DHCP_ERR_SHORT: return "packet shorter than a BOOTP header";
	case DHCP_ERR_NOT_REPLY: return "not a BOOTP reply";
	case DHCP_ERR_NO_COOKIE: return "no DHCP magic cookie";
	case DHCP_ERR_BAD_OPTION: return "an option runs past the end of the packet";
	case DHCP_ERR_TOO_BIG: return "more option data than bootnet keeps";
	case DHCP_ERR_NOT_OURS: return "reply to another client";
	}
	return "unknown DHCP error";
}

const uint8_t *dhcp_option(const struct dhcp_reply *r, uint8_t code, size_t *len)
{
	if (!r->opt_present[code]) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = r->opt_len[code];
	return r->opt_data + r->opt_offset[code];
}

uint32_t dhcp_option_u32(const struct dhcp_reply *r, uint8_t code)
{
	size_t len;
	const uint8_t *v = dhcp_option(r, code, &len);
	uint32_t value = 0;
	if (v && len == 4)
		memcpy(&value, v, 4);
	return value;
}

bool dhcp_is_pxe(const struct dhcp_reply *r)
{
	size_t len;
	const uint8_t *v = dhcp_option(r, OPT_VENDOR_CLASS, &len);
	return v && len >= 9 && memcmp(v, "PXEClient", 9) == 0;
}

bool dhcp_pxe_menu_first(const struct dhcp_reply *r, struct pxe_menu_item *item)
{
	size_t len, at = 0;
	const uint8_t *v = dhcp_is_pxe(r) ? dhcp_option(r, OPT_VENDOR_SPECIFIC, &len) : NULL;
	if (!v)
		return false;
	/* Sub-options: code, length, value; PAD and END as in DHCP itself. */
	while (at < len && v[at] != OPT_END) {
		uint8_t code = v[at], sublen;
		if (code == OPT_PAD) {
			at++;
			continue;
		}
		if (at + 2 > len || at + 2 + v[at + 1] > len)
			return false;
		sublen = v[at + 1];
		if (code == PXE_BOOT_MENU && sublen >= 3) {
			const uint8_t *m = v + at + 2;
			size_t desc = m[2] < sublen - 3 ? m[2] : sublen - 3;
			if (desc > sizeof(item->description) - 1)
				desc = sizeof(item->description) - 1;
			item->type = (uint16_t)(m[0] << 8 | m[1]);
			memcpy(item->description, m + 3, desc);
			item->description[desc] = '\0';
			for (size_t i = 0; i < desc; i++)
				if (item->description[i] < 0x20 || item->description[i] > 0x7e)
					item->description[i] = '?';
			return true;
		}
		at += 2 + (size_t)sublen;
	}
	return false;
}

bool dhcp_is_proxy(const struct dhcp_reply *r)
{
	return dhcp_is_pxe(r) && r->yiaddr == 0;
}

/* Copies an option's text, stopping at an embedded NUL. */
static const char *option_text(const struct dhcp_reply *r, uint8_t code, char *buf, size_t size)
{
	size_t len;
	const uint8_t *v = dhcp_option(r, code, &len);
	size_t n = 0;
	if (!v || !size)
		return NULL;
	while (n < len && n + 1 < size && v[n])
		n++;
	memcpy(buf, v, n);
	buf[n] = '\0';
	return buf;
}

const char *dhcp_boot_file(const struct dhcp_reply *r, char *buf, size_t size)
{
	if (size && option_text(r, OPT_BOOTFILE, buf, size) && buf[0])
		return buf;
	if (size)
		snprintf(buf, size, "%s", r->file);
	return buf;
}

uint32_t dhcp_next_server(const struct dhcp_reply *r)
{
	char name[256];
	uint32_t addr;
	if (r->siaddr)
		return r->siaddr;
	if (option_text(r, OPT_TFTP_SERVER, name, sizeof(name)) && inet_parse(name, &addr))
		return addr;
	return 0;
}

int dhcp_best_offer(const struct dhcp_reply *offers, int count)
{
	int best = -1, best_score = -1;
	for (int i = 0; i < count; i++) {
		char file[256];
		int score;
		if (offers[i].type != DHCPOFFER || offers[i].yiaddr == 0)
			continue;
		score = (dhcp_boot_file(&offers[i], file, sizeof(file))[0] ? 2 : 0) +
			(dhcp_is_pxe(&offers[i]) ? 1 : 0);
		if (score > best_score) {
			best = i;
			best_score = score;
		}
	}
	return best;
}
