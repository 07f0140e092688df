/* Settings: scopes, search order, names and numbers, set/clear, show,
 * built-ins, SMBIOS, DHCP replies. */
#include <stdio.h>
#include <string.h>
#include "../../firmware/settings.h"
#include "../../firmware/settings_dhcp.h"
#include "../../firmware/settings_smbios.h"
#include "platform_host.h"
#include "test.h"

static char buf[512];

static const char *value(const char *spec)
{
	if (settings_format(spec, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

static const char *shown(const char *spec)
{
	if (settings_describe(spec, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

TEST(settings_user_variables)
{
	settings_reset();
	CHECK(settings_set("foo", "bar baz") == 0);
	CHECK_STR(value("foo"), "bar baz");
	CHECK_STR(shown("foo"), "foo:string = bar baz");
	CHECK(settings_set("foo", "") == 0); /* empty deletes, as in iPXE */
	CHECK_STR(value("foo"), "(none)");
	CHECK(settings_set("n:int32", "-5") == 0);
	CHECK_STR(value("n"), "-5");
	CHECK_STR(value("n:hex"), "ff:ff:ff:fb");
	CHECK(settings_set("bad:ipv4", "1.2.3") == SETTINGS_ERR_VALUE);
	CHECK(settings_set("x:nosuch", "1") == SETTINGS_ERR_TYPE);
	CHECK(settings_set("", "1") == SETTINGS_ERR_NAME);
	CHECK(settings_set("a b", "1") == SETTINGS_ERR_NAME);
}

TEST(settings_dhcp_options_by_number_and_name)
{
	uint8_t ip[4] = { 10, 77, 0, 100 }, mask[4] = { 255, 255, 255, 0 };
	settings_reset();
	settings_store("net0.dhcp", 67, "boot.ipxe", 9);
	settings_store("net0.dhcp", 1, mask, 4);
	settings_store_named("net0.dhcp", "ip", ip, 4);
	CHECK_STR(value("filename"), "boot.ipxe");
	CHECK_STR(value("67"), "boot.ipxe");
	CHECK_STR(value("net0/filename"), "boot.ipxe");
	CHECK_STR(value("net0.dhcp/67"), "boot.ipxe");
	CHECK_STR(value("netmask"), "255.255.255.0");
	CHECK_STR(value("1:hexraw"), "ffffff00");
	CHECK_STR(shown("net0/ip"), "net0.dhcp/ip:ipv4 = 10.77.0.100");
	CHECK_STR(shown("67"), "net0.dhcp/filename:string = boot.ipxe");
	CHECK_STR(value("net1/ip"), "(none)");
	/* A value set in net0 itself wins over net0.dhcp's, as in iPXE. */
	CHECK(settings_set("net0/ip", "10.77.0.99") == 0);
	CHECK_STR(shown("net0/ip"), "net0/ip:ipv4 = 10.77.0.99");
	CHECK_STR(value("net0.dhcp/ip"), "10.77.0.100");
	CHECK(settings_delete("net0/ip") == 0);
	CHECK_STR(value("net0/ip"), "10.77.0.100");
	CHECK_STR(value("netX/ip"), "10.77.0.100");
}

TEST(settings_search_order)
{
	uint8_t a[4] = { 1, 1, 1, 1 }, b[4] = { 2, 2, 2, 2 };
	settings_reset();
	settings_store_named("net0.dhcp", "ip", a, 4);
	settings_store_named("net1.dhcp", "ip", b, 4);
	CHECK_STR(value("ip"), "1.1.1.1");         /* the first device with it */
	CHECK_STR(value("net1/ip"), "2.2.2.2");
	settings_set_current_netdev("net1");
	CHECK_STR(value("netX/ip"), "2.2.2.2");
	CHECK(settings_set("ip", "9.9.9.9") == 0); /* user variables come first */
	CHECK_STR(value("ip"), "9.9.9.9");
	CHECK(settings_delete("ip") == 0);
	CHECK_STR(value("ip"), "1.1.1.1");
	/* proxyDHCP before the devices. */
	settings_store("net0.dhcp", 67, "a", 1);
	settings_store("proxydhcp", 67, "p", 1);
	CHECK_STR(value("filename"), "p");
	settings_clear_scope("net0");
	CHECK_STR(value("net0/ip"), "(none)");
	CHECK_STR(value("net1/ip"), "2.2.2.2");
}

TEST(settings_replacing_keeps_one_entry)
{
	int count = 0;
	settings_reset();
	for (int i = 0; i < 5000; i++)
		settings_set("same", "x");
	CHECK_STR(value("same"), "x");
	/* A runaway script cannot store without end. */
	for (int i = 0; i < 5000; i++) {
		char name[16];
		snprintf(name, sizeof(name), "v%d", i);
		if (settings_set(name, "1") < 0)
			count++;
	}
	CHECK(count > 0);
	settings_reset();
}

TEST(settings_builtins)
{
	settings_reset();
	CHECK_STR(value("platform"), "host");
	CHECK_STR(value("buildarch"), "x86_64");
	CHECK_STR(value("user-class"), "iPXE");
	CHECK(settings_format("version", NULL, 0) > 0);
	CHECK_STR(value("manufacturer"), "(none)"); /* no SMBIOS here */
	CHECK_STR(value("net0/platform"), "(none)");
}

/* A small SMBIOS 2.8 table: type 1, type 3, type 19 (2 GiB), type 127. */
static const uint8_t smbios[] = {
	1, 0x1b, 0x01, 0x00, 1, 2, 3, 4,
	0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
	6, 5, 6,
	'A', 'c', 'm', 'e', ' ', ' ', 0, 'R', 'o', 'a', 'd', ' ', 'R', 'u', 'n', 'n', 'e', 'r', 0,
	'1', '.', '0', 0, 'S', 'N', '4', '2', 0, 0,
	3, 0x09, 0x02, 0x00, 1, 3, 0, 0, 2,
	'A', 'c', 'm', 'e', 0, 'T', 'A', 'G', '-', '7', 0, 0,
	19, 0x0f, 0x03, 0x00, 0, 0, 0, 0, 0xff, 0xff, 0x1f, 0x00, 0, 0, 1, 0, 0,
	127, 4, 0x04, 0x00, 0, 0,
};

TEST(settings_smbios_identity)
{
	settings_reset();
	host_smbios_set(smbios, sizeof(smbios), 0x0208);
	CHECK_STR(value("manufacturer"), "Acme");
	CHECK_STR(value("product"), "Road Runner");
	CHECK_STR(value("serial"), "SN42");
	CHECK_STR(value("asset"), "TAG-7");
	CHECK_STR(value("uuid"), "12345678-1234-5678-1234-56789abcdef0");
	CHECK_STR(value("memsize"), "2048");
	CHECK_STR(value("product:uristring"), "Road%20Runner");
	host_smbios_set(NULL, 0, 0);
	settings_reset();
}

TEST(settings_smbios_truncated_tables_are_safe)
{
	struct smbios_identity id;
	for (size_t len = 0; len <= sizeof(smbios); len++) {
		settings_smbios_parse(smbios, len, 0x0208, &id);
		CHECK(strlen(id.manufacturer) < sizeof(id.manufacturer));
	}
	settings_smbios_parse(smbios, sizeof(smbios), 0x0205, &id);
	CHECK(id.has_uuid && id.uuid[0] == 0x78); /* before 2.6: as stored */
}

TEST(settings_from_a_dhcp_reply)
{
	struct dhcp_reply r;
	uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x77, 0x00, 0x01 };
	memset(&r, 0, sizeof(r));
	r.yiaddr = 0x6400a8c0; /* 192.168.0.100 in network order on little-endian */
	r.siaddr = 0x0100a8c0;
	strcpy(r.file, "from-file-field.efi");
	r.opt_present[66] = true;
	r.opt_offset[66] = 0;
	r.opt_len[66] = 9;
	memcpy(r.opt_data, "10.0.0.66", 9);
	r.opt_used = 9;
	settings_reset();
	CHECK(settings_store_dhcp("net0", mac, &r, NULL) == 0);
	CHECK_STR(value("net0/mac"), "52:54:00:77:00:01");
	CHECK_STR(value("mac:hexhyp"), "52-54-00-77-00-01");
	CHECK_STR(value("ip"), "192.168.0.100");
	CHECK_STR(value("next-server"), "192.168.0.1");
	CHECK_STR(value("66"), "10.0.0.66");
	CHECK_STR(value("filename"), "from-file-field.efi");
	CHECK_STR(shown("net0/mac"), "net0/mac:hex = 52:54:00:77:00:01");
}
