/* libFuzzer target for firmware/pe_image.c: any bytes may arrive as an
 * "EFI program". Parsing must never read past the input (ASan), and what
 * it accepts must be self-consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/pe_image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses exactly size bytes (any over-read is caught) and checks what is
 * accepted. */
static void fuzz_parse(const uint8_t *copy, size_t size)
{
	struct pe_info info;
	char msg[256];

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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1), *framed = malloc(size + 0x44);
	if (copy && framed) {
		memcpy(copy, data, size);
		fuzz_parse(copy, size);
		/* Again behind valid signatures (e_lfanew 0x40), so the fuzzer
		 * works on the COFF and optional headers. */
		memset(framed, 0, 0x44);
		framed[0] = 'M';
		framed[1] = 'Z';
		framed[0x3c] = 0x40;
		memcpy(framed + 0x40, "PE\0\0", 4);
		memcpy(framed + 0x44, data, size);
		fuzz_parse(framed, size + 0x44);
	}
	free(copy);
	free(framed);
	return 0;
}
