# tools/pack-core and the prefix's unpacker (bios/unpack/, built for the
# host with ASan and UBSan as build/host/unpack-check): the packed core in
# bin/bootnet.kpxe unpacks to build/bios/core-image.bin byte for byte;
# made-up cores (random, zeros, tiny, full of CALLs and JMPs, one with a
# relocation table) round-trip
# with every lc/pb setting the prefix has room for; a cut (short of its
# last bytes, which are only LZMA's end marker) or damaged
# stream is refused, and settings needing more than the prefix's 16 KiB of
# bit models are refused by pack-core at build time.
. "$(dirname "$0")/check.sh"
need_tool python3
check=$TOP/build/host/unpack-check core=$TOP/build/bios/core-image.bin kpxe=$TOP/bin/bootnet.kpxe
[ -x "$check" ] && [ -r "$core" ] && [ -r "$kpxe" ] || fail "build first (make all build/host/unpack-check)"

# The packed core in bootnet.kpxe: its "BNP1" header on a 16-byte boundary.
at=$(grep -obUa 'BNP1' "$kpxe" | cut -d: -f1 | while read -r a; do [ $((a % 16)) = 0 ] && echo "$a"; done | head -n 1)
[ -n "$at" ] || fail "no packed core header in bin/bootnet.kpxe"
"$check" "$kpxe" "$at" "$TMP/core.out" >/dev/null || fail "bootnet.kpxe's core does not unpack"
# The same bytes but for the order of the relocation table, which
# pack-core sorts (the prefix applies the entries in any order).
sort_relocs() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
core = bytearray(open(sys.argv[1], "rb").read())
start, end = struct.unpack_from("<II", core, 16)
entries = sorted(bytes(core[at:at + 8]) for at in range(start, end, 8))
entries.sort(key=lambda e: struct.unpack("<I", e[:4])[0])
core[start:end] = b"".join(entries)
open(sys.argv[2], "wb").write(core)
PY
}
sort_relocs "$core" "$TMP/core.sorted"
cmp -s "$TMP/core.out" "$TMP/core.sorted" ||
	fail "bootnet.kpxe's core unpacks to something else than core-image.bin"
cmp -s "$core" "$TMP/core.sorted" && echo "(its relocation table was sorted already)"
echo "bootnet.kpxe: $(( $(stat -c %s "$kpxe") - at )) packed bytes -> $(stat -c %s "$core")"

# make_core NAME BODY-PYTHON: a file with a BNC1 header around the bytes.
make_core() {
	python3 - "$TMP/$1" "$2" <<'PY'
import os, random, struct, sys
random.seed(1)
body = eval(sys.argv[2])
size = 12 + len(body)
open(sys.argv[1], "wb").write(b"BNC1" + struct.pack("<II", size, size + 4096) + body)
PY
}
make_core random 'bytes(random.getrandbits(8) for _ in range(100000))'
make_core zeros 'bytes(300000)'
make_core tiny 'b"x"'
make_core calls 'b"".join(bytes([random.choice(b"\xe8\xe9")]) + struct.pack("<i", random.randint(-2**26, 2**26)) + b"\x90" for _ in range(20000))'
# One with a relocation table (R_386_RELATIVE, unsorted) and bytes after
# it, as the core has: its header says where the table is.
make_core relocs 'struct.pack("<III", 0, 3028, 3028 + 8 * 500) + bytes(4) + bytes(random.getrandbits(8) for _ in range(3000)) + b"".join(struct.pack("<II", random.randrange(28, 3000), 8) for _ in range(500)) + b"tail"'
for name in random zeros tiny calls relocs; do
	want=$TMP/$name
	[ "$name" = relocs ] && { sort_relocs "$TMP/relocs" "$TMP/relocs.sorted"; want=$TMP/relocs.sorted; }
	for opts in "--lc 0 --pb 0" "--lc 1 --pb 0" "--lc 3 --pb 2" "--lc 2 --lp 1 --pb 1"; do
		# shellcheck disable=SC2086
		"$TOP/tools/pack-core" $opts "$TMP/$name" "$TMP/$name.bnp" || fail "pack-core $opts $name"
		"$check" "$TMP/$name.bnp" 0 "$TMP/$name.out" >/dev/null || fail "$name ($opts) does not unpack"
		cmp -s "$TMP/$name.out" "$want" || fail "$name ($opts) unpacks to other bytes"
	done
done
echo "made-up cores: 20 round trips"

# Cut or damaged: refused with a status (1 = bad settings ... 6 = bad
# header), never a crash (ASan would fail the program with 1 and a report).
"$TOP/tools/pack-core" "$core" "$TMP/real.bnp" || fail "pack-core on the real core"
size=$(stat -c %s "$TMP/real.bnp")
for cut in 28 29 100 $((size / 3)) $((size - 20)); do
	head -c "$cut" "$TMP/real.bnp" > "$TMP/cut.bnp"
	out=$("$check" "$TMP/cut.bnp" 0 "$TMP/cut.out" 2>&1) && fail "a packed core cut at $cut bytes unpacked"
	expect_in "$out" '^status [3-5]$' "unpacking a core cut at $cut bytes"
done
# (Not in the last dozen bytes: they can be only the end marker, which
# the unpacker does not need once the core is out.)
for at in 30 1000 $((size / 2)) $((size - 40)); do
	cp "$TMP/real.bnp" "$TMP/bad.bnp"
	printf '\x5a\xa5' | dd of="$TMP/bad.bnp" bs=1 seek="$at" conv=notrunc status=none
	out=$("$check" "$TMP/bad.bnp" 0 "$TMP/bad.out" 2>&1) && fail "a packed core damaged at $at unpacked"
	expect_in "$out" '^status [3-5]$' "unpacking a core damaged at $at"
done
echo "cut and damaged cores refused"

out=$("$TOP/tools/pack-core" --lc 4 --lp 0 "$TMP/tiny" "$TMP/x.bnp" 2>&1) && fail "pack-core took lc=4"
expect_in "$out" "the prefix has 16384" "pack-core's refusal of lc=4"
out=$("$TOP/tools/pack-core" "$TMP/random" "$TMP/x.bnp" 2>&1) || fail "pack-core refused a good core: $out"
printf 'XXXX' > "$TMP/notcore"
out=$("$TOP/tools/pack-core" "$TMP/notcore" "$TMP/x.bnp" 2>&1) && fail "pack-core took a file without a core header"
expect_in "$out" "BNC1" "pack-core's refusal of a non-core"
exit 0
