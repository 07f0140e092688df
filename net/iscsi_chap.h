/* CHAP (RFC 1994) as iSCSI logins use it (RFC 7143 section 12.1.3): MD5
 * only (CHAP_A=5), the initiator answering the target's challenge and, for
 * mutual CHAP, challenging the target in turn. Pure: host-tested. */
#ifndef NET_ISCSI_CHAP_H
#define NET_ISCSI_CHAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHAP_MD5_LEN 16
#define CHAP_ALGORITHM_MD5 5
#define CHAP_MAX_CHALLENGE 1024

/* MD5(identifier || secret || challenge): the response to a challenge. */
void chap_md5_response(uint8_t id, const char *secret, const uint8_t *challenge,
		       size_t challenge_len, uint8_t out[CHAP_MD5_LEN]);

/* A binary value as iSCSI writes it: "0x" hex or "0b" base64 (RFC 7143
 * section 6.1). false when malformed, empty or longer than max. */
bool chap_decode(const char *text, uint8_t *out, size_t max, size_t *len);
/* "0x" and lowercase hex into out (2 * len + 3 bytes). */
void chap_encode_hex(const uint8_t *bin, size_t len, char *out);

/* Whether a response (as text) is the right one for our challenge. */
bool chap_check_response(const char *response_text, uint8_t id, const char *secret,
			 const uint8_t *challenge, size_t challenge_len);

#endif
