/* A chained NBP's place in base memory (see bios_nbp_layout.h): the NBP
 * at 0x7c00, and a stack of its own just below it when base memory is
 * free there (where a PXE ROM's NBP usually finds it), else right after it. */
#include <stdio.h>
#include "bios_nbp_layout.h"

int nbp_layout_compute(size_t len, struct mem_range base_free, struct nbp_layout *out,
		       char *why, size_t why_size)
{
	uint64_t end = (uint64_t)NBP_LOAD + len;
	uint64_t above = (end + 15) & ~15ull;

	if (len == 0) {
		snprintf(why, why_size, "the NBP is empty");
		return -1;
	}
	if (base_free.start > NBP_LOAD) {
		snprintf(why, why_size, "bootnet's own real-mode part occupies 0x%x (free base "
			 "memory starts at 0x%llx)", NBP_LOAD, (unsigned long long)base_free.start);
		return -1;
	}
	if (end > base_free.end) {
		snprintf(why, why_size, "it is %zu bytes; an NBP loaded at 0x7c00 must end below "
			 "0x%llx, where free base memory ends (at most %llu bytes)", len,
			 (unsigned long long)base_free.end,
			 (unsigned long long)(base_free.end > NBP_LOAD ? base_free.end - NBP_LOAD : 0));
		return -1;
	}
	out->load = NBP_LOAD;
	if (base_free.start + NBP_STACK_SIZE <= NBP_LOAD) {
		out->stack = NBP_LOAD - NBP_STACK_SIZE;
	} else if (above + NBP_STACK_SIZE <= base_free.end) {
		out->stack = (uint32_t)above;
	} else {
		snprintf(why, why_size, "no room for the NBP's %u-byte stack next to its %zu bytes "
			 "in free base memory (0x%llx-0x%llx)", NBP_STACK_SIZE, len,
			 (unsigned long long)base_free.start, (unsigned long long)base_free.end);
		return -1;
	}
	out->sp = NBP_STACK_SIZE - 8;
	return 0;
}

int nbp_undi_check(bool nic_taken, const char *nic_at, char *why, size_t why_size)
{
	if (!nic_taken)
		return 0;
	snprintf(why, why_size, "bootnet's own driver has reset the NIC the PXE ROM's UNDI "
		 "drives (%s), so the PXE stack no longer knows its state; boot bootnet again "
		 "and chain before any netprobe that puts the native driver first", nic_at);
	return -1;
}
