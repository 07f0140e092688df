/* The image list: names from URIs, registration order, replacement of a
 * name already taken, selection, command lines, growth of the buffer. */
#include <stdlib.h>
#include "../../firmware/image.h"
#include "test.h"

TEST(image_names_come_from_the_last_path_segment)
{
	struct image *a = image_new("http://10.0.0.1/boot/vmlinuz?x=1#frag");
	struct image *b = image_new("tftp://10.0.0.1/pxelinux.0");
	CHECK_STR(a->name, "vmlinuz");
	CHECK_STR(b->name, "pxelinux.0");
	image_free(a);
	image_free(b);
}

TEST(image_list_keeps_order_replaces_names_and_selects)
{
	struct image *k = image_new("http://s/vmlinuz");
	struct image *i = image_new("http://s/initrd.img");
	struct image *k2 = image_new("http://t/vmlinuz");
	image_register(k);
	image_register(i);
	CHECK(image_first() == k && k->next == i);
	image_select(k);
	CHECK(image_selected() == k);
	image_register(k2); /* same name: the old one goes */
	CHECK(image_first() == i && i->next == k2);
	CHECK(image_find("vmlinuz") == k2);
	CHECK(image_selected() == NULL);
	CHECK(image_set_cmdline(k2, "console=ttyS0 quiet") == 0);
	CHECK_STR(k2->cmdline, "console=ttyS0 quiet");
	image_rename(i, "initrd");
	CHECK(image_find("initrd") == i);
	image_free(i);
	CHECK(image_first() == k2 && k2->next == NULL);
	image_free_all();
	CHECK(image_first() == NULL);
}

TEST(image_write_grows_and_keeps_data)
{
	struct image *img = image_new("x");
	static unsigned char block[100000];
	for (size_t n = 0; n < sizeof(block); n++)
		block[n] = (unsigned char)n;
	CHECK(image_write(img, 0, block, sizeof(block)) == 0);
	CHECK(image_write(img, sizeof(block), block, 10) == 0);
	CHECK(img->len == sizeof(block) + 10);
	CHECK(memcmp(img->data, block, sizeof(block)) == 0);
	CHECK(img->data[sizeof(block) + 9] == 9);
	image_free(img);
}
