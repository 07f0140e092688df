# tools/eficompress.c (build/host/eficompress, built by make with
# bin/bootnet.efirom) against efi_decompress.py, the UEFI compression
# algorithm's decoder written apart from the spec: edge cases go through
# both and must come back byte for byte, and compress as well as they
# should, also from builds with sanitizers and with shorter codes; the
# decoder must catch broken streams.
. "$(dirname "$0")/check.sh"
need_tool python3 gcc
eficompress=$TOP/build/host/eficompress
[ -x "$eficompress" ] || fail "no $eficompress (make bin/bootnet.efirom builds it)"

# The inputs, made by Python with a fixed seed.
python3 - "$TMP" <<'EOF' || fail "making the test inputs"
import random, sys
d = sys.argv[1]
r = random.Random(1)
def put(name, data):
    open("%s/%s" % (d, name), "wb").write(data)
def rand(n):
    return bytes(r.getrandbits(8) for _ in range(n))
put("empty", b"")
put("one", b"A")
put("two", b"\0\xff")
put("zeros", bytes(200 * 1024))
put("random", rand(100 * 1024))
put("text", b"bootnet boots from the network; the UEFI ROM holds two drivers. " * 4000)
put("bytes", bytes(range(256)) * 3)
# Just over the 8 KiB window: a repeat 8191 bytes back (the farthest a
# position reaches), one 8192 back (out of reach), a long one 5000 back.
x, y = rand(300), rand(400)
put("window", x + rand(8191 - 300) + x + y + rand(8192 - 400) + y)
put("window_long", rand(9000) + bytes(3000) + rand(5000 - 3000) + bytes(3000))
EOF

# roundtrip TOOL NAME: NAME through TOOL and the decoder, byte for byte.
roundtrip() {
	"$1" "$TMP/$2" "$TMP/$2.z" || fail "$(basename "$1") failed on $2"
	python3 "$TOP/tests/tools/efi_decompress.py" "$TMP/$2.z" "$TMP/$2.out" ||
		fail "efi_decompress.py refused $(basename "$1")'s $2"
	cmp -s "$TMP/$2" "$TMP/$2.out" || fail "$2 did not come back byte for byte from $(basename "$1")"
}
inputs="empty one two zeros random text bytes window window_long"
for f in $inputs; do
	roundtrip "$eficompress" "$f"
	echo "$f: $(stat -c %s "$TMP/$f") -> $(stat -c %s "$TMP/$f.z") bytes"
done

# The same source built with ASan and UBSan (a memory or overflow error
# fails it), and with codes limited to 9 bits (its flattening of codes too
# deep, which 16 bits seldom need, then runs on every block; the output
# stays valid).
gcc -std=gnu11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Wall -Wextra \
	-Werror -o "$TMP/eficompress-san" "$TOP/tools/eficompress.c" || fail "building with sanitizers"
gcc -std=gnu11 -O2 -DLEN_LIMIT=9 -Wall -Wextra -Werror -o "$TMP/eficompress-9" \
	"$TOP/tools/eficompress.c" || fail "building with LEN_LIMIT=9"
for f in $inputs; do
	roundtrip "$TMP/eficompress-san" "$f"
	roundtrip "$TMP/eficompress-9" "$f"
done

# It compresses: 200 KiB of zeros to little, the text to under a tenth,
# random data grows by no more than the headers' share.
size() { stat -c %s "$1"; }
[ "$(size "$TMP/zeros.z")" -lt 2048 ] || fail "200 KiB of zeros compressed to $(size "$TMP/zeros.z") bytes"
[ "$(size "$TMP/text.z")" -lt $(( $(size "$TMP/text") / 10 )) ] || fail "the text compressed badly"
[ "$(size "$TMP/random.z")" -lt $(( 102400 * 102 / 100 )) ] || fail "random data grew over 2%"
[ "$(size "$TMP/empty.z")" = 9 ] || fail "empty input is not the two sizes and a terminator"

# The driver the ROM carries, timed: compression stays quick.
driver=$TOP/build/efirom/bootnet-driver-x86_64.efi
if [ -r "$driver" ]; then
	start=$(date +%s%N)
	"$eficompress" "$driver" "$TMP/driver.z" || fail "eficompress failed on the driver"
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	python3 "$TOP/tests/tools/efi_decompress.py" "$TMP/driver.z" "$TMP/driver.out" &&
		cmp -s "$driver" "$TMP/driver.out" || fail "the driver did not come back byte for byte"
	echo "driver: $(size "$driver") -> $(size "$TMP/driver.z") bytes in $ms ms"
	[ "$ms" -lt 5000 ] || fail "compressing the driver took $ms ms"
	cp "$driver" "$TMP/driver"
	roundtrip "$TMP/eficompress-9" driver
	echo "driver, codes of at most 9 bits: $(size "$TMP/driver.z") bytes"
fi

# The decoder can fail: a wrong original size, a cut stream, a terminator
# that is not 0, a changed bit inside the blocks.
broken() {   # broken NAME PYTHON-EXPR-ON-d: the decoder must refuse or differ
	python3 - "$TMP/text.z" "$TMP/$1.z" "$2" <<'EOF'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
exec(sys.argv[3])
open(sys.argv[2], "wb").write(d)
EOF
	if python3 "$TOP/tests/tools/efi_decompress.py" "$TMP/$1.z" "$TMP/$1.out" 2>/dev/null &&
		cmp -s "$TMP/text" "$TMP/$1.out"; then
		fail "efi_decompress.py took a stream with $1"
	fi
}
broken size 'd[4] ^= 1'
broken cut 'del d[len(d) // 2:]; d[0:4] = (len(d) - 8).to_bytes(4, "little")'
broken terminator 'd[-1] = 1'
broken bit 'd[len(d) // 2] ^= 0x10'
exit 0
