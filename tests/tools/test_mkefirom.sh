# tools/mkefirom and bin/bootnet.efirom, read by efirom_check.py (the PCI
# Firmware and UEFI specs' fields, parsed on its own): the ROM make built
# (8086:100e: the x86_64 driver, then the i386 one), a ROM of one driver
# retargeted to another NIC, the drivers carried byte for byte; an application (subsystem 10) is refused;
# a corrupted field is caught.
. "$(dirname "$0")/check.sh"
need_tool python3
rom=$TOP/bin/bootnet.efirom driver=$TOP/build/efirom/bootnet-driver-x86_64.efi
driver32=$TOP/build/efirom/bootnet-driver-i386.efi
[ -r "$rom" ] && [ -r "$driver" ] && [ -r "$driver32" ] || fail "build bin/ first (make)"

out=$(python3 efirom_check.py "$rom" --machines 8664,14c) ||
	{ echo "$out"; fail "efirom_check.py on bin/bootnet.efirom"; }
echo "$out"
cmp -s -i 512:0 -n "$(stat -c %s "$driver")" "$rom" "$driver" ||
	fail "the ROM does not carry the x86_64 driver at 0x200"
second=$(( (512 + $(stat -c %s "$driver") + 511) / 512 * 512 ))
cmp -s -i $((second + 512)):0 -n "$(stat -c %s "$driver32")" "$rom" "$driver32" ||
	fail "the ROM does not carry the i386 driver in its second image"

"$TOP/tools/mkefirom" --vendor 1af4 --device 1000 "$driver" -o "$TMP/virtio.rom" || fail "mkefirom failed"
out=$(python3 efirom_check.py "$TMP/virtio.rom" --vendor 1af4 --device 1000) ||
	{ echo "$out"; fail "efirom_check.py on a ROM for 1af4:1000"; }
[ $(( $(stat -c %s "$TMP/virtio.rom") % 512 )) = 0 ] || fail "ROM size not a multiple of 512"

# An EFI application is no driver: refused, saying why.
if out=$("$TOP/tools/mkefirom" "$TOP/bin/bootnet-x86_64.efi" -o "$TMP/app.rom" 2>&1); then
	fail "mkefirom wrapped an application"
fi
expect_in "$out" "subsystem 10" "mkefirom's refusal"

# The checker can fail: the EFI signature changed.
cp "$rom" "$TMP/bad.rom"
printf '\xf2' | dd of="$TMP/bad.rom" bs=1 seek=4 conv=notrunc status=none
python3 efirom_check.py "$TMP/bad.rom" --machines 8664,14c >/dev/null &&
	fail "efirom_check.py missed a bad EFI signature"
echo "efirom: $(stat -c %s "$rom") bytes"
exit 0
