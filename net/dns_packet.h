/* DNS messages (RFC 1035) as bootnet needs them: a query for a name's A
 * record, and the reply read back into an address, a CNAME to ask about
 * next, or an error. Pure functions over byte buffers, no I/O: hostile
 * replies (compression loops, pointers out of bounds, oversized names,
 * truncation) are refused with an error, never read past their end. */
#ifndef NET_DNS_PACKET_H
#define NET_DNS_PACKET_H

#include <stddef.h>
#include <stdint.h>

#define DNS_PORT 53
#define DNS_NAME_TEXT_MAX 253 /* longest name as text, without a final dot */
#define DNS_QUERY_MAX (12 + DNS_NAME_TEXT_MAX + 2 + 4)
#define DNS_MAX_CNAMES 8      /* CNAME hops followed for one name */

enum dns_result {
	DNS_ADDRESS = 0,          /* out->addr holds the answer */
	DNS_ASK_CNAME = 1,        /* the name is an alias of out->cname, whose address
				     the reply does not carry: ask for it */
	DNS_ERR_MALFORMED = -1,   /* shorter than it says, or a bad record */
	DNS_ERR_NOT_OURS = -2,    /* not a reply to our query (id or question) */
	DNS_ERR_TRUNCATED = -3,   /* TC bit: the answer did not fit in UDP */
	DNS_ERR_NXDOMAIN = -4,    /* the name does not exist */
	DNS_ERR_SERVER = -5,      /* another error code (out->rcode) */
	DNS_ERR_NO_ADDRESS = -6,  /* the name exists but has no A record */
	DNS_ERR_BAD_NAME = -7,    /* a name in the reply loops, points out of
				     bounds or is too long */
	DNS_ERR_CNAME_LOOP = -8,  /* more than DNS_MAX_CNAMES aliases */
};

struct dns_answer {
	uint32_t addr;                       /* network byte order */
	char cname[DNS_NAME_TEXT_MAX + 1];   /* the canonical name reached */
	unsigned cnames;                     /* aliases followed in this reply */
	unsigned rcode;                      /* the reply's response code */
};

/* Whether name can be asked for: labels of 1..63 bytes separated by dots
 * (one final dot allowed), at most DNS_NAME_TEXT_MAX bytes in all. */
int dns_name_valid(const char *name);

/* Writes a recursive query for name's A record with id into buf; returns
 * its length, or 0 when name is not valid or buf is too small. */
size_t dns_build_query(uint16_t id, const char *name, uint8_t *buf, size_t size);

/* Reads a reply to the query (id, name); one of enum dns_result. */
int dns_parse_reply(const uint8_t *pkt, size_t len, uint16_t id, const char *name,
		    struct dns_answer *out);

/* The index'th domain (from 0) of a DHCP domain search list (option 119,
 * RFC 3397: names in DNS form, compressed against the option's own bytes)
 * into out (DNS_NAME_TEXT_MAX + 1 bytes); 0, or -1 when there is no such
 * domain or the list is malformed. */
int dns_search_domain(const uint8_t *list, size_t len, unsigned index, char *out);

/* A phrase for a negative dns_parse_reply result ("no such name (NXDOMAIN)"). */
const char *dns_strerror(int result);
/* The name of a response code ("SERVFAIL"). */
const char *dns_rcode_name(unsigned rcode);

#endif
