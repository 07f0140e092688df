/* Image commands, as iPXE has them (https://ipxe.org/cmd):
 *   imgfetch, module, initrd  [--name N] [--timeout MS] URI|IMAGE [ARGS...]
 *   kernel, imgselect, imgload [--name N] [--timeout MS] [--autofree] URI|IMAGE [ARGS...]
 *   chain, imgexec, boot  [--name N] [--timeout MS] [--autofree] [--replace] [URI|IMAGE] [ARGS...]
 *   imgargs IMAGE [ARGS...]; imgfree [IMAGE]; imgstat [IMAGE]; sha256sum IMAGE...
 * Arguments reach the image exactly as the script wrote them (quotes
 * kept): a kernel command line must arrive unchanged. */
#include <stdlib.h>
#include <string.h>
#include "../net/download.h"
#include "command.h"
#include "console.h"
#include "image_fetch.h"
#include "image_kind.h"
#include "options.h"
#include "platform.h"
#include "script.h"
#include "sha256_text.h"

enum { OPT_NAME, OPT_TIMEOUT, OPT_AUTOFREE, OPT_REPLACE, OPT_COUNT };

static const struct option_spec image_options[OPT_COUNT] = {
	[OPT_NAME] = { "name", 'n', true },
	[OPT_TIMEOUT] = { "timeout", 't', true },
	[OPT_AUTOFREE] = { "autofree", 'a', false },
	[OPT_REPLACE] = { "replace", 'r', false },
};

/* Options as each family takes them: how many of image_options apply. */
#define FETCH_OPTIONS 2  /* --name, --timeout */
#define SELECT_OPTIONS 3 /* and --autofree */
#define EXEC_OPTIONS 4   /* and --replace */

/* Parses options; the index of the first argument, or -1 having said why.
 * --timeout must be a number of milliseconds: the download's whole time. */
static int parse(int argc, char **argv, int nopts, const char **opt)
{
	int first = options_parse(argc, argv, image_options, nopts, opt);
	char *end;
	if (first < 0)
		return -1;
	if (opt[OPT_TIMEOUT]) {
		strtoul(opt[OPT_TIMEOUT], &end, 10);
		if (!*opt[OPT_TIMEOUT] || *end) {
			console_printf("%s: --timeout takes milliseconds, not \"%s\"\n", argv[0],
				       opt[OPT_TIMEOUT]);
			return -1;
		}
	}
	return first;
}

/* Sets the arguments after argv[first] as img's command line, when there
 * are any. */
static int set_args(struct image *img, int argc, int first, const char *command)
{
	if (first >= argc)
		return 0;
	if (image_set_cmdline(img, command_args_as_written(first)) != 0) {
		console_printf("%s: out of memory for the command line\n", command);
		return -1;
	}
	return 0;
}

/* Acquires the image argv[first] names, with its arguments; NULL having
 * said why. */
static struct image *acquire(int argc, char **argv, int first, const char **opt,
			     const char *usage)
{
	struct image *img;
	if (first >= argc) {
		console_printf("%s: usage: %s %s\n", argv[0], argv[0], usage);
		return NULL;
	}
	if (opt[OPT_TIMEOUT])
		download_set_timeout(strtoul(opt[OPT_TIMEOUT], NULL, 10));
	img = image_acquire(argv[first], opt[OPT_NAME]);
	download_set_timeout(0); /* not left for a download of another command */
	if (!img)
		return NULL;
	if (set_args(img, argc, first + 1, argv[0]) != 0)
		return NULL;
	if (opt[OPT_AUTOFREE])
		img->autofree = true;
	return img;
}

static int cmd_imgfetch(int argc, char **argv)
{
	const char *opt[OPT_COUNT] = { 0 };
	int first = parse(argc, argv, FETCH_OPTIONS, opt);
	if (first < 0)
		return -1;
	return acquire(argc, argv, first, opt, "[--name NAME] URI [ARGS...]") ? 0 : -1;
}

/* kernel: fetch and select. The kernel selected before is freed, so that
 * it is not handed to the new one as an initrd. */
static int cmd_kernel(int argc, char **argv)
{
	const char *opt[OPT_COUNT] = { 0 };
	struct image *img, *old;
	int first = parse(argc, argv, SELECT_OPTIONS, opt);
	if (first < 0)
		return -1;
	img = acquire(argc, argv, first, opt, "[--name NAME] URI [ARGS...]");
	if (!img)
		return -1;
	if (!script_probe(img) && !platform_image_probe(img)) {
		/* As iPXE: only something that can run can be selected to run. */
		console_printf("%s: %s is not something bootnet can run (not an iPXE script, %s); "
			       "it stays loaded\n", argv[0], img->name, platform_image_kinds());
		return -1;
	}
	/* (A kernel of the same name was already replaced when registered.) */
	old = image_selected();
	if (old && old != img)
		image_free(old);
	image_select(img);
	return 0;
}

