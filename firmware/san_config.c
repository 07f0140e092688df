/* The iSCSI login's names and secrets, from settings: ${initiator-iqn}
 * (DHCP option 203; by default iPXE's iqn.2010-04.org.ipxe:<hostname or
 * uuid>, so target ACLs written for iPXE still match, then the MAC),
 * ${username}/${password} for CHAP and ${reverse-username}/
 * ${reverse-password} for mutual CHAP. */
#include <stdio.h>
#include <string.h>
#include "../net/iscsi_session.h"
#include "netdev.h"
#include "san.h"
#include "settings.h"

static void setting(const char *name, char *out, size_t size)
{
	if (settings_format(name, out, size) < 0)
		out[0] = '\0';
}

void san_iscsi_config(struct iscsi_config *cfg)
{
	char id[128];
	memset(cfg, 0, sizeof(*cfg));
	setting("initiator-iqn", cfg->initiator, sizeof(cfg->initiator));
	if (!cfg->initiator[0]) {
		setting("hostname", id, sizeof(id));
		if (!id[0])
			setting("uuid", id, sizeof(id));
		if (!id[0] && netdev_first()) {
			const uint8_t *m = netdev_first()->mac;
			snprintf(id, sizeof(id), "%02x%02x%02x%02x%02x%02x", m[0], m[1], m[2], m[3],
				 m[4], m[5]);
		}
		snprintf(cfg->initiator, sizeof(cfg->initiator), "iqn.2010-04.org.ipxe:%s",
			 id[0] ? id : "bootnet");
	}
	setting("username", cfg->username, sizeof(cfg->username));
	setting("password", cfg->password, sizeof(cfg->password));
	setting("reverse-username", cfg->reverse_username, sizeof(cfg->reverse_username));
	setting("reverse-password", cfg->reverse_password, sizeof(cfg->reverse_password));
}
