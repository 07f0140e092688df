#!/usr/bin/env python3
"""A decoder of the UEFI compression algorithm, written from the UEFI spec's
"Compression Algorithm Specification" (data format) alone, sharing nothing
with tools/eficompress.c: the tests' oracle for it and for the compressed
images of bin/bootnet.efirom.

Format: compressed size (LE32, from the first block to the terminator),
original size (LE32), then blocks, bits most significant first; zero bits
to a byte boundary and a terminator byte 0 end it. A block: symbol count
(16 bits); the Extra Set's code lengths (5-bit count); the Char&Len Set's
(9-bit count), coded with the Extra Set; the Position Set's (4-bit count);
then the symbols. A count of 0 means a single symbol, given in as many
bits, coded with no bits at all.

Strict where the spec says what a compressor must do: every code is a
complete prefix code of lengths up to 16, positions stay inside the output,
the blocks make exactly the original size, the fill bits are zero and the
terminator is where the compressed size says.

Usage: efi_decompress.py IN OUT (or import it: decompress(data) -> bytes).
"""
import sys

NC, NP, NT = 510, 14, 19         # Char&Len, Position and Extra Sets
CBIT, PBIT, TBIT = 9, 4, 5
MAX_LEN = 16
MAX_POS = 8190                   # the spec's position range: an 8 KiB window


class FormatError(ValueError):
    pass


class Bits:
    """Reads bits most significant first; past the end of `data` it fails."""

    def __init__(self, data, start, end):
        self.data = bytes(data[:end]) + bytes(4)
        self.pos = start * 8
        self.end = end * 8

    def peek(self, n):
        byte = self.pos >> 3
        word = int.from_bytes(self.data[byte:byte + 4], "big")
        return (word >> (32 - (self.pos & 7) - n)) & ((1 << n) - 1)

    def skip(self, n):
        self.pos += n
        if self.pos > self.end:
            raise FormatError("the data ends inside a block")

    def get(self, n):
        if n == 0:
            return 0
        v = self.peek(n)
        self.skip(n)
        return v


class Code:
    """A canonical Huffman code from lengths (shorter codes first, then by
    symbol), decoded by a 16-bit lookup table; or a lone symbol."""

    def __init__(self, lengths=None, only=None):
        self.only = only
        if only is not None:
            return
        if any(l > MAX_LEN for l in lengths):
            raise FormatError("a code longer than 16 bits")
        kraft = sum(1 << (MAX_LEN - l) for l in lengths if l)
        if kraft != 1 << MAX_LEN:
            raise FormatError("code lengths %s do not make a complete prefix code" % lengths)
        self.table = [None] * (1 << MAX_LEN)
        code = 0
        for length in range(1, MAX_LEN + 1):
            for sym, l in enumerate(lengths):
                if l == length:
                    lo = code << (MAX_LEN - l)
                    hi = (code + 1) << (MAX_LEN - l)
                    self.table[lo:hi] = [(sym, l)] * (hi - lo)
                    code += 1
            code <<= 1

    def read(self, bits):
        if self.only is not None:
            return self.only
        sym, l = self.table[bits.peek(MAX_LEN)]
        bits.skip(l)
        return sym


def read_short_lengths(bits, nsyms, nbit, special):
    """The Extra or Position Set: a count; then each length in 3 bits, or
    for 7 and more (length - 4) ones and a zero; after the `special`-th
    length a 2-bit count of zero lengths following it."""
    n = bits.get(nbit)
    if n == 0:
        only = bits.get(nbit)
        if only >= nsyms:
            raise FormatError("lone symbol %d of a %d-symbol set" % (only, nsyms))
        return Code(only=only)
    if n > nsyms:
        raise FormatError("%d code lengths for a %d-symbol set" % (n, nsyms))
    lengths = []
    while len(lengths) < n:
        l = bits.get(3)
        if l == 7:
            while bits.get(1):
                l += 1
                if l > MAX_LEN:
                    raise FormatError("a code length over 16")
        lengths.append(l)
        if len(lengths) == special:
            lengths += [0] * bits.get(2)
    if len(lengths) > n:
        raise FormatError("zero lengths past the array's size")
    return Code(lengths + [0] * (nsyms - n))


def read_char_len(bits, extra):
    """The Char&Len Set: a 9-bit count, then Extra Set symbols: 0 one zero
    length, 1 and 4 bits 3-18 zeros, 2 and 9 bits 20 or more, 3-18 a
    length of symbol - 2."""
    n = bits.get(CBIT)
    if n == 0:
        only = bits.get(CBIT)
        if only >= NC:
            raise FormatError("lone Char&Len symbol %d" % only)
        return Code(only=only)
    if n > NC:
        raise FormatError("%d Char&Len code lengths" % n)
    lengths = []
    while len(lengths) < n:
        sym = extra.read(bits)
        if sym == 0:
            lengths.append(0)
        elif sym == 1:
            lengths += [0] * (bits.get(4) + 3)
        elif sym == 2:
            lengths += [0] * (bits.get(CBIT) + 20)
        else:
            lengths.append(sym - 2)
    if len(lengths) > n:
        raise FormatError("a zero run past the Char&Len array's size")
    return Code(lengths + [0] * (NC - n))


def decompress(data):
    if len(data) < 8:
        raise FormatError("no 8-byte size header")
    comp_size = int.from_bytes(data[0:4], "little")
    orig_size = int.from_bytes(data[4:8], "little")
    if 8 + comp_size > len(data):
        raise FormatError("compressed size %d past the data's %d bytes"
                          % (comp_size, len(data) - 8))
    if comp_size < 1:
        raise FormatError("no terminator byte")
    end = 8 + comp_size - 1           # the terminator's offset
    bits = Bits(data, 8, end)
    out = bytearray()
    while len(out) < orig_size:
        count = bits.get(16)
        if count == 0:
            raise FormatError("a block of no symbols")
        extra = read_short_lengths(bits, NT, TBIT, 3)
        char_len = read_char_len(bits, extra)
        position = read_short_lengths(bits, NP, PBIT, -1)
        for _ in range(count):
            if len(out) >= orig_size:
                raise FormatError("a block goes on past the original size")
            sym = char_len.read(bits)
            if sym < 256:
                out.append(sym)
                continue
            length = sym - 253
            p = position.read(bits)
            pos = p if p < 2 else (1 << (p - 1)) + bits.get(p - 1)
            if pos > MAX_POS:
                raise FormatError("position %d outside the 8 KiB window" % pos)
            start = len(out) - pos - 1
            if start < 0:
                raise FormatError("a match before the start of the data")
            if len(out) + length > orig_size:
                raise FormatError("a match past the original size")
            if pos + 1 >= length:
                out += out[start:start + length]
            else:
                for i in range(length):
                    out.append(out[start + i])
    if bits.end - bits.pos >= 8:
        raise FormatError("%d bits left over before the terminator" % (bits.end - bits.pos))
    if bits.get(bits.end - bits.pos) != 0:
        raise FormatError("fill bits are not zero")
    if data[end] != 0:
        raise FormatError("terminator byte is %#x, not 0" % data[end])
    return bytes(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: efi_decompress.py IN OUT")
    data = open(sys.argv[1], "rb").read()
    try:
        out = decompress(data)
    except FormatError as e:
        sys.exit("efi_decompress: %s: %s" % (sys.argv[1], e))
    open(sys.argv[2], "wb").write(out)


if __name__ == "__main__":
    main()