/* chain/imgexec/boot: run the named (or fetched) image, or the selected
 * one. If it returns, the script carries on with its status; with
 * --replace the calling script ends first and the image takes its place. */
static int cmd_exec(int argc, char **argv)
{
	const char *opt[OPT_COUNT] = { 0 };
	struct image *img;
	int rc, first = parse(argc, argv, EXEC_OPTIONS, opt);
	if (first < 0)
		return -1;
	if (first < argc) {
		img = acquire(argc, argv, first, opt, "[URI] [ARGS...]");
		if (!img)
			return -1;
	} else {
		img = image_selected();
		if (!img) {
			console_printf("%s: no image is selected: load one first with \"kernel URI\" "
				       "(or name one: \"%s URI\")\n", argv[0], argv[0]);
			return -1;
		}
		if (opt[OPT_AUTOFREE])
			img->autofree = true;
	}
	if (opt[OPT_REPLACE] && script_running()) {
		image_exec_replacing(img); /* runs once this script has ended */
		return 0;
	}
	rc = image_exec(img);
	return rc;
}

static struct image *find_named(const char *command, const char *name)
{
	struct image *img = image_find(name);
	if (!img)
		console_printf("%s: no image named \"%s\" (imgstat lists them)\n", command, name);
	return img;
}

static int cmd_imgargs(int argc, char **argv)
{
	const char *opt[OPT_COUNT] = { 0 };
	struct image *img;
	int first = parse(argc, argv, 0, opt);
	if (first < 0)
		return -1;
	if (first >= argc) {
		console_printf("%s: usage: %s IMAGE [ARGS...]\n", argv[0], argv[0]);
		return -1;
	}
	img = find_named(argv[0], argv[first]);
	if (!img)
		return -1;
	if (first + 1 >= argc)
		return image_set_cmdline(img, NULL);
	return set_args(img, argc, first + 1, argv[0]);
}

static int cmd_imgfree(int argc, char **argv)
{
	struct image *img;
	if (argc > 2) {
		console_printf("%s: usage: %s [IMAGE]\n", argv[0], argv[0]);
		return -1;
	}
	if (argc == 1) {
		image_free_all();
		return 0;
	}
	img = find_named(argv[0], argv[1]);
	if (!img)
		return -1;
	image_free(img);
	return 0;
}

static void print_stat(const struct image *img)
{
	char kind[96];
	image_kind_text(img, kind, sizeof(kind));
	console_printf("%s : %zu bytes [%s]%s%s", img->name, img->len, kind,
		       img->selected ? " [SELECTED]" : "", img->autofree ? " [AUTOFREE]" : "");
	if (img->cmdline)
		console_printf(" \"%s\"", img->cmdline);
	console_puts("\n");
}

static int cmd_imgstat(int argc, char **argv)
{
	struct image *img;
	if (argc > 2) {
		console_printf("%s: usage: %s [IMAGE]\n", argv[0], argv[0]);
		return -1;
	}
	if (argc == 2) {
		img = find_named(argv[0], argv[1]);
		if (!img)
			return -1;
		print_stat(img);
		return 0;
	}
	for (img = image_first(); img; img = img->next)
		print_stat(img);
	return 0;
}

static int cmd_sha256sum(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct image *img = find_named(argv[0], argv[i]);
		char hex[65];
		if (!img) {
			rc = -1;
			continue;
		}
		sha256_text(img->data, img->len, hex);
		console_printf("%s  %s\n", hex, img->name);
	}
	return rc;
}

const struct command cmd_image_commands[] = {
	{ "imgfetch", cmd_imgfetch },
	{ "module", cmd_imgfetch },
	{ "initrd", cmd_imgfetch },
	{ "kernel", cmd_kernel },
	{ "imgselect", cmd_kernel },
	{ "imgload", cmd_kernel },
	{ "chain", cmd_exec },
	{ "imgexec", cmd_exec },
	{ "boot", cmd_exec },
	{ "imgargs", cmd_imgargs },
	{ "imgfree", cmd_imgfree },
	{ "imgstat", cmd_imgstat },
	{ "sha256sum", cmd_sha256sum },
	{ NULL, NULL },
};
