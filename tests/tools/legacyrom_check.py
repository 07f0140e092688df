#!/usr/bin/env python3
"""Checks a legacy (BIOS) PCI option ROM as a BIOS would read it, from the
PCI Firmware spec 3.0 (expansion ROM header, PCI Data Structure) and the
BIOS Boot Specification 1.01 (PnP expansion header, BEV), sharing no code
with tools/mkrom. With --extract OUT it also writes bootnet's boot image
(behind its "BNI1" header and size) into OUT.

Usage: legacyrom_check.py ROM [--vendor 8086] [--device 100e] [--extract OUT]
"""
import argparse
import sys

errors = []


def u8(b, o):
    return b[o]


def u16(b, o):
    return b[o] | b[o + 1] << 8


def u32(b, o):
    return u16(b, o) | u16(b, o + 2) << 16


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def cstring(b, o):
    end = b.index(0, o)
    return b[o:end].decode("ascii", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rom")
    ap.add_argument("--vendor", default="8086")
    ap.add_argument("--device", default="100e")
    ap.add_argument("--extract")
    a = ap.parse_args()
    rom = open(a.rom, "rb").read()

    check(rom[0:2] == b"\x55\xaa", "signature 55 AA")
    init = u8(rom, 2) * 512
    check(0 < init <= len(rom), "initialization size %d within the file" % init)
    check(sum(rom[:init]) % 256 == 0, "the initialization part's bytes sum to 0")
    check(rom[3] in (0xE9, 0xEB), "a jump at the init entry (offset 3)")
    print("init size: %d bytes, file %d bytes" % (init, len(rom)))

    p = u16(rom, 0x18)
    check(rom[p:p + 4] == b"PCIR", "PCIR at 0x%x" % p)
    vendor, device = u16(rom, p + 4), u16(rom, p + 6)
    check(vendor == int(a.vendor, 16) and device == int(a.device, 16),
          "PCI IDs %04x:%04x (want %s:%s)" % (vendor, device, a.vendor, a.device))
    rev = u8(rom, p + 0xC)
    check(rev == 3 and u16(rom, p + 0xA) >= 0x1C, "PCIR revision 3, length 0x1C")
    check(rom[p + 0xD:p + 0x10] == b"\x00\x00\x02", "class code 020000 (network, Ethernet)")
    length = u16(rom, p + 0x10) * 512
    check(length == len(rom), "image length %d = the file" % length)
    check(u8(rom, p + 0x14) == 0, "code type 0 (x86 BIOS)")
    check(u8(rom, p + 0x15) & 0x80, "last-image indicator")
    check(u16(rom, p + 0x16) * 512 >= init, "run-time length covers the init part")
    print("PCIR: %04x:%04x class %02x%02x%02x, image %d x 512, code type %d" %
          (vendor, device, rom[p + 0xF], rom[p + 0xE], rom[p + 0xD], length // 512, rom[p + 0x14]))

    n = u16(rom, 0x1A)
    if check(rom[n:n + 4] == b"$PnP", "$PnP at 0x%x" % n):
        plen = u8(rom, n + 5) * 16
        check(plen == 32 and sum(rom[n:n + plen]) % 256 == 0, "PnP header checksum")
        product = cstring(rom, u16(rom, n + 0x10)) if u16(rom, n + 0x10) else ""
        check(product == "bootnet", "product name 'bootnet' (got %r)" % product)
        check(rom[n + 0x12] == 2, "device type: network")
        bev = u16(rom, n + 0x1A)
        check(0 < bev < init, "BEV 0x%x inside the initialization part" % bev)
        check(u16(rom, n + 0x16) == 0, "no BCV (not a disk)")
        print("PnP: product %r, BEV at 0x%x" % (product, bev))

    image_at = u32(rom, 0x1C)
    if check(init <= image_at < len(rom) and rom[image_at:image_at + 4] == b"BNI1",
             "boot image (BNI1) at 0x%x after the init part" % image_at):
        size = u32(rom, image_at + 4)
        if check(image_at + 8 + size <= len(rom), "the boot image's %d bytes inside the ROM" % size):
            print("boot image: %d bytes at 0x%x" % (size, image_at + 8))
            if a.extract:
                open(a.extract, "wb").write(rom[image_at + 8:image_at + 8 + size])
    for e in errors:
        print("FAIL: " + e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
