/* URIs as boot scripts and DHCP hand them over: the components of typical
 * http, https, tftp, IPv6 and iSCSI URIs, percent-decoding, the RFC 3986
 * section 5.4 resolution examples, the errors a mistyped URI meets, and
 * formatting back to the same text. */
#include <stdlib.h>
#include <string.h>
#include "../../net/uri.h"
#include "test.h"

/* A resolution example: a reference and the URI it resolves to. */
struct example {
	const char *relative;
	const char *target;
};

#define RFC_BASE "http://a/b/c/d;p?q"

/* Checks one resolution at the caller's line, freeing the result. */
#define CHECK_RESOLVE(base, rel, want)                        \
	do {                                                   \
		char *resolved_ = uri_resolve((base), (rel)); \
		CHECK_STR(resolved_, (want));                  \
		free(resolved_);                               \
	} while (0)

/* Checks that text parses and formats back to itself. */
#define CHECK_ROUND_TRIP(text)                               \
	do {                                                  \
		struct uri u_;                                \
		CHECK(uri_parse((text), &u_) == URI_OK);      \
		char *formatted_ = uri_format(&u_);           \
		CHECK_STR(formatted_, (text));                \
		free(formatted_);                             \
		uri_free(&u_);                                \
	} while (0)

/* Resolves every example against base. */
static void check_examples(const char *base, const struct example *ex, size_t count)
{
	for (size_t i = 0; i < count; i++)
		CHECK_RESOLVE(base, ex[i].relative, ex[i].target);
}

TEST(uri_parse_http_with_port_query_and_fragment)
{
	struct uri u;

	CHECK(uri_parse("http://boot.example.com:8080/boot/menu.ipxe?mac=52:54:00:12:34:56&arch=x64#top",
			&u) == URI_OK);
	CHECK_STR(u.scheme, "http");
	CHECK(u.opaque == NULL);
	CHECK(u.user == NULL);
	CHECK(u.password == NULL);
	CHECK_STR(u.host, "boot.example.com");
	CHECK_STR(u.port, "8080");
	CHECK(uri_port(&u, 80) == 8080);
	CHECK_STR(u.path, "/boot/menu.ipxe");
	CHECK_STR(u.query, "mac=52:54:00:12:34:56&arch=x64");
	CHECK_STR(u.fragment, "top");
	uri_free(&u);
}

TEST(uri_parse_tftp)
{
	struct uri u;

	CHECK(uri_parse("tftp://10.0.0.1/pxe/boot.ipxe", &u) == URI_OK);
	CHECK_STR(u.scheme, "tftp");
	CHECK_STR(u.host, "10.0.0.1");
	CHECK(u.port == NULL);
	CHECK(uri_port(&u, 69) == 69);
	CHECK_STR(u.path, "/pxe/boot.ipxe");
	CHECK(u.query == NULL);
	CHECK(u.fragment == NULL);
	uri_free(&u);
}

TEST(uri_parse_https_with_user_and_password)
{
	struct uri u;
	char password[32];

	CHECK(uri_parse("https://alice:s%40cr%3At@secure.example.com/img/vmlinuz", &u) == URI_OK);
	CHECK_STR(u.scheme, "https");
	CHECK_STR(u.user, "alice");
	CHECK_STR(u.password, "s%40cr%3At");
	CHECK(uri_decode(u.password, password, sizeof(password)) == 6);
	CHECK_STR(password, "s@cr:t");
	CHECK_STR(u.host, "secure.example.com");
	CHECK(u.port == NULL);
	CHECK(uri_port(&u, 443) == 443);
	CHECK_STR(u.path, "/img/vmlinuz");
	uri_free(&u);

	/* A raw "@" in the password: the userinfo ends at the last "@". */
	CHECK(uri_parse("ftp://bob:p@ss@h/", &u) == URI_OK);
	CHECK_STR(u.user, "bob");
	CHECK_STR(u.password, "p@ss");
	CHECK_STR(u.host, "h");
	uri_free(&u);
}

TEST(uri_parse_ipv6_literal)
{
	struct uri u;

	CHECK(uri_parse("http://[fe80::1%25net0]:8080/boot.ipxe", &u) == URI_OK);
	CHECK_STR(u.host, "fe80::1%25net0");
	CHECK_STR(u.port, "8080");
	CHECK_STR(u.path, "/boot.ipxe");
	uri_free(&u);

	CHECK(uri_parse("tftp://[2001:db8::1]/pxe/x", &u) == URI_OK);
	CHECK_STR(u.host, "2001:db8::1");
	CHECK(u.port == NULL);
	CHECK_STR(u.path, "/pxe/x");
	uri_free(&u);

	CHECK(uri_parse("http://u@[::1]", &u) == URI_OK);
	CHECK_STR(u.user, "u");
	CHECK_STR(u.host, "::1");
	CHECK_STR(u.path, "");
	uri_free(&u);
}

