/* iSCSI root paths as iPXE and RFC 4173 write them:
 *   iscsi:<server>:[<protocol>]:[<port>]:[<LUN>]:<targetname>
 * Empty fields take their defaults (protocol 6 = TCP, port 3260, LUN 0);
 * the target name may itself hold colons. The LUN is hexadecimal, up to
 * four '-'-separated 16-bit groups that make the 8-byte SCSI LUN as sent
 * on the wire (RFC 4173; "10" is LUN 16, "0-1" is bytes 00 00 00 01). Pure: host-tested and fuzzed. */
#ifndef NET_ISCSI_URI_H
#define NET_ISCSI_URI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ISCSI_DEFAULT_PORT 3260
#define ISCSI_NAME_MAX 224 /* RFC 7143: names are at most 223 bytes */

struct iscsi_uri {
	char server[256];
	uint16_t port;
	uint8_t lun[8];            /* the SCSI LUN field, as on the wire */
	char target[ISCSI_NAME_MAX];
};

/* false with why filled in ("no target name", "protocol 17 is not TCP"...). */
bool iscsi_uri_parse(const char *text, struct iscsi_uri *out, char *why, size_t why_size);

#endif
