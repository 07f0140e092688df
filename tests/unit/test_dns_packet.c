/* DNS packets: the query bytes, and replies both honest (A, CNAME chains,
 * NXDOMAIN) and hostile (compression loops, pointers forward or out of
 * bounds, truncation, oversized names). */
#include <stdint.h>
#include <string.h>
#include "../../net/dns_packet.h"
#include "test.h"

/* A reply being written by a test. */
struct reply {
	uint8_t b[1024];
	size_t n;
};

static void put(struct reply *r, const void *data, size_t len)
{
	memcpy(r->b + r->n, data, len);
	r->n += len;
}

static void put16(struct reply *r, unsigned v)
{
	r->b[r->n++] = (uint8_t)(v >> 8);
	r->b[r->n++] = (uint8_t)v;
}

/* Header with id 0x1234, QR and RD, the rcode, one question for qname, A IN. */
static void start(struct reply *r, unsigned flags, unsigned ancount, const char *qname_wire,
		  size_t qlen)
{
	r->n = 0;
	put16(r, 0x1234);
	put16(r, 0x8180 | flags);
	put16(r, 1);
	put16(r, ancount);
	put16(r, 0);
	put16(r, 0);
	put(r, qname_wire, qlen);
	put16(r, 1);
	put16(r, 1);
}

#define BOOT_WIRE "\4boot\3lab\4test\0"
#define QNAME_AT 12 /* the question's name, for pointers */

static void answer_a(struct reply *r, const void *owner, size_t olen, const uint8_t ip[4])
{
	put(r, owner, olen);
	put16(r, 1);
	put16(r, 1);
	put(r, "\0\0\1\0", 4);
	put16(r, 4);
	put(r, ip, 4);
}

static void answer_cname(struct reply *r, const void *owner, size_t olen, const void *target,
			 size_t tlen)
{
	put(r, owner, olen);
	put16(r, 5);
	put16(r, 1);
	put(r, "\0\0\1\0", 4);
	put16(r, (unsigned)tlen);
	put(r, target, tlen);
}

TEST(dns_query_bytes)
{
	uint8_t buf[DNS_QUERY_MAX];
	size_t n = dns_build_query(0xbeef, "boot.lab.test", buf, sizeof(buf));
	static const uint8_t want[] = { 0xbe, 0xef, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0,
					4, 'b', 'o', 'o', 't', 3, 'l', 'a', 'b', 4, 't', 'e', 's', 't', 0,
					0, 1, 0, 1 };
	CHECK(n == sizeof(want) && memcmp(buf, want, n) == 0);
	/* A final dot means the same name. */
	CHECK(dns_build_query(0xbeef, "boot.lab.test.", buf, sizeof(buf)) == sizeof(want));
	CHECK(dns_build_query(1, "boot.lab.test", buf, 20) == 0); /* does not fit */
}

TEST(dns_name_validity)
{
	char label64[80], long_name[300];
	memset(label64, 'a', 64);
	label64[64] = '\0';
	CHECK(dns_name_valid("boot"));
	CHECK(dns_name_valid("boot.lab.test."));
	CHECK(!dns_name_valid(""));
	CHECK(!dns_name_valid("."));
	CHECK(!dns_name_valid("a..b"));
	CHECK(!dns_name_valid(".a"));
	CHECK(!dns_name_valid(label64));
	label64[63] = '\0';
	CHECK(dns_name_valid(label64));
	for (int i = 0; i < 127; i++)
		memcpy(long_name + 2 * i, "a.", 2);
	long_name[253] = '\0'; /* 127 labels: 253 bytes */
	CHECK(dns_name_valid(long_name));
	long_name[253] = 'b', long_name[254] = '\0';
	CHECK(!dns_name_valid(long_name));
}

TEST(dns_reply_with_address)
{
	struct reply r;
	struct dns_answer a;
	static const uint8_t ip[4] = { 10, 77, 0, 1 };
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_a(&r, "\xc0\x0c", 2, ip); /* owner: a pointer to the question */
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ADDRESS);
	CHECK(memcmp(&a.addr, ip, 4) == 0);
	/* Case and a final dot do not matter; the id and the question do. */
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "BOOT.Lab.test.", &a) == DNS_ADDRESS);
	CHECK(dns_parse_reply(r.b, r.n, 0x1235, "boot.lab.test", &a) == DNS_ERR_NOT_OURS);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "other.lab.test", &a) == DNS_ERR_NOT_OURS);
	/* Every shorter prefix is refused, never read past. */
	for (size_t len = 0; len < r.n; len++)
		CHECK(dns_parse_reply(r.b, len, 0x1234, "boot.lab.test", &a) < 0);
}

TEST(dns_reply_follows_cname_chain)
{
	struct reply r;
	struct dns_answer a;
	static const uint8_t ip[4] = { 10, 77, 0, 1 };
	start(&r, 0, 3, "\3www\3lab\4test\0", 14);
	/* www -> alias.lab.test -> boot.lab.test -> A, out of order */
	size_t alias_at = r.n + 2 + 10;
	answer_cname(&r, "\xc0\x0c", 2, "\5alias\xc0\x10", 8);
	answer_a(&r, "\4boot\xc0\x10", 7, ip);
	uint8_t owner[2] = { 0xc0, (uint8_t)alias_at };
	answer_cname(&r, owner, 2, "\4boot\xc0\x10", 7);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "www.lab.test", &a) == DNS_ADDRESS);
	CHECK(memcmp(&a.addr, ip, 4) == 0);
	CHECK(a.cnames == 2);
	CHECK_STR(a.cname, "boot.lab.test");
}

