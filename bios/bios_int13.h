/* bootnet's SAN disk as a BIOS drive: INT 13h for its drive number served
 * by the core (through the real-mode blob of bios_int13_entry.S), INT 15h
 * E820 reporting bootnet's memory as reserved, the BIOS data area's disk
 * count and base-memory size adjusted, and the iBFT placed where the OS
 * finds it. One SAN drive at a time. */
#ifndef BIOS_INT13_H
#define BIOS_INT13_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct san_disk;

/* The drive number bootnet gives a disk asked for as drive: numbers the
 * BIOS's own hard disks hold (0x80 up to 0x80 + 0040:0075) move up past
 * them. */
unsigned bios_int13_drive_for(unsigned drive);

/* Hooks the vectors for disk (disk->drive set), with the iBFT (ibft_len
 * bytes, 0 for none) copied into bootnet's base memory, 16-byte aligned,
 * where Linux's scan of 512 KiB-1 MiB finds it. 0, or -1 with
 * disk->error set and the machine as it was. */
int bios_int13_install(struct san_disk *disk, const uint8_t *ibft, size_t ibft_len);

/* Undoes install when the vectors are still bootnet's; otherwise the
 * blob stays (someone hooked after it) and only stops serving the drive. */
void bios_int13_uninstall(struct san_disk *disk);

/* The core calls INT 13h on its own drive with a private function that
 * echoes every register transformed and the carry flag as asked: proves
 * the real-mode -> protected-mode round trip. false with why set. */
bool bios_int13_self_test(char *why, size_t size);

#endif
