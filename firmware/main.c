/* bootnet's start-up, the same on every platform: banner, network stack,
 * device report, then the shell when Ctrl-B is pressed, else autoboot, and
 * the shell when autoboot booted nothing. */
#include <stdlib.h>
#include "../net/net.h"
#include "autoboot.h"
#include "console.h"
#include "devreport.h"
#include "embedded.h"
#include "image.h"
#include "image_fetch.h"
#include "main.h"
#include "netdev.h"
#include "netprobe.h"
#include "platform.h"
#include "script.h"
#include "shell.h"
#include "version.h"

static void print_banner(void)
{
	console_printf("\n%s %s (%s, %s) -- network boot firmware, GPL-2.0-or-later\n",
		       BOOTNET_NAME, BOOTNET_VERSION, platform_arch(), platform_name());
	console_printf("Built with %s\n\n", net_libraries_version());
}

/* A script built in with `make EMBED=...` runs instead of autoboot. */
static int embedded_or_autoboot(void)
{
	size_t len;
	const char *text = embedded_script(&len);
	if (!text)
		return autoboot();
	return image_run_replacement(script_run_text(text, len, embedded_script_name(), NULL));
}

int bootnet_main(void)
{
	print_banner();
	net_init();
	device_report_collect();
	netprobe_run(netprobe_default_order());
	device_report_print();
	console_puts("\n");
	if (shell_requested_within(2000)) {
		shell_run();
	} else if (embedded_or_autoboot() == 0) {
		console_puts("\nbootnet: the boot script ended.\n");
	} else {
		/* The messages above say what failed; the shell lets one look
		 * around (ifstat, dhcp, chain...) instead of rebooting blind. */
		console_puts("\nbootnet: nothing booted.\n");
		shell_run();
	}
	image_free_all();
	/* Hand every device back as we found it before returning. */
	netdev_close_all();
	platform_pci_release_all(); /* every NIC a native driver took, whatever happened */
	console_puts("bootnet: returning to the firmware.\n");
	malloc_release_kept();
	return 0;
}
