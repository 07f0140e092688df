/* INT 13h request decoding (see int13_request.h). Field layouts from the
 * BIOS Enhanced Disk Drive specification (EDD 3.0). */
#include <string.h>
#include "../firmware/byteorder.h"
#include "int13_request.h"

void int13_geometry(uint64_t blocks, struct int13_geometry *g)
{
	g->sectors = 63;
	g->heads = 255;
	if (blocks < 63ull * 255) {
		g->heads = (uint32_t)(blocks / 63);
		if (g->heads == 0)
			g->heads = 1;
	}
	uint64_t cyl = blocks / ((uint64_t)g->heads * g->sectors);
	if (cyl > 1024)
		cyl = 1024;
	if (cyl == 0)
		cyl = 1;
	g->cylinders = (uint32_t)cyl;
}

void int13_chs_params(const struct int13_geometry *g, uint16_t *cx, uint8_t *dh)
{
	uint32_t last_cyl = g->cylinders - 1;
	*cx = (uint16_t)((last_cyl & 0xff) << 8 | (last_cyl >> 8 & 3) << 6 | (g->sectors & 0x3f));
	*dh = (uint8_t)(g->heads - 1);
}

bool int13_chs_to_lba(const struct int13_geometry *g, uint16_t cx, uint8_t dh, uint64_t *lba)
{
	uint32_t cyl = (uint32_t)(cx >> 8) | (uint32_t)(cx & 0xc0) << 2;
	uint32_t sector = cx & 0x3f;
	if (sector == 0 || sector > g->sectors || dh >= g->heads || cyl >= g->cylinders)
		return false;
	*lba = ((uint64_t)cyl * g->heads + dh) * g->sectors + sector - 1;
	return true;
}

bool int13_dap_parse(const uint8_t *p, size_t len, struct int13_dap *dap, const char **why)
{
	if (len < 16 || p[0] < 16) {
		*why = "disk address packet shorter than 16 bytes";
		return false;
	}
	dap->size = p[0];
	dap->count = get_le16(p + 2);
	uint16_t off = get_le16(p + 4), seg = get_le16(p + 6);
	dap->lba = get_le64(p + 8);
	if (off == 0xffff && seg == 0xffff) {
		/* EDD 3.0: the buffer is the 64-bit flat address that follows. */
		if (p[0] < 24 || len < 24) {
			*why = "disk address packet asks for a 64-bit buffer but is shorter than 24 bytes";
			return false;
		}
		dap->buffer = get_le64(p + 16);
	} else {
		dap->buffer = ((uint64_t)seg << 4) + off;
	}
	return true;
}

size_t int13_edd_params(uint8_t *buf, size_t avail, const struct int13_geometry *g,
			uint64_t blocks, uint16_t block_size)
{
	uint16_t asked = avail >= 2 ? get_le16(buf) : 0;
	size_t size = asked >= 30 ? 30 : 26;
	if (asked < 26 || avail < size)
		return 0;
	memset(buf, 0, size);
	put_le16(buf, (uint16_t)size);
	put_le16(buf + 2, 0x0002);          /* the CHS fields below are valid */
	put_le32(buf + 4, g->cylinders);
	put_le32(buf + 8, g->heads);
	put_le32(buf + 12, g->sectors);
	put_le32(buf + 16, (uint32_t)blocks);
	put_le32(buf + 20, (uint32_t)(blocks >> 32));
	put_le16(buf + 24, block_size);
	if (size >= 30)
		put_le32(buf + 26, 0xffffffff); /* no device parameter table extension */
	return size;
}
