/* errno for the libraries we compile (lwIP, mbedTLS); bootnet's own code
 * reports errors through firmware/error.h instead. */
#ifndef _ERRNO_H
#define _ERRNO_H
extern int errno;
#define EINVAL 22
#define ENOMEM 12
#define ERANGE 34
#endif
