/* The order in which network paths are tried on each NIC: "snp,native,nii"
 * (build option NETPATH=..., or the ${netpath} setting before `netprobe`). */
#ifndef NETPATH_ORDER_H
#define NETPATH_ORDER_H

#include <stdbool.h>
#include <stddef.h>

/* How a NIC can be driven: the firmware's SNP or NII (UEFI), its UNDI
 * (BIOS PXE ROM), or one of bootnet's own drivers. */
enum probe_path { PROBE_SNP, PROBE_NATIVE, PROBE_NII, PROBE_UNDI };
#define PROBE_PATH_KINDS 4

struct netpath_order {
	int count;
	enum probe_path path[PROBE_PATH_KINDS];
};

/* Parses a comma-separated list of snp, native, nii, undi (each at most
 * once, at least one). false with why filled in when the text is not one. */
bool netpath_order_parse(const char *text, struct netpath_order *order, char *why,
			 size_t why_size);
/* "snp", "native"...: the word netpath_order_parse reads. */
const char *probe_path_word(enum probe_path path);
/* "SNP", "native driver"...: for people. */
const char *probe_path_name(enum probe_path path);

#endif
