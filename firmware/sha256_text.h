/* SHA-256 of a buffer as 64 lowercase hex digits (sha256sum's format). */
#ifndef SHA256_TEXT_H
#define SHA256_TEXT_H

#include <stddef.h>
#include <stdint.h>

void sha256_text(const uint8_t *data, size_t len, char hex[65]);

#endif
