/* The x86 CPU's own randomness and cycle counter, for the platforms (EFI
 * and BIOS both run on x86): RDSEED and RDRAND when CPUID says the CPU has
 * them, and the time-stamp counter whose jitter firmware/entropy.c mixes. */
#ifndef CPU_RANDOM_H
#define CPU_RANDOM_H

#include <cpuid.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline bool cpu_has_rdrand(void)
{
	unsigned a, b, c, d;
	return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_RDRND);
}

static inline bool cpu_has_rdseed(void)
{
	unsigned a, b, c, d;
	return __get_cpuid_max(0, 0) >= 7 && __get_cpuid_count(7, 0, &a, &b, &c, &d) &&
	       (b & bit_RDSEED);
}

/* One 32-bit value; false when the CPU had none ready (carry clear). */
static inline bool cpu_rdrand32(uint32_t *v)
{
	unsigned char ok;
	__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
	return ok;
}

static inline bool cpu_rdseed32(uint32_t *v)
{
	unsigned char ok;
	__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
	return ok;
}

static inline uint64_t cpu_cycles(void)
{
	return __builtin_ia32_rdtsc();
}

/* Fills buf from RDSEED, else RDRAND; how many bytes it could (0: the CPU
 * has neither, or both ran dry). */
size_t cpu_random_fill(void *buf, size_t len);

#endif
