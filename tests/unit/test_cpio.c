/* cpio headers for renamed initrds (`initrd URI /path mode=NNN`) and the
 * initrd built from the registered images: alignment, headers, order. */
#include <stdlib.h>
#include <string.h>
#include "../../firmware/cpio.h"
#include "../../firmware/image_initrd.h"
#include "test.h"

/* Field i (0 = ino ... 12 = check) of the header at h, as a number. */
static unsigned long field(const uint8_t *h, int i)
{
	char text[9];
	memcpy(text, h + 6 + 8 * i, 8);
	text[8] = '\0';
	return strtoul(text, NULL, 16);
}

TEST(cpio_path_and_mode_come_from_the_arguments)
{
	char path[64];
	unsigned mode;
	CHECK(cpio_path_from_args("/lib/modules/e1000.ko", path, sizeof(path), &mode));
	CHECK_STR(path, "/lib/modules/e1000.ko");
	CHECK(mode == 0644);
	CHECK(cpio_path_from_args("/sbin/init mode=755", path, sizeof(path), &mode));
	CHECK_STR(path, "/sbin/init");
	CHECK(mode == 0755);
	CHECK(cpio_path_from_args("mode=700 /etc/x", path, sizeof(path), &mode));
	CHECK_STR(path, "/etc/x");
	CHECK(mode == 0700);
	CHECK(!cpio_path_from_args(NULL, path, sizeof(path), &mode));
	CHECK(!cpio_path_from_args("", path, sizeof(path), &mode));
	CHECK(!cpio_path_from_args("mode=600", path, sizeof(path), &mode));
	/* A path that does not fit is not cut to a different path. */
	CHECK(!cpio_path_from_args("/a/very/long/path/indeed", path, 8, &mode));
}

TEST(cpio_headers_for_a_file_in_a_directory)
{
	size_t len = cpio_headers("/etc/x", 0600, 5, NULL);
	uint8_t *buf = malloc(len);
	CHECK(len % CPIO_ALIGN == 0);
	CHECK(cpio_headers("/etc/x", 0600, 5, buf) == len);
	/* "etc": a directory, then "etc/x": the file. */
	CHECK(memcmp(buf, "070701", 6) == 0);
	CHECK(field(buf, 1) == 040755);
	CHECK(field(buf, 6) == 0);
	CHECK(field(buf, 11) == 4);
	CHECK(memcmp(buf + 110, "etc\0", 4) == 0);
	uint8_t *file = buf + 116; /* 110 + 4 = 114, padded to 116 */
	CHECK(memcmp(file, "070701", 6) == 0);
	CHECK(field(file, 1) == 0100600);
	CHECK(field(file, 4) == 1);
	CHECK(field(file, 6) == 5);
	CHECK(field(file, 11) == 6);
	CHECK(memcmp(file + 110, "etc/x\0", 6) == 0);
	CHECK(len == 116 + 116);
	free(buf);
	CHECK(cpio_headers("/", 0644, 1, NULL) == 0);
	CHECK(cpio_headers("init", 0755, 1, NULL) == 116);
}

/* A registered image holding text, with arguments. */
static struct image *add(const char *name, const char *text, const char *args)
{
	struct image *img = image_new(name);
	image_write(img, 0, text, strlen(text));
	image_register(img);
	if (args)
		image_set_cmdline(img, args);
	return img;
}

TEST(initrd_concatenates_aligned_and_wraps_renamed_files)
{
	struct image *kernel = add("vmlinuz", "HOSTEXEC kernel", "console=ttyS0");
	add("boot.ipxe", "#!ipxe\necho not an initrd\n", NULL);
	add("initrd.img", "ABCDEFG", NULL);          /* 7 bytes, then 1 zero */
	add("extra.cpio", "0123", NULL);
	add("x", "hello", "/etc/x mode=600");
	size_t len = image_initrd_build(kernel, NULL);
	uint8_t *buf = malloc(len);
	CHECK(image_initrd_build(kernel, buf) == len);
	CHECK(memcmp(buf, "ABCDEFG\0" "0123", 12) == 0);
	CHECK(memcmp(buf + 12, "070701", 6) == 0);
	CHECK(memcmp(buf + 12 + 110, "etc\0", 4) == 0);
	CHECK(field(buf + 12 + 116, 1) == 0100600);
	CHECK(memcmp(buf + 12 + 116 + 110, "etc/x\0", 6) == 0);
	CHECK(memcmp(buf + 12 + 232, "hello", 5) == 0);
	CHECK(len == 12 + 232 + 5);
	CHECK(image_is_initrd(image_find("initrd.img"), kernel));
	CHECK(!image_is_initrd(kernel, kernel));
	CHECK(!image_is_initrd(image_find("boot.ipxe"), kernel));
	free(buf);
	image_free_all();
}

TEST(initrd_name_with_a_slash_is_a_path)
{
	struct image *kernel = add("vmlinuz", "HOSTEXEC", NULL);
	struct image *conf = add("c", "k=v\n", NULL);
	image_rename(conf, "/etc/app.conf");
	size_t len = image_initrd_build(kernel, NULL);
	uint8_t *buf = malloc(len);
	image_initrd_build(kernel, buf);
	CHECK(memcmp(buf + 110, "etc\0", 4) == 0);
	CHECK(memcmp(buf + 116 + 110, "etc/app.conf\0", 13) == 0);
	CHECK(memcmp(buf + len - 4, "k=v\n", 4) == 0);
	free(buf);
	image_free_all();
	CHECK(image_initrd_build(NULL, NULL) == 0);
}
