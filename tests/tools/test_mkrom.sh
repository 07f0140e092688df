# tools/mkrom and bin/bootnet.rom, read by legacyrom_check.py (PCI Firmware
# 3.0 and BIOS Boot Specification fields, parsed on its own): the ROM make
# built (8086:100e), the boot image in it byte for byte
# build/bios/media.img, a ROM retargeted to 1af4:1000 by `mkrom --vendor
# --device IN OUT`; corrupted bytes are caught.
. "$(dirname "$0")/check.sh"
need_tool python3
rom=$TOP/bin/bootnet.rom img=$TOP/build/bios/media.img
[ -r "$rom" ] && [ -r "$img" ] || fail "build bin/ first (make)"

out=$(python3 legacyrom_check.py "$rom" --extract "$TMP/media.img") ||
	{ echo "$out"; fail "legacyrom_check.py on bin/bootnet.rom"; }
echo "$out"
cmp -s "$TMP/media.img" "$img" || fail "the boot image in the ROM is not build/bios/media.img"

"$TOP/tools/mkrom" --vendor 1af4 --device 1000 "$rom" "$TMP/virtio.rom" || fail "mkrom retarget failed"
out=$(python3 legacyrom_check.py "$TMP/virtio.rom" --vendor 1af4 --device 1000) ||
	{ echo "$out"; fail "legacyrom_check.py on a ROM for 1af4:1000"; }

# Bad IDs are refused, saying why.
if out=$("$TOP/tools/mkrom" --vendor xyz "$rom" "$TMP/x.rom" 2>&1); then
	fail "mkrom took a vendor ID that is not hex"
fi
expect_in "$out" "hexadecimal" "mkrom's refusal"

# The checker can fail: one byte of the init part changed (checksum), the
# PnP header's checksum byte changed.
cp "$rom" "$TMP/bad.rom"
printf '\x01' | dd of="$TMP/bad.rom" bs=1 seek=100 conv=notrunc status=none
python3 legacyrom_check.py "$TMP/bad.rom" >/dev/null && fail "legacyrom_check.py missed a bad checksum"
cp "$rom" "$TMP/bad2.rom"
pnp=$(python3 -c 'import sys; b=open(sys.argv[1],"rb").read(); print(b[0x1a] | b[0x1b] << 8)' "$rom")
printf '\x55' | dd of="$TMP/bad2.rom" bs=1 seek=$((pnp + 9)) conv=notrunc status=none
python3 legacyrom_check.py "$TMP/bad2.rom" >/dev/null && fail "legacyrom_check.py missed a bad PnP checksum"
echo "rom: $(stat -c %s "$rom") bytes (image $(stat -c %s "$img"))"
exit 0