TEST(uri_parse_iscsi_opaque)
{
	struct uri u;

	CHECK(uri_parse("iscsi:192.168.0.1::::iqn.2010-04.org.example:disk1", &u) == URI_OK);
	CHECK_STR(u.scheme, "iscsi");
	CHECK_STR(u.opaque, "192.168.0.1::::iqn.2010-04.org.example:disk1");
	CHECK(u.host == NULL);
	CHECK(u.port == NULL);
	CHECK(u.path == NULL);
	CHECK(u.query == NULL);
	CHECK(u.fragment == NULL);
	uri_free(&u);

	CHECK(uri_parse("urn:isbn:0451450523#p3", &u) == URI_OK);
	CHECK_STR(u.scheme, "urn");
	CHECK_STR(u.opaque, "isbn:0451450523");
	CHECK_STR(u.fragment, "p3");
	uri_free(&u);
}

TEST(uri_parse_host_without_path)
{
	struct uri u;

	CHECK(uri_parse("http://host", &u) == URI_OK);
	CHECK_STR(u.scheme, "http");
	CHECK_STR(u.host, "host");
	CHECK(u.port == NULL);
	CHECK_STR(u.path, "");
	CHECK(u.query == NULL);
	CHECK(u.fragment == NULL);
	uri_free(&u);

	CHECK(uri_parse("http://host?x=1", &u) == URI_OK);
	CHECK_STR(u.host, "host");
	CHECK_STR(u.path, "");
	CHECK_STR(u.query, "x=1");
	uri_free(&u);
}

TEST(uri_parse_any_scheme)
{
	struct uri u;

	CHECK(uri_parse("x-my.scheme+v2://h/p", &u) == URI_OK);
	CHECK_STR(u.scheme, "x-my.scheme+v2");
	CHECK_STR(u.host, "h");
	CHECK_STR(u.path, "/p");
	uri_free(&u);

	CHECK(uri_parse("FILE:///boot/x.efi", &u) == URI_OK);
	CHECK_STR(u.scheme, "FILE");
	CHECK_STR(u.host, "");
	CHECK_STR(u.path, "/boot/x.efi");
	uri_free(&u);

	CHECK(uri_parse("sanboot:/abs", &u) == URI_OK);
	CHECK_STR(u.scheme, "sanboot");
	CHECK(u.opaque == NULL);
	CHECK(u.host == NULL);
	CHECK_STR(u.path, "/abs");
	uri_free(&u);
}

TEST(uri_parse_relative_references)
{
	struct uri u;

	CHECK(uri_parse("next.ipxe", &u) == URI_OK);
	CHECK(u.scheme == NULL);
	CHECK(u.host == NULL);
	CHECK_STR(u.path, "next.ipxe");
	uri_free(&u);

	CHECK(uri_parse("../x?y#z", &u) == URI_OK);
	CHECK(u.scheme == NULL);
	CHECK_STR(u.path, "../x");
	CHECK_STR(u.query, "y");
	CHECK_STR(u.fragment, "z");
	uri_free(&u);

	CHECK(uri_parse("//server:69/f", &u) == URI_OK);
	CHECK(u.scheme == NULL);
	CHECK_STR(u.host, "server");
	CHECK(uri_port(&u, 0) == 69);
	CHECK_STR(u.path, "/f");
	uri_free(&u);

	/* A digit cannot start a scheme, so this is a path. */
	CHECK(uri_parse("10.0.0.1:boot", &u) == URI_OK);
	CHECK(u.scheme == NULL);
	CHECK_STR(u.path, "10.0.0.1:boot");
	uri_free(&u);
}

TEST(uri_parse_empty_components_are_present)
{
	struct uri u;

	CHECK(uri_parse("http://@h:/?#", &u) == URI_OK);
	CHECK_STR(u.user, "");
	CHECK(u.password == NULL);
	CHECK_STR(u.host, "h");
	CHECK_STR(u.port, "");
	CHECK(uri_port(&u, 80) == 80);
	CHECK_STR(u.path, "/");
	CHECK_STR(u.query, "");
	CHECK_STR(u.fragment, "");
	uri_free(&u);

	CHECK(uri_parse("http:", &u) == URI_OK);
	CHECK_STR(u.scheme, "http");
	CHECK_STR(u.opaque, "");
	uri_free(&u);
}

