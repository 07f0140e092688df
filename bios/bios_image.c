/* Images on BIOS: starting Linux and chaining NBPs is not built yet (it
 * comes with bios_linux*.c and bios_nbp*.c); until then no image is
 * runnable and running one says so. */
#include "../firmware/console.h"
#include "../firmware/image.h"
#include "../firmware/platform.h"

bool platform_image_probe(const struct image *img)
{
	(void)img;
	return false;
}

int platform_image_exec(struct image *img)
{
	(void)img;
	console_printf("Booting images on BIOS is not built yet in this bootnet "
		       "(bootnet.kpxe runs scripts only)\n");
	return -1;
}
