#!/usr/bin/env python3
"""How deep bootnet.kpxe's core stack has ever been, from a dump of guest
memory (QEMU monitor pmemsave): finds the core by its header ("BNC1",
then the file and memory sizes, 64 KiB aligned, as bios/bootnet.lds lays
it out) and counts the bytes of its stack, which the prefix zeroed, that
are no longer zero. Usage: bios_stack_depth.py DUMP DUMP_ADDRESS FILE_END
MEM_END STACK_BOTTOM STACK_TOP (addresses and symbols in hex). Prints
"core at 0x... stack used N of M bytes", or fails saying what it missed."""
import struct
import sys


def main():
    dump_path = sys.argv[1]
    base, file_end, mem_end, bottom, top = (int(a, 16) for a in sys.argv[2:7])
    data = open(dump_path, "rb").read()
    header = b"BNC1" + struct.pack("<II", file_end, mem_end)
    for off in range(0, len(data) - len(header), 0x10000):
        if data[off:off + len(header)] == header:
            break
    else:
        sys.exit("no bootnet core header in the dump")
    stack = data[off + bottom:off + top]
    if len(stack) != top - bottom:
        sys.exit("the dump ends inside the core's stack")
    untouched = len(stack) - len(stack.lstrip(b"\0"))
    print("core at 0x%x stack used %d of %d bytes" % (base + off, len(stack) - untouched, len(stack)))


if __name__ == "__main__":
    main()
