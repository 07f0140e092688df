#!/usr/bin/env python3
"""Reads an ISO's El Torito boot catalog on its own, from the El Torito
spec 1.0 (Boot Record Volume Descriptor at sector 17, validation entry and
its checksum, initial/default entry, section headers and entries), sharing
nothing with xorriso. Prints one line per boot entry: platform, emulation,
sector count and LBA; exits non-zero naming the first thing wrong.

The x86 no-emulation entry (bootnet's CD loader followed by bootnet.kpxe)
must be a file in the root directory (found through the primary volume
descriptor's root directory record, ISO 9660) carrying a boot info table
at bytes 8-63, as mkisofs/xorriso's -boot-info-table writes it: the
primary volume descriptor's LBA, the boot file's LBA and its length in
bytes, and the 32-bit sum of its little-endian words from byte 64 on. Each
is checked against what this script reads from the ISO itself; a line
says what was found. With --bios-file OUT, that boot file (its whole
length, from the directory record) is written to OUT."""
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
    return (platform, media & 0x0F, count, lba)


def primary_volume(iso):
    """The LBA of the primary volume descriptor, scanning from sector 16."""
    lba = 16
    while (lba + 1) * CD <= len(iso):
        vd = iso[lba * CD:(lba + 1) * CD]
        if vd[1:6] != b"CD001":
            break
        if vd[0] == 1:
            return lba
        if vd[0] == 255:
            break
        lba += 1
    fail("no primary volume descriptor")


def root_files(iso, pvd_lba):
    """{extent: (name, size)} for the files in the root directory."""
    root = iso[pvd_lba * CD + 156:pvd_lba * CD + 156 + 34]
    extent, size = struct.unpack_from("<I", root, 2)[0], struct.unpack_from("<I", root, 10)[0]
    files = {}
    off, end = extent * CD, extent * CD + size
    while off < end:
        length = iso[off]
        if length == 0:                     # records do not cross sectors
            off = (off // CD + 1) * CD
            continue
        rec = iso[off:off + length]
        ext, dsize, flags, nlen = (struct.unpack_from("<I", rec, 2)[0], struct.unpack_from("<I", rec, 10)[0],
                                   rec[25], rec[32])
        name = rec[33:33 + nlen]
        if not flags & 2 and name not in (b"\0", b"\1"):
            files[ext] = (name.decode("ascii", "replace"), dsize)
        off += length
    return files


def check_boot_info(iso, entry, pvd_lba, files, out):
    _, _, _, lba = entry
    if lba not in files:
        fail("the x86 boot entry's LBA %d is no file in the root directory" % lba)
    name, size = files[lba]
    data = iso[lba * CD:lba * CD + size]
    if len(data) != size:
        fail("the boot file %s runs past the end of the ISO" % name)
    t_pvd, t_lba, t_len, t_sum = struct.unpack_from("<4I", data, 8)
    if (t_pvd, t_lba, t_len, t_sum) == (0, 0, 0, 0):
        fail("the boot file %s has no boot info table (bytes 8-23 are zero)" % name)
    if t_pvd != pvd_lba:
        fail("boot info table: primary volume descriptor at LBA %d, not %d" % (t_pvd, pvd_lba))
    if t_lba != lba:
        fail("boot info table: boot file at LBA %d, not %d (the catalog and directory say)" % (t_lba, lba))
    if t_len != size:
        fail("boot info table: boot file of %d bytes, not %d (the directory says)" % (t_len, size))
    rest = data[64:] + b"\0" * (-(size - 64) % 4)
    total = sum(struct.unpack("<%dI" % (len(rest) // 4), rest)) & 0xFFFFFFFF
    if t_sum != total:
        fail("boot info table: checksum %#010x, the file's bytes from 64 sum to %#010x" % (t_sum, total))
    print("boot info table: PVD at LBA %d, boot file %s at LBA %d, %d bytes, checksum %#010x OK" %
          (t_pvd, name, t_lba, t_len, t_sum))
    if out:
        open(out, "wb").write(data)


def main():
    args = sys.argv[1:]
    out = None
    if len(args) == 3 and args[1] == "--bios-file":
        out = args[2]
    elif len(args) != 1:
        fail("usage: eltorito_check.py ISO [--bios-file OUT]")
    iso = open(args[0], "rb").read()
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
    entries = [entry_line(cat[32:64], val[1])]
    off = 64
    while off + 32 <= CD and cat[off] in (0x90, 0x91):
        platform, count = cat[off + 1], struct.unpack_from("<H", cat, off + 2)[0]
        last = cat[off] == 0x91
        for i in range(count):
            entries.append(entry_line(cat[off + 32 * (i + 1):off + 32 * (i + 2)], platform))
        off += 32 * (count + 1)
        if last:
            break
    x86 = [e for e in entries if e[0] == 0x00 and e[1] == 0]
    if x86:
        pvd_lba = primary_volume(iso)
        check_boot_info(iso, x86[0], pvd_lba, root_files(iso, pvd_lba), out)
    elif out:
        fail("no x86 no-emulation boot entry to write out")


main()
