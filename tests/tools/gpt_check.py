#!/usr/bin/env python3
"""Checks a GPT disk image on its own, from the UEFI spec ("GUID Partition
Table Disk Layout"), sharing nothing with the tools that wrote it: the
protective MBR, both headers' and the entry arrays' CRC32s, and that the
first partition is an EFI System Partition. Prints what it checked; exits
non-zero naming the first thing wrong."""
import struct
import sys
import uuid
import zlib

SECTOR = 512
ESP_TYPE = uuid.UUID("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")


def fail(msg):
    print("gpt_check: " + msg)
    sys.exit(1)


def check_mbr(disk, sectors):
    if disk[510:512] != b"\x55\xaa":
        fail("MBR signature is not 55 AA")
    entries = [disk[446 + 16 * i:462 + 16 * i] for i in range(4)]
    ptype = entries[0][4]
    start, count = struct.unpack_from("<II", entries[0], 8)
    if ptype != 0xEE:
        fail("MBR entry 1 has type %#x, not the protective 0xEE" % ptype)
    if start != 1 or count != min(sectors - 1, 0xFFFFFFFF):
        fail("protective MBR covers LBA %d+%d, not 1+%d" % (start, count, sectors - 1))
    if any(e != bytes(16) for e in entries[1:]):
        fail("MBR entries 2-4 are not empty")
    print("protective MBR: type 0xEE, LBA 1..%d, boot code area %s" %
          (sectors - 1, "empty" if disk[:440] == bytes(440) else "in use"))


def check_header(disk, lba, sectors, which):
    hdr = disk[lba * SECTOR:(lba + 1) * SECTOR]
    (sig, rev, size, crc, _, my_lba, alt_lba, first, last, guid, entries_lba,
     count, entry_size, entries_crc) = struct.unpack_from("<8sIIIIQQQQ16sQIII", hdr)
    if sig != b"EFI PART":
        fail("%s header at LBA %d lacks 'EFI PART'" % (which, lba))
    zeroed = hdr[:16] + b"\0\0\0\0" + hdr[20:size]
    if zlib.crc32(zeroed) != crc:
        fail("%s header CRC32 %#x, computed %#x" % (which, crc, zlib.crc32(zeroed)))
    if my_lba != lba:
        fail("%s header says it is at LBA %d" % (which, my_lba))
    want_alt = sectors - 1 if lba == 1 else 1
    if alt_lba != want_alt:
        fail("%s header's alternate LBA is %d, not %d" % (which, alt_lba, want_alt))
    array = disk[entries_lba * SECTOR:entries_lba * SECTOR + count * entry_size]
    if zlib.crc32(array) != entries_crc:
        fail("%s partition entry array CRC32 %#x, computed %#x" %
             (which, entries_crc, zlib.crc32(array)))
    print("%s GPT header at LBA %d: header and entry CRC32s match, %d entries at LBA %d" %
          (which, lba, count, entries_lba))
    return array, entry_size, first, last


def main():
    disk = open(sys.argv[1], "rb").read()
    if len(disk) % SECTOR:
        fail("image size %d is not a whole number of sectors" % len(disk))
    sectors = len(disk) // SECTOR
    check_mbr(disk, sectors)
    array, entry_size, first, last = check_header(disk, 1, sectors, "primary")
    backup, _, _, _ = check_header(disk, sectors - 1, sectors, "backup")
    if array != backup:
        fail("the backup entry array differs from the primary one")
    type_guid = uuid.UUID(bytes_le=array[:16])
    start, end = struct.unpack_from("<QQ", array, 32)
    if type_guid != ESP_TYPE:
        fail("partition 1 has type %s, not the EFI System Partition's" % type_guid)
    if not first <= start <= end <= last:
        fail("partition 1 (LBA %d-%d) is outside the usable LBAs %d-%d" % (start, end, first, last))
    print("partition 1: EFI System Partition, LBA %d-%d" % (start, end))


main()
