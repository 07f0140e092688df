/* Image kinds in words (see image_kind.h). */
#include <stdio.h>
#include "bzimage.h"
#include "image_kind.h"
#include "pe_image.h"
#include "script.h"

void image_kind_text(const struct image *img, char *buf, size_t size)
{
	struct pe_info pe;
	struct bzimage_info bz;
	const char *machine;

	if (script_probe(img)) {
		snprintf(buf, size, "iPXE script");
	} else if (bzimage_parse(img->data, img->len, &bz) == BZ_OK) {
		/* Before PE: a kernel with an EFI stub is both. */
		bzimage_describe(&bz, buf, size);
	} else if (pe_image_parse(img->data, img->len, &pe) == PE_OK) {
		machine = pe_machine_name(pe.machine);
		if (pe_is_efi(&pe))
			snprintf(buf, size, "EFI program (%s)", machine ? machine : "unknown machine");
		else
			snprintf(buf, size, "PE/COFF program, not EFI");
	} else {
		snprintf(buf, size, "data");
	}
}
