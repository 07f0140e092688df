#!/usr/bin/env python3
"""Reads a PCI option ROM on its own, from the PCI Firmware spec 3.0 and the
UEFI spec's "PCI Option ROMs", sharing no code with tools/mkefirom: walks
every image (by its PCIR image length, until the last-image indicator) and
checks each field; for an EFI image also the PE image inside (MZ, PE
signature, machine, subsystem, that it lies inside the image). A
compressed image (compression type 1) is first expanded by
efi_decompress.py, the UEFI compression algorithm's decoder written from
the spec apart from tools/eficompress.c.

Usage: efirom_check.py ROM [--vendor 8086 --device 100e
                            --machines 8664,14c --subsystem 11
                            --compression 0|1 --drivers A.efi,B.efi]
(--machines: the EFI images expected, in order, by machine type;
--compression: the type every EFI image must have, default 0;
--drivers: the PE files the EFI images must hold, byte for byte, in order)
Prints every field it read; exits non-zero naming the first one wrong."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from efi_decompress import FormatError, decompress  # noqa: E402

errors = []


def u16(b, o):
    return b[o] | b[o + 1] << 8


def u32(b, o):
    return u16(b, o) | u16(b, o + 2) << 16


def expect(what, got, want):
    ok = got == want
    def show(v):
        return hex(v) if isinstance(v, int) and not isinstance(v, bool) else str(v)
    print("  %-34s %-10s %s" % (what, show(got), "ok" if ok else "WRONG (want %s)" % show(want)))
    if not ok:
        errors.append(what)


def check_pe(rom, start, end, want, machine):
    print("  PE image at %#x (%d bytes to the end)" % (start, end - start))
    expect("PE: 'MZ'", bytes(rom[start:start + 2]), b"MZ")
    pe = start + u32(rom, start + 0x3C)
    expect("PE: signature 'PE\\0\\0'", bytes(rom[pe:pe + 4]), b"PE\0\0")
    expect("PE: machine", u16(rom, pe + 4), machine)
    magic = u16(rom, pe + 24)
    expect("PE: optional header magic", magic, 0x20B if machine == 0x8664 else 0x10B)
    expect("PE: subsystem", u16(rom, pe + 24 + 68), want.subsystem)
    size_of_headers = u32(rom, pe + 24 + 60)
    sections = u16(rom, pe + 6)
    opt_size = u16(rom, pe + 20)
    last = 0
    for i in range(sections):
        sh = pe + 24 + opt_size + 40 * i
        raw_size, raw_ptr = u32(rom, sh + 16), u32(rom, sh + 20)
        last = max(last, raw_ptr + raw_size)
    expect("PE: headers and sections inside", start + max(last, size_of_headers) <= end, True)


def expand(data):
    """The compressed image's PE, expanded; None (an error noted) if the
    data is not what the UEFI compression algorithm makes."""
    try:
        pe = decompress(data)
    except FormatError as e:
        expect("compressed data decodes (%s)" % e, False, True)
        return None
    comp_size = int.from_bytes(data[0:4], "little")
    print("  compressed: %d bytes -> %d" % (8 + comp_size, len(pe)))
    expect("nothing after the compressed data but zeros", not any(data[8 + comp_size:]), True)
    return pe


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rom")
    ap.add_argument("--vendor", default="8086")
    ap.add_argument("--device", default="100e")
    ap.add_argument("--machines", default="8664")
    ap.add_argument("--subsystem", default="11")
    ap.add_argument("--compression", default="0")
    ap.add_argument("--drivers", default="")
    a = ap.parse_args()
    want = argparse.Namespace(vendor=int(a.vendor, 16), device=int(a.device, 16),
                              machines=[int(m, 16) for m in a.machines.split(",")],
                              subsystem=int(a.subsystem), compression=int(a.compression),
                              drivers=[open(d, "rb").read() for d in a.drivers.split(",") if d])
    rom = open(a.rom, "rb").read()
    expect("ROM size multiple of 512", len(rom) % 512, 0)
    start, n, efi_images = 0, 0, 0
    while True:
        n += 1
        print("image %d at %#x:" % (n, start))
        expect("signature 55 AA", bytes(rom[start:start + 2]), b"\x55\xaa")
        pcir = start + u16(rom, start + 0x18)
        expect("PCIR offset DWORD-aligned", (pcir - start) % 4, 0)
        expect("PCIR signature", bytes(rom[pcir:pcir + 4]), b"PCIR")
        expect("PCIR vendor", u16(rom, pcir + 4), want.vendor)
        expect("PCIR device", u16(rom, pcir + 6), want.device)
        expect("PCIR structure length", u16(rom, pcir + 0x0A), 0x1C)
        expect("PCIR revision", rom[pcir + 0x0C], 3)
        class_code = rom[pcir + 0x0D] | rom[pcir + 0x0E] << 8 | rom[pcir + 0x0F] << 16
        expect("PCIR class code (network)", class_code >> 16, 0x02)
        length = u16(rom, pcir + 0x10) * 512
        expect("image length fits the ROM", 0 < length and start + length <= len(rom), True)
        code_type = rom[pcir + 0x14]
        last = rom[pcir + 0x15] & 0x80
        if code_type == 3:
            machine = want.machines[min(efi_images, len(want.machines) - 1)]
            efi_images += 1
            expect("EFI signature 0x0EF1", u32(rom, start + 4), 0x0EF1)
            expect("initialization size = image length", u16(rom, start + 2) * 512, length)
            expect("EFI subsystem", u16(rom, start + 8), want.subsystem)
            expect("EFI machine type", u16(rom, start + 0x0A), machine)
            expect("compression type", u16(rom, start + 0x0C), want.compression)
            pe_start = start + u16(rom, start + 0x16)
            if u16(rom, start + 0x0C) == 1:
                pe = expand(rom[pe_start:start + length])
            else:
                pe = rom[pe_start:start + length]
            if pe is not None:
                check_pe(pe, 0, len(pe), want, machine)
                if efi_images <= len(want.drivers):
                    driver = want.drivers[efi_images - 1]
                    expect("PE = driver %d byte for byte" % efi_images,
                           bytes(pe[:len(driver)]) == driver, True)
                    if u16(rom, start + 0x0C) == 1:
                        expect("expanded size = driver size", len(pe), len(driver))
                    else:
                        expect("nothing after the PE but zeros", not any(pe[len(driver):]), True)
        else:
            print("  code type %d (not EFI): fields above only" % code_type)
        if last or length == 0:
            break
        if start + length >= len(rom):
            expect("last-image indicator on the last image", False, True)
            break
        start += length
    expect("EFI images in the ROM", efi_images, len(want.machines))
    if errors:
        print("efirom_check: wrong: " + ", ".join(errors))
        sys.exit(1)
    print("efirom_check: %d image(s), every field as expected" % n)


main()
