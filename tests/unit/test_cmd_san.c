/* sanhook, sanboot and sanunhook over a fake iSCSI opener and the host
 * platform: drive numbers (given, or the next free from 0x80), refusals
 * (a drive in use, a URI that is not iscsi:, a login that fails), several
 * URIs as paths to one drive (the first that answers), sanboot
 * detaching what it attached when the boot fails unless --keep, and
 * everything detached before bootnet leaves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/san.h"
#include "../../net/iscsi.h"
#include "platform_host.h"
#include "test.h"

extern const struct command cmd_san_commands[];
int host_san_attached_count(void);

static int closed;
static char last_initiator[ISCSI_NAME_MAX];

static void fake_close(struct san_disk *disk)
{
	closed++;
	free(disk);
}

static int fake_read(struct san_disk *disk, uint64_t lba, uint32_t count, void *buf)
{
	(void)disk, (void)lba;
	memset(buf, 0, count * 512);
	return 0;
}

struct san_disk *iscsi_san_open(const char *uri, const struct iscsi_config *cfg, char *err,
				size_t err_size)
{
	struct san_disk *d;
	snprintf(last_initiator, sizeof(last_initiator), "%s", cfg->initiator);
	if (strstr(uri, "fail")) {
		snprintf(err, err_size, "%s: login refused: fake", uri);
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	snprintf(d->uri, sizeof(d->uri), "%s", uri);
	d->block_size = 512;
	d->block_count = 4096;
	d->read = fake_read;
	d->close = fake_close;
	return d;
}

void san_iscsi_config(struct iscsi_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->initiator, sizeof(cfg->initiator), "iqn.2010-04.org.ipxe:test");
}

/* Runs one command line (words split at spaces). */
static int run(const char *line)
{
	char buf[512], *argv[16];
	int argc = 0;
	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok(buf, " "); w && argc < 16; w = strtok(NULL, " "))
		argv[argc++] = w;
	for (const struct command *c = cmd_san_commands; c->name; c++)
		if (strcmp(c->name, argv[0]) == 0)
			return c->run(argc, argv);
	return -99;
}

static void reset(void)
{
	san_unhook_all();
	closed = 0;
	host_console_reset();
}

TEST(sanhook_numbers_drives)
{
	reset();
	CHECK(run("sanhook iscsi:10.0.0.1:::1:iqn.a") == 0);
	CHECK(run("sanhook iscsi:10.0.0.1:::2:iqn.b") == 0);
	CHECK_CONTAINS(host_console_text(), "Registered SAN device 0x80: iscsi:10.0.0.1:::1:iqn.a "
			"(4096 blocks of 512 bytes, 2 MiB)");
	CHECK_CONTAINS(host_console_text(), "Registered SAN device 0x81: iscsi:10.0.0.1:::2:iqn.b");
	CHECK_STR(last_initiator, "iqn.2010-04.org.ipxe:test");
	CHECK(host_san_attached_count() == 2);
	CHECK(san_first()->drive == 0x80 && san_first()->next->drive == 0x81);
	/* Given drive numbers; one in use is refused. */
	CHECK(run("sanhook --drive 0x90 iscsi:10.0.0.1:::1:iqn.c") == 0);
	CHECK(san_find(0x90) != NULL);
	CHECK(run("sanhook --drive 0x81 iscsi:10.0.0.1:::1:iqn.d") != 0);
	CHECK_CONTAINS(host_console_text(), "SAN device 0x81 is already in use");
	CHECK(host_san_attached_count() == 3);
	/* Without --drive the next free number is taken. */
	CHECK(run("sanhook iscsi:10.0.0.1:::1:iqn.e") == 0);
	CHECK(san_find(0x82) != NULL);
	/* Before bootnet leaves, every disk is detached and closed. */
	san_unhook_all();
	CHECK(host_san_attached_count() == 0 && closed == 4 && san_first() == NULL);
}