TEST(uri_parse_rejects_empty)
{
	struct uri u;

	CHECK(uri_parse("", &u) == URI_ERR_EMPTY);
	CHECK(u.buf == NULL && u.path == NULL);
	CHECK(uri_parse(NULL, &u) == URI_ERR_EMPTY);
	uri_free(&u);
}

TEST(uri_parse_rejects_too_long)
{
	size_t n = URI_MAX_LEN + 1;
	char *text = malloc(n + 1);
	struct uri u;

	memcpy(text, "http://h/", 9);
	memset(text + 9, 'a', n - 9);
	text[n] = '\0';
	CHECK(uri_parse(text, &u) == URI_ERR_TOO_LONG);
	CHECK(u.buf == NULL);
	char *resolved = uri_resolve("http://h/", text);
	CHECK(resolved == NULL);

	text[URI_MAX_LEN] = '\0';
	CHECK(uri_parse(text, &u) == URI_OK);
	CHECK(strlen(u.path) == URI_MAX_LEN - 8);
	uri_free(&u);
	free(text);
}

TEST(uri_parse_rejects_bad_ports)
{
	static const char *const bad[] = {
		"http://h:99999/", "http://h:8a/", "http://h:65536/", "http://h:-1/",
		"http://h:1:2/", "http://h: 80/", "http://[::1]:x/", "http://h:999999999999999999999/",
	};
	struct uri u;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(uri_parse(bad[i], &u) == URI_ERR_BAD_PORT);
		CHECK(u.buf == NULL && u.host == NULL);
	}
	CHECK(uri_parse("http://h:65535/", &u) == URI_OK);
	CHECK(uri_port(&u, 80) == 65535);
	uri_free(&u);
	CHECK(uri_parse("http://h:00080/", &u) == URI_OK);
	CHECK(uri_port(&u, 0) == 80);
	uri_free(&u);
}

TEST(uri_parse_rejects_broken_ipv6_literals)
{
	struct uri u;

	CHECK(uri_parse("http://[::1/x", &u) == URI_ERR_BAD_HOST);
	CHECK(uri_parse("http://[::1]x/", &u) == URI_ERR_BAD_HOST);
	CHECK(uri_parse("http://[", &u) == URI_ERR_BAD_HOST);
	CHECK(uri_parse("http://[]/", &u) == URI_OK);
	CHECK_STR(u.host, "");
	uri_free(&u);
}

TEST(uri_free_is_safe_twice)
{
	struct uri u;

	CHECK(uri_parse("http://h/", &u) == URI_OK);
	uri_free(&u);
	CHECK(u.buf == NULL && u.host == NULL);
	uri_free(&u);
	uri_free(NULL);
}

TEST(uri_port_of_hand_built_uris)
{
	struct uri u = { .port = "443" };

	CHECK(uri_port(&u, 80) == 443);
	u.port = "70000";
	CHECK(uri_port(&u, 80) == 80);
	u.port = "4x";
	CHECK(uri_port(&u, 80) == 80);
	u.port = NULL;
	CHECK(uri_port(&u, 80) == 80);
	CHECK(uri_port(NULL, 69) == 69);
}

TEST(uri_decode_valid_escapes)
{
	char out[32];

	CHECK(uri_decode("%41%62c", out, sizeof(out)) == 3);
	CHECK_STR(out, "Abc");
	CHECK(uri_decode("a%2fb%2Fc", out, sizeof(out)) == 5);
	CHECK_STR(out, "a/b/c");
	CHECK(uri_decode("%E2%82%AC", out, sizeof(out)) == 3);
	CHECK_STR(out, "\xe2\x82\xac");
	CHECK(uri_decode("my%20file+x", out, sizeof(out)) == 9);
	CHECK_STR(out, "my file+x");
	CHECK(uri_decode("", out, sizeof(out)) == 0);
	CHECK_STR(out, "");
	CHECK(uri_decode("a%00b", out, sizeof(out)) == 3);
	CHECK(memcmp(out, "a\0b", 4) == 0);
}

