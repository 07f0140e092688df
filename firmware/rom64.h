/* The rom64 build (bios/rom64.mk): the BIOS core cut down to fit a 64 KiB
 * NIC option ROM. The stand-ins for what it leaves out (the *_absent.c
 * files) refuse in these words, so a user learns which build to take. */
#ifndef ROM64_H
#define ROM64_H

#define ROM64_BUILD "this bootnet (the 64 KiB ROM build, bin/bootnet.rom)"
/* "... has no HTTPS; bin/bootnet-full.rom, ... have it" */
#define ROM64_LACKS(what) \
	ROM64_BUILD " has no " what "; bin/bootnet-full.rom, bootnet.kpxe, bootnet.pxe, " \
	"bootnet.usb and the .efi builds have it"

#endif
