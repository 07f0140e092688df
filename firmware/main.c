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
#include "san.h"
#include "script.h"
#include "shell.h"
#include "version.h"

static void print_banner(void)
{
	console_printf("\n%s %s (%s, %s) -- network boot firmware, GPL-2.0-or-later\n",
		       BOOTNET_NAME, BOOTNET_VERSION, platform_arch(), platform_name());
	console_printf("Built with %s\n\n", net_libraries_version());
}

/* What runs instead of autoboot: autoexec.ipxe on the disk bootnet was
 * started from (a user changes a stick's behaviour without a rebuild, so it
 * comes before the script built in), else a script built in with `make
 * EMBED=...`, else autoboot. */
static int boot_script_or_autoboot(void)
{
	char where[300];
	size_t len = 0;
	char *script = platform_boot_volume_script(&len, where, sizeof(where));
	const char *text;
	if (script) {
		int rc;
		console_printf("bootnet: running %s\n", where);
		rc = image_run_replacement(script_run_text(script, len, "autoexec.ipxe", NULL));
		free(script);
		return rc;
	}
	text = embedded_script(&len);
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
	} else if (boot_script_or_autoboot() == 0) {
		console_puts("\nbootnet: the boot script ended.\n");
	} else {
		/* The messages above say what failed; the shell lets one look
		 * around (ifstat, dhcp, chain...) instead of rebooting blind. */
		console_puts("\nbootnet: nothing booted.\n");
		shell_run();
	}
	image_free_all();
	san_unhook_all();
	/* Hand every device back as we found it before returning. */
	netdev_close_all();
	platform_pci_release_all(); /* every NIC a native driver took, whatever happened */
	console_puts("bootnet: returning to the firmware.\n");
	malloc_release_kept();
	return 0;
}