TEST(dns_reply_cname_without_address_asks_again)
{
	struct reply r;
	struct dns_answer a;
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_cname(&r, "\xc0\x0c", 2, "\3cdn\7example\0", 13);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ASK_CNAME);
	CHECK_STR(a.cname, "cdn.example");
}

TEST(dns_reply_cname_loop_is_bounded)
{
	struct reply r;
	struct dns_answer a;
	start(&r, 0, 2, "\1a\0", 3);
	answer_cname(&r, "\1a\0", 3, "\1b\0", 3);
	answer_cname(&r, "\1b\0", 3, "\1a\0", 3);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "a", &a) == DNS_ERR_CNAME_LOOP);
}

TEST(dns_reply_errors)
{
	struct reply r;
	struct dns_answer a;
	start(&r, 3, 0, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_NXDOMAIN);
	CHECK_CONTAINS(dns_strerror(DNS_ERR_NXDOMAIN), "NXDOMAIN");
	start(&r, 2, 0, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_SERVER);
	CHECK(a.rcode == 2);
	CHECK_STR(dns_rcode_name(a.rcode), "SERVFAIL");
	start(&r, 0x0200, 0, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_TRUNCATED);
	CHECK_CONTAINS(dns_strerror(DNS_ERR_TRUNCATED), "TC bit");
	start(&r, 0, 0, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_NO_ADDRESS);
	/* A query (QR clear) is not a reply. */
	r.b[2] &= 0x7f;
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_NOT_OURS);
}

TEST(dns_reply_hostile_pointers)
{
	struct reply r;
	struct dns_answer a;
	static const uint8_t ip[4] = { 1, 2, 3, 4 };
	/* A pointer to itself. */
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	uint8_t self[2] = { 0xc0, (uint8_t)r.n };
	answer_a(&r, self, 2, ip);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
	/* Two names pointing at each other: the forward one is refused. */
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	size_t here = r.n;
	uint8_t pair[4] = { 0xc0, (uint8_t)(here + 2), 0xc0, (uint8_t)here };
	answer_a(&r, pair, 4, ip);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
	/* Out of bounds. */
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_a(&r, "\xff\xff", 2, ip);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
	/* The reserved label types 01 and 10. */
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_a(&r, "\x40\0", 2, ip);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
	/* A label with a dot in it cannot pose as two labels. */
	start(&r, 0, 1, "\x0d" "boot.lab.test\0", 15);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
}

TEST(dns_reply_oversized_name)
{
	struct reply r;
	struct dns_answer a;
	static const uint8_t ip[4] = { 1, 2, 3, 4 };
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	/* Five labels of 63 bytes: 319 bytes of text, more than 253. */
	for (int i = 0; i < 5; i++) {
		r.b[r.n++] = 63;
		memset(r.b + r.n, 'x', 63);
		r.n += 63;
	}
	r.b[r.n++] = 0;
	put16(&r, 1), put16(&r, 1), put(&r, "\0\0\1\0", 4), put16(&r, 4), put(&r, ip, 4);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_BAD_NAME);
}

TEST(dns_reply_record_longer_than_packet)
{
	struct reply r;
	struct dns_answer a;
	static const uint8_t ip[4] = { 1, 2, 3, 4 };
	start(&r, 0, 1, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_a(&r, "\xc0\x0c", 2, ip);
	r.b[r.n - 5] = 200; /* rdlength 4 -> 200 */
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_MALFORMED);
	/* More answers counted than present. */
	start(&r, 0, 2, BOOT_WIRE, sizeof(BOOT_WIRE) - 1);
	answer_a(&r, "\xc0\x0c", 2, ip);
	CHECK(dns_parse_reply(r.b, r.n, 0x1234, "boot.lab.test", &a) == DNS_ERR_MALFORMED);
}

TEST(dns_search_list_option_119)
{
	/* lab.test, then eng.lab.test with its tail compressed against the first. */
	static const uint8_t list[] = { 3, 'l', 'a', 'b', 4, 't', 'e', 's', 't', 0,
					3, 'e', 'n', 'g', 0xc0, 0 };
	char out[DNS_NAME_TEXT_MAX + 1];
	CHECK(dns_search_domain(list, sizeof(list), 0, out) == 0);
	CHECK_STR(out, "lab.test");
	CHECK(dns_search_domain(list, sizeof(list), 1, out) == 0);
	CHECK_STR(out, "eng.lab.test");
	CHECK(dns_search_domain(list, sizeof(list), 2, out) == -1);
	/* A pointer to itself, or cut short. */
	static const uint8_t loop[] = { 0xc0, 0 };
	CHECK(dns_search_domain(loop, sizeof(loop), 0, out) == -1);
	CHECK(dns_search_domain(list, 5, 0, out) == -1);
	CHECK(dns_search_domain(list, 0, 0, out) == -1);
}
