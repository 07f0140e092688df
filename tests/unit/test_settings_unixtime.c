/* ${unixtime}: the platform's wall clock as iPXE's uint32 built-in. */
#include "../../firmware/settings.h"
#include "platform_host.h"
#include "test.h"

static char buf[128];

static const char *value(const char *spec)
{
	if (settings_format(spec, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

TEST(settings_unixtime)
{
	settings_reset();
	host_unix_time_set(0);
	CHECK_STR(value("unixtime"), "(none)"); /* a machine without a clock */
	host_unix_time_set(0x5889ed58);
	CHECK_STR(value("unixtime"), "0x5889ed58"); /* uint32, hex, as iPXE shows it */
	CHECK_STR(value("unixtime:int32"), "1485434200");
	CHECK_STR(value("unixtime:hexraw"), "5889ed58");
	settings_describe("unixtime", buf, sizeof(buf));
	CHECK_STR(buf, "unixtime:uint32 = 0x5889ed58");
	CHECK_STR(value("net0/unixtime"), "(none)"); /* built-ins have no scope */
	host_unix_time_set(4294967296ULL + 5); /* past 2106: wraps like iPXE's uint32 */
	CHECK_STR(value("unixtime"), "0x5");
	/* A script can still store its own. */
	CHECK(settings_set("unixtime", "42") == 0);
	CHECK_STR(value("unixtime"), "0x2a");
	host_unix_time_set(0);
	settings_reset();
}
