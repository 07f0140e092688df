/* Gathering what the iBFT describes (see bios_ibft.h): the initiator name
 * and CHAP secrets the login used (san_iscsi_config), the address DHCP
 * gave (settings), the NIC bootnet runs on, the disk's target. */
#include <string.h>
#include "../firmware/ibft.h"
#include "../firmware/netdev.h"
#include "../firmware/san.h"
#include "../firmware/settings.h"
#include "../net/iscsi_pdu.h"
#include "../net/iscsi_session.h"
#include "bios_ibft.h"

static uint32_t ipv4_setting(const char *name, int which)
{
	uint8_t raw[8];
	uint32_t addr = 0;
	int n = settings_fetch_raw(name, raw, sizeof(raw));
	if (n >= 4 * (which + 1))
		memcpy(&addr, raw + 4 * which, 4);
	return addr;
}

static uint8_t prefix_length(uint32_t mask_be)
{
	const uint8_t *b = (const uint8_t *)&mask_be;
	uint8_t n = 0;
	for (int i = 0; i < 4; i++)
		for (int bit = 7; bit >= 0 && (b[i] >> bit & 1); bit--)
			n++;
	return n;
}

/* The NIC the session runs on: the first open one. */
static const struct netdev *boot_netdev(void)
{
	for (struct netdev *d = netdev_first(); d; d = d->next)
		if (d->is_open)
			return d;
	return netdev_first();
}

size_t bios_ibft_build(const struct san_disk *disk, uint8_t *buf, size_t size)
{
	static struct iscsi_config login;   /* big: kept off the stack */
	char hostname[64] = "";
	const struct netdev *nic = boot_netdev();
	struct ibft_config c;
	size_t len;

	san_iscsi_config(&login);
	if (settings_format("hostname", hostname, sizeof(hostname)) < 0)
		hostname[0] = '\0';
	memset(&c, 0, sizeof(c));
	c.initiator_iqn = login.initiator;
	c.ip = ipv4_setting("ip", 0);
	c.prefix_len = prefix_length(ipv4_setting("netmask", 0));
	c.gateway = ipv4_setting("gateway", 0);
	c.dns[0] = ipv4_setting("dns", 0);
	c.dns[1] = ipv4_setting("dns", 1);
	c.dhcp_server = ipv4_setting("dhcp-server", 0);
	c.origin = c.dhcp_server ? IBFT_ORIGIN_DHCP : IBFT_ORIGIN_MANUAL;
	if (nic) {
		memcpy(c.mac, nic->mac, 6);
		if (nic->on_pci)
			c.pci_bdf = (uint16_t)(nic->pci.bus << 8 | nic->pci.dev << 3 | nic->pci.fn);
	}
	c.hostname = hostname;
	c.target_ip = disk->server_addr;
	c.target_port = disk->server_port;
	memcpy(c.lun, disk->lun, sizeof(c.lun)); /* both are the 8-byte SCSI LUN field */
	c.target_name = disk->target;
	c.chap_name = login.username;
	c.chap_secret = login.password;
	c.reverse_chap_name = login.reverse_username;
	c.reverse_chap_secret = login.reverse_password;
	len = ibft_build(&c, buf, size);
	memset(&login, 0, sizeof(login));   /* no secrets left behind but the table's */
	return len;
}