TEST(uri_decode_keeps_invalid_escapes)
{
	char out[32];

	CHECK(uri_decode("%zz", out, sizeof(out)) == 3);
	CHECK_STR(out, "%zz");
	CHECK(uri_decode("%4", out, sizeof(out)) == 2);
	CHECK_STR(out, "%4");
	CHECK(uri_decode("100%", out, sizeof(out)) == 4);
	CHECK_STR(out, "100%");
	CHECK(uri_decode("%4g%41", out, sizeof(out)) == 4);
	CHECK_STR(out, "%4gA");
	CHECK(uri_decode("%%41", out, sizeof(out)) == 2);
	CHECK_STR(out, "%A");
}

TEST(uri_decode_truncates_like_snprintf)
{
	char out[4] = "xyz";
	char in_place[] = "a%20b%2";

	CHECK(uri_decode("abcdef", out, sizeof(out)) == 6);
	CHECK_STR(out, "abc");
	CHECK(uri_decode("%41%42%43%44", out, sizeof(out)) == 4);
	CHECK_STR(out, "ABC");
	CHECK(uri_decode("abc", out, 0) == 3);
	CHECK_STR(out, "ABC");
	CHECK(uri_decode("abc", out, 1) == 3);
	CHECK_STR(out, "");
	CHECK(uri_decode(in_place, in_place, sizeof(in_place)) == 5);
	CHECK_STR(in_place, "a b%2");
}

TEST(uri_resolve_rfc3986_normal_examples)
{
	static const struct example normal[] = {
		{ "g:h", "g:h" },
		{ "g", "http://a/b/c/g" },
		{ "./g", "http://a/b/c/g" },
		{ "g/", "http://a/b/c/g/" },
		{ "/g", "http://a/g" },
		{ "//g", "http://g" },
		{ "?y", "http://a/b/c/d;p?y" },
		{ "g?y", "http://a/b/c/g?y" },
		{ "#s", "http://a/b/c/d;p?q#s" },
		{ "g#s", "http://a/b/c/g#s" },
		{ "g?y#s", "http://a/b/c/g?y#s" },
		{ ";x", "http://a/b/c/;x" },
		{ "g;x", "http://a/b/c/g;x" },
		{ "g;x?y#s", "http://a/b/c/g;x?y#s" },
		{ "", "http://a/b/c/d;p?q" },
		{ ".", "http://a/b/c/" },
		{ "./", "http://a/b/c/" },
		{ "..", "http://a/b/" },
		{ "../", "http://a/b/" },
		{ "../g", "http://a/b/g" },
		{ "../..", "http://a/" },
		{ "../../", "http://a/" },
		{ "../../g", "http://a/g" },
	};

	check_examples(RFC_BASE, normal, sizeof(normal) / sizeof(normal[0]));
}

