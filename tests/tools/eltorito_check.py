#!/usr/bin/env python3
"""Reads an ISO's El Torito boot catalog on its own, from the El Torito
spec 1.0 (Boot Record Volume Descriptor at sector 17, validation entry and
its checksum, initial/default entry, section headers and entries), sharing
nothing with xorriso. Prints one line per boot entry: platform, emulation,
sector count and LBA; exits non-zero naming the first thing wrong."""
import struct
import sys

CD = 2048
PLATFORMS = {0x00: "x86", 0x01: "PowerPC", 0x02: "Mac", 0xEF: "EFI"}


def fail(msg):
    print("eltorito_check: " + msg)
    sys.exit(1)


def entry_line(e, platform):
    boot, media, _, _, _, count, lba = struct.unpack_from("<BBHBBHI", e)
    if boot != 0x88:
        fail("boot entry is not bootable (indicator %#x)" % boot)
    emul = "no emulation" if media & 0x0F == 0 else "emulation %d" % (media & 0x0F)
    print("boot entry: platform %s (%#04x), %s, %d sectors at LBA %d" %
          (PLATFORMS.get(platform, "?"), platform, emul, count, lba))


def main():
    iso = open(sys.argv[1], "rb").read()
    brvd = iso[17 * CD:18 * CD]
    if brvd[0] != 0 or brvd[1:6] != b"CD001" or not brvd[7:39].startswith(b"EL TORITO SPECIFICATION"):
        fail("no El Torito Boot Record Volume Descriptor at sector 17")
    cat_lba = struct.unpack_from("<I", brvd, 0x47)[0]
    cat = iso[cat_lba * CD:(cat_lba + 1) * CD]
    val = cat[:32]
    if val[0] != 1 or val[30:32] != b"\x55\xaa":
        fail("catalog at LBA %d has no validation entry" % cat_lba)
    if sum(struct.unpack("<16H", val)) & 0xFFFF:
        fail("validation entry checksum does not sum to zero")
    print("catalog at LBA %d: validation entry checksum OK" % cat_lba)
    entry_line(cat[32:64], val[1])
    off = 64
    while off + 32 <= CD and cat[off] in (0x90, 0x91):
        platform, count = cat[off + 1], struct.unpack_from("<H", cat, off + 2)[0]
        last = cat[off] == 0x91
        for i in range(count):
            entry_line(cat[off + 32 * (i + 1):off + 32 * (i + 2)], platform)
        off += 32 * (count + 1)
        if last:
            break


main()
