#!/usr/bin/env python3
"""Prints the 32-byte random of every TLS ClientHello in a pcap (one hex
line each, in capture order): the e2e tests compare them across boots to
show that bootnet's randomness is not a constant. Reads classic pcap with
Ethernet frames, IPv4 and TCP; a capture cut short (snaplen) is fine as
long as the first 43 bytes of the TCP payload are there."""
import struct
import sys


def client_randoms(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    off = 24
    while off + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(endian + "IIII", data[off:off + 16])
        frame = data[off + 16:off + 16 + caplen]
        off += 16 + caplen
        if len(frame) < 34 or frame[12:14] != b"\x08\x00" or frame[23] != 6:
            continue
        ip = frame[14:]
        tcp = ip[(ip[0] & 15) * 4:]
        if len(tcp) < 20:
            continue
        payload = tcp[(tcp[12] >> 4) * 4:]
        # Record: handshake (22); handshake message: ClientHello (1);
        # then 2 bytes of version and the 32-byte random.
        if len(payload) >= 43 and payload[0] == 22 and payload[5] == 1:
            yield payload[11:43].hex()


if __name__ == "__main__":
    for r in client_randoms(sys.argv[1]):
        print(r)
