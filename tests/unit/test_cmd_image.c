/* The image commands as a script uses them: kernel/initrd/boot with the
 * command line kept as written, selection and what kernel frees, boot
 * with nothing selected, chain and autofree, imgargs, imgfree, imgstat,
 * unknown formats, and a program that returns an error. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/image.h"
#include "../../firmware/image_fetch.h"
#include "platform_host.h"
#include "test.h"
#include "test_cmd_image.h"

extern const struct command cmd_image_commands[];

static const struct fake_file files[] = {
	{ "http://10.77.0.1/vmlinuz", "HOSTEXEC linux" },
	{ "http://10.77.0.1/vmlinuz-old", "HOSTEXEC old linux" },
	{ "http://10.77.0.1/initrd.img", "INITRD" },
	{ "http://10.77.0.1/grubx64.efi", "HOSTEXEC grub" },
	{ "http://10.77.0.1/menu.ipxe", "#!ipxe\necho menu\n" },
	{ "http://10.77.0.1/notes.txt", "just text" },
	{ "tftp://10.77.0.1/boot/first.ipxe", "#!ipxe\necho first\n" },
};

/* Runs one command line, split at spaces as the first interpreter does. */
static int run(const char *line)
{
	char *copy = strdup(line), *argv[32], *save = NULL;
	int argc = 0, rc = -99;
	for (char *w = strtok_r(copy, " ", &save); w && argc < 32; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	fake_command_words(argv, argc);
	for (const struct command *c = cmd_image_commands; c->name; c++)
		if (strcmp(c->name, argv[0]) == 0)
			rc = c->run(argc, argv);
	fake_command_words(NULL, 0);
	free(copy);
	return rc;
}

static void setup(int exec_result)
{
	image_free_all();
	host_console_reset();
	host_exec_reset(exec_result);
	fake_files_set(files, sizeof(files) / sizeof(files[0]));
}

TEST(cmd_kernel_initrd_boot_keeps_the_command_line_as_written)
{
	setup(0);
	CHECK(run("kernel http://10.77.0.1/vmlinuz console=ttyS0 quiet marker=\"two words\"") == 0);
	CHECK(run("initrd http://10.77.0.1/initrd.img") == 0);
	struct image *k = image_find("vmlinuz");
	CHECK(k && k->selected);
	CHECK_STR(k->cmdline, "console=ttyS0 quiet marker=\"two words\"");
	CHECK(image_find("initrd.img") && !image_find("initrd.img")->selected);
	CHECK(run("boot") == 0);
	CHECK_STR(host_exec_log(), "vmlinuz[console=ttyS0 quiet marker=\"two words\"]\n");
	image_free_all();
}

TEST(cmd_kernel_options_name_and_a_loaded_image)
{
	setup(0);
	CHECK(run("kernel --name linux http://10.77.0.1/vmlinuz root=/dev/nfs") == 0);
	CHECK(image_find("linux") && image_find("linux")->selected);
	CHECK(!image_find("vmlinuz"));
	/* An image already loaded is named instead of a URI. */
	CHECK(run("imgfetch http://10.77.0.1/grubx64.efi") == 0);
	CHECK(run("imgselect grubx64.efi") == 0);
	CHECK(image_find("grubx64.efi")->selected);
	CHECK(run("kernel --timeout=abc http://10.77.0.1/vmlinuz") != 0);
	CHECK_CONTAINS(host_console_text(), "--timeout takes milliseconds");
	CHECK(run("kernel --bogus http://10.77.0.1/vmlinuz") != 0);
	CHECK_CONTAINS(host_console_text(), "unknown option \"--bogus\"");
	image_free_all();
}

TEST(cmd_kernel_frees_the_kernel_selected_before)
{
	setup(0);
	CHECK(run("kernel http://10.77.0.1/vmlinuz-old") == 0);
	CHECK(run("initrd http://10.77.0.1/initrd.img") == 0);
	CHECK(run("kernel http://10.77.0.1/vmlinuz") == 0);
	CHECK(image_find("vmlinuz-old") == NULL);
	CHECK(image_find("initrd.img") != NULL);
	CHECK(image_selected() == image_find("vmlinuz"));
	image_free_all();
}

TEST(cmd_boot_without_a_selected_image_says_what_to_do)
{
	setup(0);
	CHECK(run("boot") != 0);
	CHECK_CONTAINS(host_console_text(), "boot: no image is selected");
	CHECK_STR(host_exec_log(), "");
}

TEST(cmd_chain_runs_returns_its_status_and_autofree_frees)
{
	setup(-1);
	CHECK(run("chain http://10.77.0.1/grubx64.efi --verbose") == -1);
	CHECK_STR(host_exec_log(), "grubx64.efi[--verbose]\n");
	CHECK(image_find("grubx64.efi") != NULL); /* kept, as iPXE does */
	host_exec_reset(0);
	CHECK(run("chain --autofree http://10.77.0.1/grubx64.efi") == 0);
	CHECK(image_find("grubx64.efi") == NULL);
	CHECK(!fake_take_exit_request());
	/* --replace in a script: the script is asked to end, and the image
	 * runs in its place once it has (image_exec of the calling script). */
	fake_script_running = true;
	fake_scripts_run[0] = '\0';
	CHECK(run("chain --autofree --replace http://10.77.0.1/menu.ipxe") == 0);
	CHECK(fake_take_exit_request());
	CHECK_STR(fake_scripts_run, ""); /* not run yet: no nesting */
	struct image *caller = image_new("http://10.77.0.1/caller.ipxe");
	image_write(caller, 0, "#!ipxe\n", 7);
	CHECK(image_exec(caller) == 0);
	CHECK_STR(fake_scripts_run, "caller.ipxe;menu.ipxe;");
	image_free(caller);
	CHECK(image_first() == NULL); /* autofree */
	fake_script_running = false;
	CHECK(run("chain http://10.77.0.1/missing.efi") != 0);
	CHECK_CONTAINS(host_console_text(), "http://10.77.0.1/missing.efi: not found (404)");
}

TEST(cmd_exec_of_an_unknown_format_is_explained)
{
	setup(0);
	CHECK(run("imgfetch http://10.77.0.1/notes.txt") == 0);
	CHECK(run("imgexec notes.txt") != 0);
	CHECK_CONTAINS(host_console_text(), "notes.txt: cannot run this image: it is not an "
			"iPXE script");
	CHECK_STR(host_exec_log(), "");
	image_free_all();
}

TEST(cmd_imgargs_imgfree_imgstat)
{
	setup(0);
	CHECK(run("kernel http://10.77.0.1/vmlinuz a=1") == 0);
	CHECK(run("module http://10.77.0.1/initrd.img /etc/x mode=600") == 0);
	CHECK(run("imgargs vmlinuz b=\"2 3\" c") == 0);
	CHECK_STR(image_find("vmlinuz")->cmdline, "b=\"2 3\" c");
	CHECK_STR(image_find("initrd.img")->cmdline, "/etc/x mode=600");
	host_console_reset();
	CHECK(run("imgstat") == 0);
	CHECK_CONTAINS(host_console_text(), "vmlinuz : 14 bytes [data] [SELECTED] \"b=\"2 3\" c\"\n");
	CHECK_CONTAINS(host_console_text(), "initrd.img : 6 bytes [data] \"/etc/x mode=600\"");
	CHECK(run("imgargs vmlinuz") == 0);
	CHECK(image_find("vmlinuz")->cmdline == NULL);
	CHECK(run("imgargs nosuch x") != 0);
	CHECK_CONTAINS(host_console_text(), "imgargs: no image named \"nosuch\"");
	CHECK(run("imgfree initrd.img") == 0);
	CHECK(image_find("initrd.img") == NULL && image_find("vmlinuz") != NULL);
	CHECK(run("imgfree nosuch") != 0);
	CHECK(run("imgfree") == 0);
	CHECK(image_first() == NULL);
	host_console_reset();
	CHECK(run("imgstat") == 0);
	CHECK_STR(host_console_text(), "");
}

TEST(cmd_sha256sum_names_missing_images)
{
	setup(0);
	CHECK(run("imgfetch http://10.77.0.1/initrd.img") == 0);
	CHECK(run("sha256sum initrd.img") == 0);
	CHECK_CONTAINS(host_console_text(), "fake-sha256-of-6-bytes  initrd.img");
	CHECK(run("sha256sum nosuch") != 0);
	CHECK_CONTAINS(host_console_text(), "no image named \"nosuch\"");
	image_free_all();
}

TEST(cmd_usage_errors)
{
	setup(0);
	CHECK(run("kernel") != 0);
	CHECK_CONTAINS(host_console_text(), "kernel: usage: kernel");
	CHECK(run("initrd") != 0);
	CHECK(run("imgargs") != 0);
	CHECK(run("imgfree a b") != 0);
}

TEST(cmd_relative_uri_outside_scripts_goes_to_the_boot_server)
{
	setup(0);
	fake_next_server = "10.77.0.1";
	CHECK(run("imgfetch boot/first.ipxe") == 0); /* tftp://10.77.0.1/boot/first.ipxe */
	CHECK(image_find("first.ipxe") != NULL);
	fake_next_server = NULL;
	CHECK(run("imgfetch boot/second.ipxe") != 0); /* no base: not a URI anyone serves */
	image_free_all();
}

TEST(cmd_imgselect_refuses_what_cannot_run)
{
	setup(0);
	CHECK(run("imgselect http://10.77.0.1/notes.txt") != 0);
	CHECK_CONTAINS(host_console_text(), "notes.txt is not something bootnet can run");
	CHECK(image_find("notes.txt") != NULL); /* still loaded, as iPXE leaves it */
	CHECK(image_selected() == NULL);
	image_free_all();
}
