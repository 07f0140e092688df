/* Fuzz target: a hostile PXE stack answering every UNDI call of the
 * receive path and the cached-DHCP query with whatever the input says
 * (results, lengths, fragment data): no overrun, no endless loop. The
 * caller's buffer is a heap block of exactly the size passed, so ASan
 * sees any write past it; each fragment read is checked against what
 * the stack announced for it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/pxe_undi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct hostile {
	struct pxe_port port;
	const uint8_t *in;
	size_t left;
	struct segoff16 fragment;   /* what the last ISR answer announced */
	size_t fragment_len;
	/* Fragments start below 0x1000 and hold at most 0xffff bytes. */
	uint8_t mem[0x1000 + 0x10000];
};

static uint16_t take16(struct hostile *h)
{
	uint16_t v = 0;
	if (h->left >= 2) {
		v = (uint16_t)(h->in[0] | h->in[1] << 8);
		h->in += 2;
		h->left -= 2;
	} else {
		h->left = 0;
	}
	return v;
}

static uint16_t hostile_call(struct pxe_port *port, uint16_t opcode, void *params, size_t size)
{
	struct hostile *h = (struct hostile *)port;
	if (opcode == PXENV_UNDI_ISR) {
		struct pxenv_undi_isr *isr = params;
		isr->status = h->left ? 0 : 1;
		isr->func_flag = h->left ? take16(h) % 6 : PXE_ISR_OUT_DONE;
		isr->buffer_length = take16(h);
		isr->frame_length = take16(h);
		isr->frame = (struct segoff16){ take16(h) % 0x1000, 0 };
		h->fragment = isr->frame;
		h->fragment_len = isr->buffer_length;
	} else if (opcode == PXENV_GET_CACHED_INFO) {
		struct pxenv_get_cached_info *ci = params;
		size_t n = h->left < port->data_size ? h->left : port->data_size;
		memcpy(port->data, h->in, n);
		ci->buffer_size = take16(h);
		ci->status = 0;
	} else {
		memset(params, 0, size);
	}
	return 0;
}

static void hostile_read(struct pxe_port *port, struct segoff16 at, void *dst, size_t len)
{
	struct hostile *h = (struct hostile *)port;
	size_t linear = (size_t)at.seg * 16 + at.off;
	/* The receive path read elsewhere than the announced fragment, or more
	 * than it holds. */
	if (at.seg != h->fragment.seg || at.off != h->fragment.off || len > h->fragment_len ||
	    linear + len > sizeof(h->mem))
		__builtin_trap();
	memcpy(dst, h->mem + linear, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hostile h;
	static struct pxe_undi u;
	struct netdev_cached_dhcp cached;

	memset(&u, 0, sizeof(u));
	h.port.call = hostile_call;
	h.port.read_real = hostile_read;
	h.port.data = h.mem + 0x1000;
	h.port.data_at = (struct segoff16){ 0, 0x100 };
	h.port.data_size = 0x1000;
	h.in = data;
	h.left = size;
	h.fragment_len = 0;
	u.port = &h.port;
	for (int i = 0; i < 8 && h.left; i++) {
		size_t room = NETDEV_MAX_FRAME - (size_t)i * 100;
		uint8_t *frame = malloc(room);
		if (!frame)
			return 0;
		int len = pxe_undi_receive(&u, frame, room);
		free(frame);
		if (len < 0 || (size_t)len > room)
			__builtin_trap();
	}
	memset(&cached, 0, sizeof(cached));
	pxe_undi_cached_dhcp(&u, &cached);
	if (cached.ack && cached.ack_len > h.port.data_size)
		__builtin_trap();
	free(cached.ack);
	free(cached.pxe_reply);
	return 0;
}
