/* Random bytes on EFI (platform_entropy): the firmware's RNG protocol when
 * it has one, else the CPU's RDSEED or RDRAND; the core mixes them with
 * timer jitter (firmware/entropy.c), which is all there is when neither
 * exists. */
#include <string.h>
#include "../firmware/cpu_random.h"
#include "../firmware/platform.h"
#include "efi_platform.h"

static size_t from_efi_rng(uint8_t *buf, size_t len)
{
	EFI_GUID guid = EFI_RNG_PROTOCOL_GUID;
	EFI_RNG_PROTOCOL *rng;
	if (efi_bs->LocateProtocol(&guid, NULL, (void **)&rng) != EFI_SUCCESS || !rng)
		return 0;
	/* NULL: the firmware's default algorithm. */
	return rng->GetRNG(rng, NULL, len, buf) == EFI_SUCCESS ? len : 0;
}

size_t platform_entropy(void *buf, size_t len, const char **source)
{
	size_t n = from_efi_rng(buf, len);
	if (n) {
		*source = "the EFI RNG protocol";
		return n;
	}
	n = cpu_random_fill(buf, len);
	*source = n ? (cpu_has_rdseed() ? "RDSEED" : "RDRAND") : "none";
	return n;
}

uint64_t platform_cycles(void)
{
	return cpu_cycles();
}
