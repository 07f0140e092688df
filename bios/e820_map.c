/* E820 map merging (e820_map.h). */
#include <stddef.h>
#include "e820_map.h"

#define WORK_MAX 512
#define PAGE 4096u

static uint64_t end_of(const struct e820_entry *e)
{
	uint64_t end = e->base + e->length;
	return end < e->base ? UINT64_MAX : end; /* a length that wraps: to the top */
}

/* ACPI 3 extended attributes: bit 0 clear means "ignore this entry"
 * (the prefix sets it for BIOSes that return only 20 bytes). */
static int counts(const struct e820_entry *e)
{
	return e->acpi_attr & 1;
}

/* Insertion sort by start: maps are short. */
static void sort_ranges(struct mem_range *r, int n)
{
	for (int i = 1; i < n; i++) {
		struct mem_range x = r[i];
		int j = i;
		while (j > 0 && r[j - 1].start > x.start) {
			r[j] = r[j - 1];
			j--;
		}
		r[j] = x;
	}
}

/* Removes [cut_start, cut_end) from the n ranges in r (capacity cap). */
static int subtract(struct mem_range *r, int n, int cap, uint64_t cut_start, uint64_t cut_end)
{
	for (int i = 0; i < n; i++) {
		struct mem_range u = r[i];
		if (cut_end <= u.start || cut_start >= u.end)
			continue;
		if (cut_start > u.start && cut_end < u.end) {
			/* Reserved in the middle: two pieces. */
			r[i].end = cut_start;
			if (n < cap)
				r[n++] = (struct mem_range){ cut_end, u.end };
			continue;
		}
		if (cut_start > u.start)
			r[i].end = cut_start;
		else if (cut_end < u.end)
			r[i].start = cut_end;
		else
			r[i].start = r[i].end = 0; /* wholly reserved: dropped below */
	}
	return n;
}

int e820_usable(const struct e820_entry *entries, int n, struct mem_range *out, int max)
{
	struct mem_range work[WORK_MAX];
	int count = 0, merged = 0, result = 0;

	for (int i = 0; i < n && count < WORK_MAX; i++)
		if (entries[i].type == E820_TYPE_RAM && entries[i].length && counts(&entries[i]))
			work[count++] = (struct mem_range){ entries[i].base, end_of(&entries[i]) };
	sort_ranges(work, count);
	for (int i = 0; i < count; i++) {
		if (merged && work[i].start <= work[merged - 1].end) {
			if (work[i].end > work[merged - 1].end)
				work[merged - 1].end = work[i].end;
		} else {
			work[merged++] = work[i];
		}
	}
	count = merged;
	for (int i = 0; i < n; i++)
		if (entries[i].type != E820_TYPE_RAM && entries[i].length && counts(&entries[i]))
			count = subtract(work, count, WORK_MAX, entries[i].base, end_of(&entries[i]));
	sort_ranges(work, count);
	for (int i = 0; i < count; i++) {
		uint64_t start = work[i].start, end = work[i].end;
		start = start > UINT64_MAX - (PAGE - 1) ? UINT64_MAX : (start + PAGE - 1) & ~(uint64_t)(PAGE - 1);
		end &= ~(uint64_t)(PAGE - 1);
		if (end <= start)
			continue;
		if (result < max)
			out[result] = (struct mem_range){ start, end };
		result++;
	}
	return result;
}
