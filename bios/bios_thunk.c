/* The C side of the real-mode thunk (bios_thunk.h): fill the request
 * block the prefix keeps in base memory, run the prefix's thunk32, read
 * the results back. prefix.S does the mode switches. */
#include <string.h>
#include "bios_platform.h"
#include "bios_thunk.h"

_Static_assert(sizeof(struct bios_regs) == 36, "bios_regs matches the thunk's request block");

static struct thunk_request *request(void)
{
	return bios_linear(bios_handover->request);
}

static void run_thunk(void)
{
	void (*thunk)(void) = (void (*)(void))(uintptr_t)bios_handover->thunk_entry;
	thunk();
}

void bios_int(uint8_t vector, struct bios_regs *regs)
{
	struct thunk_request *rq = request();
	memcpy(rq, regs, sizeof(*regs));
	rq->kind = THUNK_INT;
	rq->vector = vector;
	run_thunk();
	memcpy(regs, rq, sizeof(*regs));
}

uint16_t bios_far_call(uint16_t seg, uint16_t off, const uint16_t *words, int nwords,
		       struct bios_regs *regs)
{
	struct thunk_request *rq = request();
	if (nwords < 0)
		nwords = 0;
	if (nwords > 16)
		nwords = 16;
	if (regs)
		memcpy(rq, regs, sizeof(*regs));
	else
		memset(rq, 0, sizeof(struct bios_regs));
	rq->kind = THUNK_CALL;
	rq->target_seg = seg;
	rq->target_off = off;
	rq->nwords = (uint16_t)nwords;
	for (int i = 0; i < nwords; i++)
		rq->words[i] = words[i];
	run_thunk();
	if (regs)
		memcpy(regs, rq, sizeof(*regs));
	return (uint16_t)rq->eax;
}

void *bios_low_buffer(uint16_t *seg, uint16_t *off, uint32_t *size)
{
	uint32_t linear = bios_handover->bounce;
	*seg = (uint16_t)(linear >> 4);
	*off = (uint16_t)(linear & 15);
	*size = bios_handover->bounce_size;
	return bios_linear(linear);
}

void bios_real_jump(const struct bios_real_entry *entry)
{
	struct thunk_request *rq = request();
	memset(rq, 0, sizeof(*rq));
	rq->eax = entry->eax;
	rq->ebx = entry->ebx;
	rq->ecx = entry->ecx;
	rq->edx = entry->edx;
	rq->esi = entry->esi;
	rq->edi = entry->edi;
	rq->ebp = entry->ebp;
	rq->ds = entry->ds;
	rq->es = entry->es;
	rq->fs = entry->fs;
	rq->gs = entry->gs;
	rq->ss = entry->ss;
	rq->sp = entry->sp;
	rq->target_seg = entry->cs;
	rq->target_off = entry->ip;
	rq->kind = THUNK_JUMP;
	run_thunk();
	for (;;)
		__asm__ volatile("hlt"); /* not reached: the thunk does not come back */
}
