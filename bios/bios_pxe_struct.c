/* PXENV+ and !PXE checks (see bios_pxe_struct.h). */
#include <stdio.h>
#include <string.h>
#include "../firmware/byteorder.h"
#include "bios_pxe_struct.h"

static bool sums_to_zero(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return sum == 0;
}

/* Signature, length (the byte at length_at) and checksum. */
static bool check_struct(const char *name, const uint8_t *p, size_t avail, size_t sig_len,
			 size_t length_at, size_t min_len, char *why, size_t why_size)
{
	size_t len;

	if (avail < length_at + 1 || memcmp(p, name, sig_len) != 0) {
		snprintf(why, why_size, "no %s signature", name);
		return false;
	}
	len = p[length_at];
	if (len < min_len || len > avail) {
		snprintf(why, why_size, "%s structure with an impossible length (%zu bytes)", name, len);
		return false;
	}
	if (!sums_to_zero(p, len)) {
		snprintf(why, why_size, "%s structure with a bad checksum", name);
		return false;
	}
	return true;
}

bool pxenv_check(const uint8_t *p, size_t avail, uint16_t *version, struct far_ptr *pxe,
		 char *why, size_t why_size)
{
	/* Versions before 2.1 may be shorter (no PXEPtr): 0x26 is the 2.0 length. */
	if (!check_struct("PXENV+", p, avail, 6, 8, 0x26, why, why_size))
		return false;
	*version = get_le16(p + 6);
	pxe->seg = pxe->off = 0;
	if (*version >= 0x0201 && p[8] >= PXENV_LENGTH_MIN) {
		pxe->off = get_le16(p + 0x28);
		pxe->seg = get_le16(p + 0x2a);
	}
	return true;
}

bool pxe_check(const uint8_t *p, size_t avail, char *why, size_t why_size)
{
	return check_struct("!PXE", p, avail, 4, 4, PXE_LENGTH_MIN, why, why_size);
}
