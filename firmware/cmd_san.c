/* SAN commands, as iPXE has them: sanhook attaches an iSCSI disk, sanboot
 * boots from one (attaching it first when given a URI), sanunhook detaches.
 * The login's names and secrets come from settings (san_config.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../net/iscsi.h"
#include "command.h"
#include "console.h"
#include "options.h"
#include "platform.h"
#include "san.h"

#define FIRST_DRIVE 0x80

static bool parse_drive(const char *cmd, const char *text, unsigned *drive)
{
	char *end;
	unsigned long n = strtoul(text, &end, 0);
	if (!*text || *end || n > 0xff) {
		console_printf("%s: \"%s\" is not a drive number (such as 0x80)\n", cmd, text);
		return false;
	}
	*drive = (unsigned)n;
	return true;
}

/* The next drive number from first that no disk has. */
static unsigned free_drive(unsigned first)
{
	while (san_find(first))
		first++;
	return first;
}

/* Opens uri and attaches it as drive; the disk, or NULL with why. */
static struct san_disk *hook_one(const char *uri, unsigned drive, bool describe, char *why,
				 size_t why_size)
{
	struct iscsi_config cfg;
	struct san_disk *disk;

	if (strncmp(uri, "iscsi:", 6) != 0) {
		snprintf(why, why_size, "%s: bootnet attaches iscsi: disks only", uri);
		return NULL;
	}
	san_iscsi_config(&cfg);
	disk = iscsi_san_open(uri, &cfg, why, why_size);
	memset(&cfg, 0, sizeof(cfg)); /* no passwords left on the stack */
	if (!disk)
		return NULL;
	disk->drive = drive;
	if (platform_san_attach(disk, describe) != 0) {
		snprintf(why, why_size, "%s: %s", uri, disk->error);
		disk->close(disk);
		return NULL;
	}
	return disk;
}

/* Several URIs are several paths to one disk (iPXE's multipath): each is
 * tried in turn and the first that attaches becomes drive. The disk, or
 * NULL having said why each failed. */
static struct san_disk *hook(const char *cmd, char **uris, int count, unsigned drive,
			     bool describe)
{
	struct san_disk *disk = NULL;
	char why[400];

	if (san_find(drive)) {
		console_printf("%s: SAN device 0x%02x is already in use (sanunhook --drive 0x%02x "
			       "first)\n", cmd, drive, drive);
		return NULL;
	}
	for (int i = 0; i < count && !disk; i++) {
		disk = hook_one(uris[i], drive, describe, why, sizeof(why));
		if (!disk)
			console_printf("%s: %s%s\n", cmd, why,
				       i + 1 < count ? " (trying the next path)" : "");
	}
	if (!disk)
		return NULL;
	san_add(disk);
	console_printf("Registered SAN device 0x%02x: %s (%llu blocks of %u bytes, %llu MiB)\n",
		       disk->drive, disk->uri, (unsigned long long)disk->block_count, disk->block_size,
		       (unsigned long long)(disk->block_count * disk->block_size >> 20));
	return disk;
}

static void unhook(struct san_disk *disk)
{
	unsigned drive = disk->drive;
	platform_san_detach(disk);
	san_remove(disk);
	disk->close(disk);
	console_printf("Unregistered SAN device 0x%02x\n", drive);
}

/* sanhook [--drive N] [--no-describe] <uri>...: attaches one disk, reached
 * through the first of the URIs that answers. */
static int cmd_sanhook(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "drive", 'd', true },
						    { "no-describe", 'n', false } };
	const char *values[2];
	unsigned drive = FIRST_DRIVE;
	int first = options_parse(argc, argv, specs, 2, values);
	if (first < 0)
		return 1;
	if (first >= argc) {
		console_puts("sanhook: usage: sanhook [--drive N] [--no-describe] <uri>...\n");
		return 1;
	}
	if (values[0] && !parse_drive(argv[0], values[0], &drive))
		return 1;
	if (!values[0])
		drive = free_drive(FIRST_DRIVE);
	return hook(argv[0], argv + first, argc - first, drive, !values[1]) ? 0 : 1;
}

/* sanboot [--drive N] [--no-describe] [--keep] [--filename F] [<uri>...]:
 * boots from drive N (0x80), attaching the disk the URIs reach first if
 * given (as sanhook). A disk attached here is detached again when the boot
 * fails or the loader returns, unless --keep. */
static int cmd_sanboot(int argc, char **argv)
{
	static const struct option_spec specs[] = {
		{ "drive", 'd', true }, { "no-describe", 'n', false }, { "keep", 'k', false },
		{ "filename", 'f', true },
	};
	const char *values[4];
	unsigned drive = FIRST_DRIVE;
	struct san_disk *disk;
	bool hooked_here = false;
	int first = options_parse(argc, argv, specs, 4, values), rc;
	if (first < 0)
		return 1;
	if (values[0] && !parse_drive(argv[0], values[0], &drive))
		return 1;
	if (first < argc) {
		if (!values[0])
			drive = free_drive(FIRST_DRIVE);
		/* The platform may renumber (BIOS: past the machine's own disks). */
		struct san_disk *d = hook(argv[0], argv + first, argc - first, drive, !values[1]);
		if (!d)
			return 1;
		drive = d->drive;
		hooked_here = true;
	}
	disk = san_find(drive);
	if (!disk) {
		console_printf("sanboot: no SAN device 0x%02x (give an iscsi: URI, or sanhook "
			       "one first)\n", drive);
		return 1;
	}
	console_printf("Booting from SAN device 0x%02x\n", drive);
	rc = platform_san_boot(disk, values[3] && values[3][0] ? values[3] : NULL);
	if (rc != 0)
		console_printf("sanboot: cannot boot from SAN device 0x%02x: %s\n", drive,
			       disk->error);
	if (hooked_here && !values[2])
		unhook(disk);
	return rc == 0 ? 0 : 1;
}

/* sanunhook [--drive N]: detaches drive N (0x80). */
static int cmd_sanunhook(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "drive", 'd', true } };
	const char *values[1];
	unsigned drive = FIRST_DRIVE;
	struct san_disk *disk;
	int first = options_parse(argc, argv, specs, 1, values);
	if (first < 0)
		return 1;
	if (first != argc) {
		console_puts("sanunhook: usage: sanunhook [--drive N]\n");
		return 1;
	}
	if (values[0] && !parse_drive(argv[0], values[0], &drive))
		return 1;
	disk = san_find(drive);
	if (!disk) {
		console_printf("sanunhook: no SAN device 0x%02x\n", drive);
		return 1;
	}
	unhook(disk);
	return 0;
}

const struct command cmd_san_commands[] = {
	{ "sanboot", cmd_sanboot },
	{ "sanhook", cmd_sanhook },
	{ "sanunhook", cmd_sanunhook },
	{ NULL, NULL },
};
