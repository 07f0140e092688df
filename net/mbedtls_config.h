/* mbed TLS 2.28 configuration for bootnet: a TLS 1.2 client with ECDHE,
 * RSA/ECDSA certificates, AES-GCM and ChaCha20-Poly1305, no files, no
 * sockets, no threads, memory from the platform through calloc/free. */
#ifndef BOOTNET_MBEDTLS_CONFIG_H
#define BOOTNET_MBEDTLS_CONFIG_H

/* Platform: freestanding. */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_SNPRINTF_MACRO   snprintf
#define MBEDTLS_PLATFORM_CALLOC_MACRO     calloc
#define MBEDTLS_PLATFORM_FREE_MACRO       free
#define MBEDTLS_PLATFORM_PRINTF_MACRO     console_printf
#define MBEDTLS_PLATFORM_FPRINTF_MACRO    mbedtls_no_fprintf
#define MBEDTLS_PLATFORM_EXIT_MACRO       mbedtls_no_exit
#define MBEDTLS_PLATFORM_VSNPRINTF_MACRO  vsnprintf
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_NO_UDBL_DIVISION /* 128-bit division would need libgcc */
#define MBEDTLS_VERSION_C

/* Hashes and ciphers. */
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_SHA1_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_AES_C
#define MBEDTLS_GCM_C
#define MBEDTLS_CHACHA20_C
#define MBEDTLS_POLY1305_C
#define MBEDTLS_CHACHAPOLY_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_HMAC_DRBG_C

/* Public keys and certificates. */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_CHECK_KEY_USAGE
#define MBEDTLS_X509_CHECK_EXTENDED_KEY_USAGE
/* No MBEDTLS_HAVE_TIME_DATE: net/tls.c checks certificate dates itself,
 * against platform_unix_time(), and refuses when the clock is unset. */

/* TLS 1.2 client. */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#define MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_SSL_CIPHERSUITES \
	MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, \
	MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, \
	MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, \
	MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, \
	MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, \
	MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256

#define MBEDTLS_ERROR_C /* readable names for TLS failures */

#include <stddef.h>
int console_printf(const char *fmt, ...);
int mbedtls_no_fprintf(void *stream, const char *fmt, ...);
void mbedtls_no_exit(int status);

#include "mbedtls/check_config.h"

#endif
