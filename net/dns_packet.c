/* DNS queries and replies (see dns_packet.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "dns_packet.h"

#define TYPE_A 1
#define TYPE_CNAME 5
#define CLASS_IN 1
#define FLAG_QR 0x8000
#define FLAG_TC 0x0200
#define FLAG_RD 0x0100
#define RCODE_NXDOMAIN 3
#define HEADER_LEN 12
/* Compression pointers followed while reading one name: each must point
 * before the one that led to it, so this only bounds the work. */
#define MAX_POINTERS 64
/* Records looked at in one reply, so a huge one cannot cost much. */
#define MAX_RECORDS 64

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

int dns_name_valid(const char *name)
{
	size_t len = strlen(name), label = 0;
	if (len && name[len - 1] == '.')
		len--;
	if (len == 0 || len > DNS_NAME_TEXT_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if (++label > 63) {
			return 0;
		}
	}
	return label > 0;
}

size_t dns_build_query(uint16_t id, const char *name, uint8_t *buf, size_t size)
{
	size_t len = strlen(name), n = HEADER_LEN;
	if (!dns_name_valid(name))
		return 0;
	if (name[len - 1] == '.')
		len--;
	if (size < HEADER_LEN + len + 2 + 4)
		return 0;
	memset(buf, 0, HEADER_LEN);
	buf[0] = (uint8_t)(id >> 8);
	buf[1] = (uint8_t)id;
	buf[2] = FLAG_RD >> 8;
	buf[5] = 1; /* one question */
	/* "boot.lab.test" -> 4 boot 3 lab 4 test 0 */
	for (size_t start = 0; start < len;) {
		size_t end = start;
		while (end < len && name[end] != '.')
			end++;
		buf[n++] = (uint8_t)(end - start);
		memcpy(buf + n, name + start, end - start);
		n += end - start;
		start = end + 1;
	}
	buf[n++] = 0;
	buf[n++] = 0, buf[n++] = TYPE_A;
	buf[n++] = 0, buf[n++] = CLASS_IN;
	return n;
}

/* Reads the name at *off as dotted text into text (DNS_NAME_TEXT_MAX + 1
 * bytes); *off moves past it. Pointers must go strictly backwards, which
 * rules out loops; a label holding a dot or a NUL is refused, since it
 * could pass for another name. */
static int read_name(const uint8_t *pkt, size_t len, size_t *off, char *text)
{
	size_t pos = *off, out = 0, end = 0;
	int jumps = 0;
	for (;;) {
		if (pos >= len)
			return DNS_ERR_MALFORMED;
		uint8_t b = pkt[pos];
		if ((b & 0xc0) == 0xc0) {
			if (pos + 1 >= len)
				return DNS_ERR_MALFORMED;
			size_t target = (size_t)(b & 0x3f) << 8 | pkt[pos + 1];
			if (target >= pos || ++jumps > MAX_POINTERS)
				return DNS_ERR_BAD_NAME; /* forward, to itself, or a loop */
			if (!end)
				end = pos + 2;
			pos = target;
			continue;
		}
		if (b & 0xc0)
			return DNS_ERR_BAD_NAME; /* label types 01 and 10 do not exist */
		if (b == 0)
			break;
		if (pos + 1 + b > len)
			return DNS_ERR_MALFORMED;
		if (out + (out ? 1 : 0) + b > DNS_NAME_TEXT_MAX)
			return DNS_ERR_BAD_NAME;
		if (out)
			text[out++] = '.';
		for (unsigned i = 0; i < b; i++) {
			uint8_t c = pkt[pos + 1 + i];
			if (c == '.' || c == 0)
				return DNS_ERR_BAD_NAME;
			text[out++] = (char)c;
		}
		pos += 1 + b;
	}
	text[out] = '\0';
	*off = end ? end : pos + 1;
	return 0;
}

/* Two names are the same ignoring case and a final dot. */
static int same_name(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la && a[la - 1] == '.')
		la--;
	if (lb && b[lb - 1] == '.')
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/* An answer record, as where its parts are in the packet: names are
 * read again when compared, which keeps the list small. */
struct record {
	size_t owner;   /* offset of its owner name */
	uint16_t type;
	size_t rdata;   /* offset of its data */
	uint16_t rdlen;
};

/* The A and CNAME answers of class IN, checked to be readable; their
 * count or a negative error. */
static int read_answers(const uint8_t *pkt, size_t len, size_t off, unsigned ancount,
			struct record *recs, unsigned max)
{
	char text[DNS_NAME_TEXT_MAX + 1];
	unsigned n = 0;
	for (unsigned i = 0; i < ancount; i++) {
		struct record r = { .owner = off };
		int rc = read_name(pkt, len, &off, text);
		if (rc)
			return rc;
		if (off + 10 > len)
			return DNS_ERR_MALFORMED;
		r.type = get16(pkt + off);
		uint16_t class = get16(pkt + off + 2);
		r.rdlen = get16(pkt + off + 8);
		r.rdata = off + 10;
		off = r.rdata + r.rdlen;
		if (off > len)
			return DNS_ERR_MALFORMED;
		if (class != CLASS_IN || n == max)
			continue;
		if (r.type == TYPE_A) {
			if (r.rdlen != 4)
				return DNS_ERR_MALFORMED;
			recs[n++] = r;
		} else if (r.type == TYPE_CNAME) {
			/* The target must lie within its record. */
			size_t at = r.rdata;
			if ((rc = read_name(pkt, off, &at, text)) != 0)
				return rc;
			if (!dns_name_valid(text))
				return DNS_ERR_BAD_NAME; /* an alias of the root */
			recs[n++] = r;
		}
	}
	return (int)n;
}

