/* DHCP replies as settings (see settings_dhcp.h). */
#include <stdio.h>
#include <string.h>
#include "settings.h"
#include "settings_dhcp.h"

static int store_reply(const char *scope, const struct dhcp_reply *r, bool with_address)
{
	int rc = 0;
	settings_clear_scope(scope);
	for (unsigned tag = 1; tag <= 254 && rc == 0; tag++) {
		size_t len;
		const uint8_t *data = dhcp_option(r, (uint8_t)tag, &len);
		if (data && len)
			rc = settings_store(scope, tag, data, len);
	}
	if (rc == 0 && with_address && r->yiaddr)
		rc = settings_store_named(scope, "ip", &r->yiaddr, 4);
	if (rc == 0 && r->siaddr)
		rc = settings_store_named(scope, "next-server", &r->siaddr, 4);
	/* The BOOTP file field stands in for option 67. */
	if (rc == 0 && r->file[0] && !dhcp_option(r, 67, &(size_t){ 0 }))
		rc = settings_store(scope, 67, r->file, strlen(r->file));
	return rc;
}

int settings_store_dhcp(const char *netdev, const uint8_t mac[6], const struct dhcp_reply *ack,
			const struct dhcp_reply *proxy)
{
	char scope[40];
	int rc;
	snprintf(scope, sizeof(scope), "%s.dhcp", netdev);
	rc = settings_store_named(netdev, "mac", mac, 6);
	if (rc == 0)
		rc = store_reply(scope, ack, true);
	if (rc == 0) {
		if (proxy)
			rc = store_reply("proxydhcp", proxy, false);
		else
			settings_clear_scope("proxydhcp");
	}
	settings_set_current_netdev(netdev);
	return rc;
}
