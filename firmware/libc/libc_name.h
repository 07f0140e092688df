/* How this libc names its functions.
 *
 * In the firmware these are the ordinary C names (memcpy, snprintf, ...).
 * Host unit tests link this libc beside the host's own, so there every
 * public name gets a "libc_" prefix and the tests can compare the two. */
#ifndef LIBC_NAME_H
#define LIBC_NAME_H

#ifdef LIBC_HOST_TEST
#define LIBC(name) libc_##name
#else
#define LIBC(name) name
#endif

#endif