/* Whether the record's owner is name. */
static int owned_by(const uint8_t *pkt, size_t len, const struct record *r, const char *name)
{
	char owner[DNS_NAME_TEXT_MAX + 1];
	size_t at = r->owner;
	return read_name(pkt, len, &at, owner) == 0 && same_name(owner, name);
}

int dns_parse_reply(const uint8_t *pkt, size_t len, uint16_t id, const char *name,
		    struct dns_answer *out)
{
	struct record recs[MAX_RECORDS];
	char qname[DNS_NAME_TEXT_MAX + 1], current[DNS_NAME_TEXT_MAX + 1];
	size_t off = HEADER_LEN;
	int rc;

	memset(out, 0, sizeof(*out));
	if (len < HEADER_LEN)
		return DNS_ERR_MALFORMED;
	uint16_t flags = get16(pkt + 2), qdcount = get16(pkt + 4), ancount = get16(pkt + 6);
	if (get16(pkt) != id || !(flags & FLAG_QR))
		return DNS_ERR_NOT_OURS;
	out->rcode = flags & 0xf;
	if (flags & FLAG_TC)
		return DNS_ERR_TRUNCATED;
	/* The question, when echoed, must be ours. */
	if (qdcount > 1)
		return DNS_ERR_NOT_OURS;
	if (qdcount == 1) {
		if ((rc = read_name(pkt, len, &off, qname)) != 0)
			return rc;
		if (off + 4 > len)
			return DNS_ERR_MALFORMED;
		if (!same_name(qname, name) || get16(pkt + off) != TYPE_A)
			return DNS_ERR_NOT_OURS;
		off += 4;
	}
	if (out->rcode == RCODE_NXDOMAIN)
		return DNS_ERR_NXDOMAIN;
	if (out->rcode != 0)
		return DNS_ERR_SERVER;
	int count = read_answers(pkt, len, off, ancount, recs, MAX_RECORDS);
	if (count < 0)
		return count;

	/* Follow the chain from name: an A for the current name ends it, a
	 * CNAME moves it on. */
	snprintf(current, sizeof(current), "%s", name);
	for (;;) {
		int moved = 0;
		for (int i = 0; i < count; i++) {
			if (recs[i].type == TYPE_A && owned_by(pkt, len, &recs[i], current)) {
				memcpy(&out->addr, pkt + recs[i].rdata, 4);
				snprintf(out->cname, sizeof(out->cname), "%s", current);
				return DNS_ADDRESS;
			}
		}
		for (int i = 0; i < count && !moved; i++) {
			if (recs[i].type == TYPE_CNAME && owned_by(pkt, len, &recs[i], current)) {
				size_t at = recs[i].rdata;
				if (++out->cnames > DNS_MAX_CNAMES)
					return DNS_ERR_CNAME_LOOP;
				read_name(pkt, len, &at, current); /* checked by read_answers */
				moved = 1;
			}
		}
		if (!moved)
			break;
	}
	if (out->cnames) {
		snprintf(out->cname, sizeof(out->cname), "%s", current);
		return DNS_ASK_CNAME;
	}
	return DNS_ERR_NO_ADDRESS;
}

int dns_search_domain(const uint8_t *list, size_t len, unsigned index, char *out)
{
	size_t off = 0;
	for (unsigned i = 0; off < len; i++) {
		if (read_name(list, len, &off, out) != 0 || !dns_name_valid(out))
			return -1;
		if (i == index)
			return 0;
	}
	return -1;
}

const char *dns_rcode_name(unsigned rcode)
{
	static const char *const names[] = { "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN",
					     "NOTIMP", "REFUSED" };
	return rcode < sizeof(names) / sizeof(names[0]) ? names[rcode] : "an unknown error code";
}

const char *dns_strerror(int result)
{
	switch (result) {
	case DNS_ERR_MALFORMED: return "a malformed reply";
	case DNS_ERR_NOT_OURS: return "a reply to another question";
	case DNS_ERR_TRUNCATED: return "a truncated reply (TC bit set: the answer does not fit in "
				       "UDP, and bootnet does not ask over TCP)";
	case DNS_ERR_NXDOMAIN: return "no such name (NXDOMAIN)";
	case DNS_ERR_SERVER: return "an error from the server";
	case DNS_ERR_NO_ADDRESS: return "the name has no IPv4 address (no A record)";
	case DNS_ERR_BAD_NAME: return "a reply with a bad name in it (a compression loop, a "
				      "pointer out of bounds, or too long)";
	case DNS_ERR_CNAME_LOOP: return "too many aliases (a CNAME chain longer than 8, or a loop)";
	default: return "an unknown DNS error";
	}
}