TEST(uri_resolve_rfc3986_abnormal_examples)
{
	static const struct example abnormal[] = {
		{ "../../../g", "http://a/g" },
		{ "../../../../g", "http://a/g" },
		{ "/./g", "http://a/g" },
		{ "/../g", "http://a/g" },
		{ "g.", "http://a/b/c/g." },
		{ ".g", "http://a/b/c/.g" },
		{ "g..", "http://a/b/c/g.." },
		{ "..g", "http://a/b/c/..g" },
		{ "./../g", "http://a/b/g" },
		{ "./g/.", "http://a/b/c/g/" },
		{ "g/./h", "http://a/b/c/g/h" },
		{ "g/../h", "http://a/b/c/h" },
		{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
		{ "g;x=1/../y", "http://a/b/c/y" },
		{ "g?y/./x", "http://a/b/c/g?y/./x" },
		{ "g?y/../x", "http://a/b/c/g?y/../x" },
		{ "g#s/./x", "http://a/b/c/g#s/./x" },
		{ "g#s/../x", "http://a/b/c/g#s/../x" },
		{ "http:g", "http:g" },
	};

	check_examples(RFC_BASE, abnormal, sizeof(abnormal) / sizeof(abnormal[0]));
}

TEST(uri_resolve_boot_script_references)
{
	CHECK_RESOLVE("http://server/boot/menu.ipxe", "next.ipxe", "http://server/boot/next.ipxe");
	CHECK_RESOLVE("tftp://10.0.0.1/pxe/boot.ipxe", "../x", "tftp://10.0.0.1/x");
	CHECK_RESOLVE("http://host", "a", "http://host/a");
	CHECK_RESOLVE("http://host", "", "http://host");
	CHECK_RESOLVE("http://host:8080/a/b?x#y", "c?d", "http://host:8080/a/c?d");
	CHECK_RESOLVE("http://u:p@[::1]:81/dir/", "f#frag", "http://u:p@[::1]:81/dir/f#frag");
	CHECK_RESOLVE("http://server/boot/menu.ipxe", "https://other/k/../vmlinuz",
		      "https://other/vmlinuz");
	CHECK_RESOLVE("http://server/boot/menu.ipxe", "//mirror/x", "http://mirror/x");
	CHECK_RESOLVE("http://server/boot/menu.ipxe", "/initrd.img", "http://server/initrd.img");
	CHECK_RESOLVE("http://server/boot/menu.ipxe",
		      "iscsi:192.168.0.1::::iqn.2010-04.org.example:disk1",
		      "iscsi:192.168.0.1::::iqn.2010-04.org.example:disk1");
	CHECK_RESOLVE("iscsi:10.0.0.1::::iqn.x", "#lun", "iscsi:10.0.0.1::::iqn.x#lun");
	CHECK_RESOLVE("file:///boot/", "grub.efi", "file:///boot/grub.efi");
}

TEST(uri_resolve_keeps_result_unambiguous)
{
	/* A path that comes out starting "//" must not turn into an authority. */
	CHECK_RESOLVE("a:/b", "/..//c", "a:/.//c");
	/* A relative base gives a relative result whose first segment is no scheme. */
	CHECK_RESOLVE("x", "./g:h", "./g:h");
	CHECK_RESOLVE("dir/x", "y", "dir/y");
}

TEST(uri_resolve_rejects_what_does_not_parse)
{
	CHECK(uri_resolve("", "a") == NULL);
	CHECK(uri_resolve(NULL, "a") == NULL);
	CHECK(uri_resolve("http://h:99999/", "a") == NULL);
	CHECK(uri_resolve("http://h/", "http://h:8a/") == NULL);
	CHECK(uri_resolve("http://h/", NULL) == NULL);
}

TEST(uri_format_round_trips)
{
	CHECK_ROUND_TRIP("http://boot.example.com:8080/boot/menu.ipxe?mac=52:54:00&x=1#top");
	CHECK_ROUND_TRIP("tftp://10.0.0.1/pxe/boot.ipxe");
	CHECK_ROUND_TRIP("https://alice:s%40cret@secure.example.com/img/vmlinuz");
	CHECK_ROUND_TRIP("http://[fe80::1%25net0]:8080/boot.ipxe");
	CHECK_ROUND_TRIP("iscsi:192.168.0.1::::iqn.2010-04.org.example:disk1");
	CHECK_ROUND_TRIP("http://host");
	CHECK_ROUND_TRIP("http://@h:/?#");
	CHECK_ROUND_TRIP("file:///boot/x");
	CHECK_ROUND_TRIP("../x?y#z");
	CHECK_ROUND_TRIP("//server/f");
	CHECK_ROUND_TRIP("urn:isbn:0451450523?q#f");
	CHECK_ROUND_TRIP("a b%zz");
}

TEST(uri_format_hand_built)
{
	struct uri u = { .scheme = "http", .host = "fe80::2", .port = "8080", .path = "boot.ipxe" };
	char *text = uri_format(&u);

	CHECK_STR(text, "http://[fe80::2]:8080/boot.ipxe");
	free(text);

	u = (struct uri){ .path = "c:\\boot" };
	text = uri_format(&u);
	CHECK_STR(text, "./c:\\boot");
	free(text);

	u = (struct uri){ .scheme = "tftp", .user = "u", .password = "p", .host = "h" };
	text = uri_format(&u);
	CHECK_STR(text, "tftp://u:p@h");
	free(text);

	u = (struct uri){ 0 };
	text = uri_format(&u);
	CHECK_STR(text, "");
	free(text);
}

TEST(uri_strerror_says_what_went_wrong)
{
	static const int errors[] = {
		URI_ERR_EMPTY, URI_ERR_TOO_LONG, URI_ERR_BAD_PORT, URI_ERR_BAD_HOST, URI_ERR_NO_MEMORY,
	};

	CHECK_CONTAINS(uri_strerror(URI_ERR_BAD_PORT), "65535");
	CHECK_CONTAINS(uri_strerror(URI_ERR_TOO_LONG), "4096");
	CHECK_CONTAINS(uri_strerror(-99), "unknown");
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		const char *s = uri_strerror(errors[i]);
		CHECK(strlen(s) > 10 && s[strlen(s) - 1] == '.');
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(s, uri_strerror(errors[j])) != 0);
	}
}
