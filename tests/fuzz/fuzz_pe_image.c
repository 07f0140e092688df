/* libFuzzer target for firmware/pe_image.c: any bytes may arrive as an
 * "EFI program". Parsing must never read past the input (ASan), and what
 * it accepts must be self-consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/pe_image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so any over-read is caught. */
	uint8_t *copy = malloc(size ? size : 1);
	struct pe_info info;
	char msg[256];

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	enum pe_status status = pe_image_parse(copy, size, &info);
	if (!pe_status_text(status))
		abort();
	if (status == PE_OK) {
		if (info.image_size == 0 || info.entry >= info.image_size)
			abort();
		for (int i = 0; i < 2; i++) {
			const char *arch = i ? "i386" : "x86_64";
			int rc = pe_check_runnable(&info, arch, "fuzz.efi", msg, sizeof(msg));
			if (rc == 0 && info.machine != pe_machine_of_arch(arch))
				abort();
			if (rc != 0 && strlen(msg) == 0)
				abort();
		}
	}
	free(copy);
	return 0;
}
