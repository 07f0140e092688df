/* Receiving through UNDI by polling PXENV_UNDI_ISR: IN_PROCESS starts a
 * round, GET_NEXT continues it until DONE; a received frame may come in
 * several fragments, put together here. IN_START is for interrupt
 * handlers: iPXE-based ROMs (QEMU's) answer it "not ours" whenever the
 * NIC's interrupt is off, as it is while we poll, so it is not used. */
#include <stdio.h>
#include <string.h>
#include "pxe_undi.h"

#define MAX_STEPS 64   /* ISR calls per receive, so a confused stack cannot hang us */

static void frame_reset(struct pxe_undi *u)
{
	u->frame_len = u->frame_got = 0;
	u->frame_too_big = false;
}

/* Adds one fragment; true when the frame is complete. */
static bool add_fragment(struct pxe_undi *u, const struct pxenv_undi_isr *isr, size_t size)
{
	size_t take;

	if (u->frame_got == 0) {
		u->frame_len = isr->frame_length;
		u->frame_too_big = u->frame_len > sizeof(u->frame) || u->frame_len > size;
	}
	take = isr->buffer_length;
	if (take > u->frame_len - u->frame_got)
		take = u->frame_len - u->frame_got; /* never past the frame's stated length */
	if (!u->frame_too_big && take)
		u->port->read_real(u->port, isr->frame, u->frame + u->frame_got, take);
	u->frame_got += take;
	/* A fragment with no bytes in it would never finish the frame. */
	return u->frame_got >= u->frame_len || isr->buffer_length == 0;
}

int pxe_undi_receive(struct pxe_undi *u, void *buf, size_t size)
{
	for (int step = 0; step < MAX_STEPS; step++) {
		struct pxenv_undi_isr isr;
		memset(&isr, 0, sizeof(isr));
		isr.func_flag = u->isr_processing ? PXE_ISR_IN_GET_NEXT : PXE_ISR_IN_PROCESS;
		if (pxe_undi_call(u, PXENV_UNDI_ISR, "PXENV_UNDI_ISR", &isr, sizeof(isr))) {
			u->isr_processing = false;
			frame_reset(u);
			return 0;
		}
		u->isr_processing = true;
		switch (isr.func_flag) {
		case PXE_ISR_OUT_TRANSMIT:
			continue; /* a frame went out */
		case PXE_ISR_OUT_RECEIVE:
			if (!add_fragment(u, &isr, size))
				continue;
			if (u->frame_too_big || u->frame_got < u->frame_len || !u->frame_len) {
				u->frames_dropped++;
				frame_reset(u);
				continue;
			}
			size_t len = u->frame_len;
			memcpy(buf, u->frame, len);
			frame_reset(u);
			return (int)len;
		case PXE_ISR_OUT_DONE:
		default:               /* BUSY, or a value the spec does not have */
			u->isr_processing = false;
			frame_reset(u);
			return 0;
		}
	}
	return 0;
}
