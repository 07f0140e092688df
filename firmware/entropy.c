/* The entropy mixer (see entropy.h). Each 32-byte block hashes a running
 * state, a counter, the hardware's bytes and the low bits of cycle-counter
 * deltas around small memory-touching loops: those deltas vary with
 * caches, interrupts and (under emulation) the host, so even without
 * hardware help no two boots draw the same bytes. */
#include <string.h>
#include "mbedtls/sha256.h"
#include "entropy.h"
#include "platform.h"

#define JITTER_SAMPLES 128

static uint8_t state[32];
static uint64_t counter;
static const char *source = "timer jitter only";

static void mix_jitter(mbedtls_sha256_context *ctx)
{
	volatile uint8_t scratch[1024]; /* on the stack: static data would sit in the .efi */
	uint8_t deltas[JITTER_SAMPLES];
	uint64_t prev = platform_cycles();
	for (int i = 0; i < JITTER_SAMPLES; i++) {
		/* A walk whose length depends on what came before. */
		unsigned steps = 16 + (unsigned)(prev & 63);
		for (unsigned s = 0; s < steps; s++)
			scratch[(s * 67 + (unsigned)prev) & (sizeof(scratch) - 1)] += (uint8_t)s;
		uint64_t now = platform_cycles();
		deltas[i] = (uint8_t)((now - prev) ^ ((now - prev) >> 8));
		prev = now;
	}
	mbedtls_sha256_update_ret(ctx, deltas, sizeof(deltas));
}

void entropy_fill(void *out, size_t len)
{
	uint8_t *dst = out, hw[32], block[32];
	while (len) {
		mbedtls_sha256_context ctx;
		const char *from = "none";
		size_t got = platform_entropy(hw, sizeof(hw), &from);
		uint64_t times[3] = { counter++, platform_now_ms(), platform_unix_time() };

		if (got && strcmp(from, "none") != 0)
			source = from;
		mbedtls_sha256_init(&ctx);
		mbedtls_sha256_starts_ret(&ctx, 0);
		mbedtls_sha256_update_ret(&ctx, state, sizeof(state));
		mbedtls_sha256_update_ret(&ctx, (const uint8_t *)times, sizeof(times));
		mbedtls_sha256_update_ret(&ctx, hw, got);
		mix_jitter(&ctx);
		mbedtls_sha256_finish_ret(&ctx, block);
		/* The next state is a hash of this block, so what was handed out
		 * does not give away what comes next. */
		mbedtls_sha256_ret(block, sizeof(block), state, 0);
		size_t take = len < sizeof(block) ? len : sizeof(block);
		memcpy(dst, block, take);
		dst += take;
		len -= take;
		mbedtls_sha256_free(&ctx);
	}
	memset(hw, 0, sizeof(hw));
	memset(block, 0, sizeof(block));
}

const char *entropy_source(void)
{
	return source;
}
