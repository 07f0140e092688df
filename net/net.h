/* The network stack's start-up and identity. */
#ifndef NET_H
#define NET_H

/* Starts lwIP; called once before any network device opens. */
void net_init(void);
/* "lwIP 2.1.3, mbed TLS 2.28.3 (HTTPS trusts the 144 CAs of
 * ca-certificates.crt)": the libraries this build carries (net_libraries.c;
 * the rom64 build's net_libraries_rom64.c also says what it leaves out). */
const char *net_libraries_version(void);

#endif
