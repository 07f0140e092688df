# tools/mkrom and the option ROMs, read by legacyrom_check.py (PCI
# Firmware 3.0 and BIOS Boot Specification fields, parsed on its own): the
# ROMs make built (8086:100e), the boot image in each byte for byte its
# media.img (bin/bootnet.rom: the rom64 core's, within 64 KiB;
# bin/bootnet-full.rom: the full core's), a ROM retargeted to 1af4:1000 by
# `mkrom --vendor --device IN OUT`, --max-size refusing a ROM too big for
# its flash; corrupted bytes are caught.
. "$(dirname "$0")/check.sh"
need_tool python3
rom=$TOP/bin/bootnet.rom img=$TOP/build/bios-rom64/media.img
full=$TOP/bin/bootnet-full.rom full_img=$TOP/build/bios/media.img
[ -r "$rom" ] && [ -r "$img" ] && [ -r "$full" ] && [ -r "$full_img" ] || fail "build bin/ first (make)"

for pair in "$rom:$img" "$full:$full_img"; do
	r=${pair%%:*} i=${pair#*:}
	out=$(python3 legacyrom_check.py "$r" --extract "$TMP/media.img") ||
		{ echo "$out"; fail "legacyrom_check.py on $r"; }
	echo "$out"
	cmp -s "$TMP/media.img" "$i" || fail "the boot image in $r is not $i"
done
[ "$(stat -c %s "$rom")" -le 65536 ] || fail "bin/bootnet.rom is $(stat -c %s "$rom") bytes: more than a 64 KiB flash"
out=$("$TOP/tools/mkrom" --max-size 32768 --payload "$img" "$TOP/build/bios/prefix_rom.bin" "$TMP/small.rom" 2>&1) &&
	fail "mkrom --max-size 32768 made a $(stat -c %s "$TMP/small.rom")-byte ROM"
expect_in "$out" "more than the 32768 bytes of flash" "mkrom's refusal of a ROM too big"

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
echo "bootnet.rom: $(stat -c %s "$rom") bytes; bootnet-full.rom: $(stat -c %s "$full") bytes"
exit 0
