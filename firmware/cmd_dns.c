/* nslookup <setting> <name>: resolves name with DNS and stores its
 * address in the setting (as an ipv4 unless the setting says its type),
 * as iPXE's nslookup does. */
#include <stdio.h>
#include <string.h>
#include "../net/dns.h"
#include "command.h"
#include "console.h"
#include "settings.h"

static int cmd_nslookup(int argc, char **argv)
{
	char err[320], spec[128];
	uint32_t addr;
	int rc;

	if (argc != 3) {
		console_printf("usage: nslookup <setting> <name>\n");
		return -1;
	}
	if (dns_resolve(argv[2], &addr, err, sizeof(err)) != 0) {
		console_printf("nslookup: %s\n", err);
		return -1;
	}
	snprintf(spec, sizeof(spec), "%s%s", argv[1], strchr(argv[1], ':') ? "" : ":ipv4");
	rc = settings_set_raw(spec, &addr, 4);
	if (rc < 0) {
		console_printf("nslookup: cannot store the address in \"%s\": %s\n", argv[1],
			       settings_strerror(rc));
		return -1;
	}
	return 0;
}

const struct command cmd_dns_commands[] = {
	{ "nslookup", cmd_nslookup },
	{ NULL, NULL },
};