/* iPXE 2.0: several URIs are paths to ONE drive; the first that answers. */
TEST(sanhook_several_uris_are_one_drive)
{
	reset();
	CHECK(run("sanhook iscsi:10.0.0.1:::1:iqn.fail iscsi:10.0.0.2:::1:iqn.a "
		  "iscsi:10.0.0.3:::1:iqn.a") == 0);
	CHECK_CONTAINS(host_console_text(), "sanhook: iscsi:10.0.0.1:::1:iqn.fail: login refused: "
			"fake (trying the next path)");
	CHECK_CONTAINS(host_console_text(), "Registered SAN device 0x80: iscsi:10.0.0.2:::1:iqn.a");
	CHECK(host_san_attached_count() == 1 && san_find(0x81) == NULL);
	CHECK_STR(san_find(0x80)->uri, "iscsi:10.0.0.2:::1:iqn.a");
	/* The next sanhook gets the next drive; --drive is the one drive. */
	CHECK(run("sanhook iscsi:10.0.0.4:::1:iqn.b iscsi:10.0.0.5:::1:iqn.b") == 0);
	CHECK(san_find(0x81) && san_find(0x82) == NULL);
	CHECK(run("sanhook --drive 0x90 http://x/ iscsi:10.0.0.6:::1:iqn.c") == 0);
	CHECK_CONTAINS(host_console_text(), "bootnet attaches iscsi: disks only (trying the next");
	CHECK(san_find(0x90) && san_find(0x91) == NULL && host_san_attached_count() == 3);
	/* No path answers: nothing attached, every failure said. */
	CHECK(run("sanhook iscsi:10.0.0.1:::1:iqn.fail1 iscsi:10.0.0.1:::1:iqn.fail2") != 0);
	CHECK_CONTAINS(host_console_text(), "iqn.fail2: login refused: fake\n");
	CHECK(host_san_attached_count() == 3 && closed == 0);
	san_unhook_all();
	CHECK(closed == 3);
}

/* sanboot with several URIs: one drive, and on failure it is unhooked. */
TEST(sanboot_several_uris_unhooks_on_failure)
{
	reset();
	CHECK(run("sanboot iscsi:10.0.0.1:::1:iqn.fail iscsi:10.0.0.2:::1:iqn.a") != 0);
	CHECK_CONTAINS(host_console_text(), "Registered SAN device 0x80: iscsi:10.0.0.2:::1:iqn.a");
	CHECK_CONTAINS(host_console_text(), "cannot boot from SAN device 0x80");
	CHECK_CONTAINS(host_console_text(), "Unregistered SAN device 0x80");
	CHECK(host_san_attached_count() == 0 && closed == 1 && san_first() == NULL);
	/* None answers: nothing is left attached either. */
	CHECK(run("sanboot iscsi:10.0.0.1:::1:iqn.fail iscsi:10.0.0.1:::1:iqn.fail2") != 0);
	CHECK(host_san_attached_count() == 0 && san_first() == NULL);
	/* --keep keeps the one drive. */
	CHECK(run("sanboot --keep iscsi:10.0.0.2:::1:iqn.a iscsi:10.0.0.3:::1:iqn.a") != 0);
	CHECK(host_san_attached_count() == 1 && san_find(0x80) && !san_find(0x81));
	san_unhook_all();
}

TEST(sanhook_refusals)
{
	reset();
	CHECK(run("sanhook") != 0);
	CHECK_CONTAINS(host_console_text(), "usage: sanhook");
	CHECK(run("sanhook http://10.0.0.1/disk.img") != 0);
	CHECK_CONTAINS(host_console_text(), "bootnet attaches iscsi: disks only");
	CHECK(run("sanhook iscsi:10.0.0.1:::1:iqn.fail") != 0);
	CHECK_CONTAINS(host_console_text(), "sanhook: iscsi:10.0.0.1:::1:iqn.fail: login refused");
	CHECK(run("sanhook --drive zz iscsi:10.0.0.1:::1:iqn.a") != 0);
	CHECK_CONTAINS(host_console_text(), "\"zz\" is not a drive number");
	CHECK(host_san_attached_count() == 0 && san_first() == NULL);
}

TEST(sanboot_detaches_unless_keep)
{
	reset();
	CHECK(run("sanboot") != 0);
	CHECK_CONTAINS(host_console_text(), "sanboot: no SAN device 0x80");
	/* The host cannot boot: the disk sanboot attached is detached again. */
	CHECK(run("sanboot iscsi:10.0.0.1:::1:iqn.a") != 0);
	CHECK_CONTAINS(host_console_text(), "cannot boot from SAN device 0x80: the host platform "
			"cannot boot");
	CHECK_CONTAINS(host_console_text(), "Unregistered SAN device 0x80");
	CHECK(host_san_attached_count() == 0 && closed == 1);
	/* --keep leaves it attached. */
	CHECK(run("sanboot --keep iscsi:10.0.0.1:::1:iqn.a") != 0);
	CHECK(host_san_attached_count() == 1 && san_find(0x80));
	/* A disk sanhook attached stays after a failed sanboot of it. */
	CHECK(run("sanhook --drive 0x81 iscsi:10.0.0.1:::1:iqn.b") == 0);
	CHECK(run("sanboot --drive 0x81") != 0);
	CHECK(san_find(0x81) != NULL);
	/* sanunhook: the default drive, a given one, one that is not there. */
	CHECK(run("sanunhook") == 0);
	CHECK(san_find(0x80) == NULL);
	CHECK(run("sanunhook --drive 0x81") == 0);
	CHECK(run("sanunhook --drive 0x81") != 0);
	CHECK_CONTAINS(host_console_text(), "sanunhook: no SAN device 0x81");
	CHECK(host_san_attached_count() == 0 && closed == 3);
}
