/* IPv4 text: what counts as a dotted quad (as URIs and option 66 carry
 * them) and the text printed back. */
#include <stdint.h>
#include "../../net/inet.h"
#include "test.h"

TEST(inet_parses_dotted_quads_only)
{
	uint32_t a;
	char buf[INET_TEXT_MAX];
	CHECK(inet_parse("10.77.0.1", &a));
	CHECK_STR(inet_text(a, buf, sizeof(buf)), "10.77.0.1");
	CHECK(inet_parse("255.255.255.255", &a) && a == 0xffffffff);
	CHECK(!inet_parse("256.1.1.1", &a));
	CHECK(!inet_parse("10.77.0", &a));
	CHECK(!inet_parse("10.77.0.1.5", &a));
	CHECK(!inet_parse("10.77.0.1 ", &a));
	CHECK(!inet_parse("boot.example", &a));
	CHECK(!inet_parse("", &a));
	CHECK(!inet_parse("1..2.3", &a));
	CHECK(!inet_parse("00001.2.3.4", &a)); /* more than 4 digits */
}
