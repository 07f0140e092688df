/* bootnet's name and version, fixed at build time. */
#ifndef VERSION_H
#define VERSION_H

#define BOOTNET_NAME "bootnet"
/* The Makefile writes build/bootnet_version.h from `git describe`. */
#if __has_include("bootnet_version.h")
#include "bootnet_version.h"
#else
#define BOOTNET_VERSION "unknown"
#endif

#endif
