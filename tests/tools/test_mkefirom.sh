# tools/mkefirom and bin/bootnet.efirom, read by efirom_check.py (the PCI
# Firmware and UEFI specs' fields, parsed on its own; compressed images
# expanded by efi_decompress.py, written from the UEFI spec apart from
# tools/eficompress.c): the ROM make built (8086:100e: the x86_64 driver,
# then the i386 one, both compressed) carrying the drivers byte for byte;
# mkefirom without --compress (the drivers as they are, at 0x200 of each
# image); a ROM of one driver retargeted to another NIC; `make
# EFIROM_ARCHS=x86_64` (the x86_64 driver alone); an application (subsystem
# 10), a missing compressor and an unknown EFIROM_ARCHS are refused; a
# corrupted field and corrupted compressed data are caught.
. "$(dirname "$0")/check.sh"
need_tool python3 make
rom=$TOP/bin/bootnet.efirom driver=$TOP/build/efirom/bootnet-driver-x86_64.efi
driver32=$TOP/build/efirom/bootnet-driver-i386.efi
eficompress=$TOP/build/host/eficompress
[ -r "$rom" ] && [ -r "$driver" ] && [ -r "$driver32" ] && [ -x "$eficompress" ] ||
	fail "build bin/ first (make)"
size() { stat -c %s "$1"; }

out=$(python3 efirom_check.py "$rom" --machines 8664,14c --compression 1 \
	--drivers "$driver,$driver32") ||
	{ echo "$out"; fail "efirom_check.py on bin/bootnet.efirom"; }
echo "$out" | grep -E '^image|compressed:'
# Compressed, the ROM is well under the drivers' size (about 54% today).
[ "$(size "$rom")" -lt $(( ($(size "$driver") + $(size "$driver32")) * 3 / 5 )) ] ||
	fail "bin/bootnet.efirom ($(size "$rom") bytes) is not compressed as it should be"

# Without --compress: compression type 0, each driver as it is at 0x200.
"$TOP/tools/mkefirom" "$driver" "$driver32" -o "$TMP/plain.rom" || fail "mkefirom failed"
out=$(python3 efirom_check.py "$TMP/plain.rom" --machines 8664,14c --compression 0 \
	--drivers "$driver,$driver32") ||
	{ echo "$out"; fail "efirom_check.py on an uncompressed ROM"; }
cmp -s -i 512:0 -n "$(size "$driver")" "$TMP/plain.rom" "$driver" ||
	fail "the uncompressed ROM does not carry the x86_64 driver at 0x200"
second=$(( (512 + $(size "$driver") + 511) / 512 * 512 ))
cmp -s -i $((second + 512)):0 -n "$(size "$driver32")" "$TMP/plain.rom" "$driver32" ||
	fail "the uncompressed ROM does not carry the i386 driver in its second image"

"$TOP/tools/mkefirom" --compress --vendor 1af4 --device 1000 "$driver" -o "$TMP/virtio.rom" ||
	fail "mkefirom failed"
out=$(python3 efirom_check.py "$TMP/virtio.rom" --vendor 1af4 --device 1000 --compression 1 \
	--drivers "$driver") || { echo "$out"; fail "efirom_check.py on a ROM for 1af4:1000"; }
[ $(( $(size "$TMP/virtio.rom") % 512 )) = 0 ] || fail "ROM size not a multiple of 512"

# make EFIROM_ARCHS=x86_64: a ROM of the x86_64 driver alone, made into
# $TMP from the drivers as built (-o: none is made again). The list is kept
# in build/efirom/rom_archs, so the next make remakes bin/bootnet.efirom.
mk() { make -C "$TOP" --no-print-directory -o build/efirom/bootnet-driver-x86_64.efi \
	-o build/efirom/bootnet-driver-i386.efi -o build/host/eficompress BIN="$TMP/bin" "$@"; }
out=$(mk EFIROM_ARCHS=x86_64 "$TMP/bin/bootnet.efirom" 2>&1) || { echo "$out"; fail "make EFIROM_ARCHS=x86_64"; }
out=$(python3 efirom_check.py "$TMP/bin/bootnet.efirom" --machines 8664 --compression 1 \
	--drivers "$driver") || { echo "$out"; fail "efirom_check.py on the EFIROM_ARCHS=x86_64 ROM"; }
echo "EFIROM_ARCHS=x86_64: $(size "$TMP/bin/bootnet.efirom") bytes"
[ "$(size "$TMP/bin/bootnet.efirom")" -lt $(( $(size "$rom") * 3 / 5 )) ] ||
	fail "the x86_64-only ROM is not about half of bin/bootnet.efirom"
if out=$(mk EFIROM_ARCHS=arm "$TMP/bin/bootnet.efirom" 2>&1); then
	fail "make took EFIROM_ARCHS=arm"
fi
expect_in "$out" "EFIROM_ARCHS takes x86_64 and/or i386" "make's refusal of EFIROM_ARCHS=arm"

# An EFI application is no driver: refused, saying why.
if out=$("$TOP/tools/mkefirom" "$TOP/bin/bootnet-x86_64.efi" -o "$TMP/app.rom" 2>&1); then
	fail "mkefirom wrapped an application"
fi
expect_in "$out" "subsystem 10" "mkefirom's refusal"
# No compressor: refused, naming it.
if out=$("$TOP/tools/mkefirom" --compress --eficompress "$TMP/none" "$driver" -o "$TMP/x.rom" 2>&1); then
	fail "mkefirom --compress went on without a compressor"
fi
expect_in "$out" "no .*none to compress with" "mkefirom's refusal without a compressor"

# The checker can fail: the EFI signature changed; a byte of the
# compressed x86_64 driver changed; compression type 1 on an uncompressed
# driver; a ROM holding the drivers the other way round.
cp "$rom" "$TMP/bad.rom"
printf '\xf2' | dd of="$TMP/bad.rom" bs=1 seek=4 conv=notrunc status=none
python3 efirom_check.py "$TMP/bad.rom" --machines 8664,14c --compression 1 >/dev/null &&
	fail "efirom_check.py missed a bad EFI signature"
cp "$rom" "$TMP/bad.rom"
printf '\x5a' | dd of="$TMP/bad.rom" bs=1 seek=100000 conv=notrunc status=none
cmp -s "$rom" "$TMP/bad.rom" && fail "the corruption changed nothing"
python3 efirom_check.py "$TMP/bad.rom" --machines 8664,14c --compression 1 \
	--drivers "$driver,$driver32" >/dev/null && fail "efirom_check.py missed corrupted compressed data"
cp "$TMP/plain.rom" "$TMP/bad.rom"
printf '\x01' | dd of="$TMP/bad.rom" bs=1 seek=12 conv=notrunc status=none
python3 efirom_check.py "$TMP/bad.rom" --machines 8664,14c --compression 1 >/dev/null &&
	fail "efirom_check.py took an uncompressed driver marked compressed"
"$TOP/tools/mkefirom" --compress "$driver32" "$driver" -o "$TMP/swapped.rom" || fail "mkefirom failed"
python3 efirom_check.py "$TMP/swapped.rom" --machines 14c,8664 --compression 1 \
	--drivers "$driver,$driver32" >/dev/null && fail "efirom_check.py missed the wrong drivers"
echo "efirom: $(size "$rom") bytes (drivers: $(size "$driver") + $(size "$driver32"))"
exit 0
