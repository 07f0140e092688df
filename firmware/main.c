/* bootnet's start-up, the same on every platform: banner, network stack,
 * device report, then (in later releases) autoboot or the shell. */
#include "../net/net.h"
#include "autoboot.h"
#include "console.h"
#include "devreport.h"
#include "image.h"
#include "main.h"
#include "netdev.h"
#include "platform.h"
#include "version.h"

static void print_banner(void)
{
	console_printf("\n%s %s (%s, %s) -- network boot firmware, GPL-2.0-or-later\n",
		       BOOTNET_NAME, BOOTNET_VERSION, platform_arch(), platform_name());
	console_printf("Built with %s\n\n", net_libraries_version());
}

int bootnet_main(void)
{
	print_banner();
	net_init();
	device_report_print();
	console_puts("\n");
	platform_probe_netdevs();
	int rc = autoboot();
	image_free_all();
	/* Hand every device back as we found it before returning. */
	netdev_close_all();
	console_printf("\nbootnet: %s; returning to the firmware.\n",
		       rc == 0 ? "the boot script ended" : "nothing booted");
	return 0;
}
