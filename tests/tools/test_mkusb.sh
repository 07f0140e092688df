# tools/mkusb: the GPT (sgdisk -v, fdisk -l and gpt_check.py, which
# computes the CRC32s itself), the ESP's files (mdir, and mcopy back out
# byte for byte) and its label; a corrupted header must be caught.
. "$(dirname "$0")/check.sh"
need_tool sgdisk fdisk mdir mcopy python3
x64=$TOP/bin/bootnet-x86_64.efi ia32=$TOP/bin/bootnet-i386.efi
[ -r "$x64" ] && [ -r "$ia32" ] || fail "build bin/ first (make)"

printf '#!ipxe\necho AUTOEXEC\n' > "$TMP/autoexec.ipxe"
"$TOP/tools/mkusb" --x64 "$x64" --ia32 "$ia32" --script "$TMP/autoexec.ipxe" -o "$TMP/usb.img" ||
	fail "mkusb failed"
img=$TMP/usb.img

out=$(sgdisk -v "$img" 2>&1) || { echo "$out"; fail "sgdisk -v failed"; }
expect_in "$out" "No problems found" "sgdisk -v"
# sgdisk recovers a bad header from the other copy and still says "No
# problems found", with a warning: none may appear.
grep -Eq "Warning|Caution|ERROR" <<<"$out" && { echo "$out"; fail "sgdisk -v warns"; }
out=$(fdisk -l "$img")
expect_in "$out" "Disklabel type: gpt" "fdisk -l"
expect_in "$out" "usb\.img1 +2048 +[0-9]+ +[0-9]+ +16M EFI System" "fdisk -l"
expect_in "$out" "usb\.img2 .* BIOS boot" "fdisk -l"
out=$(sgdisk -i 1 "$img")
expect_in "$out" "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" "sgdisk -i 1 (ESP type GUID)"
out=$(python3 gpt_check.py "$img") || { echo "$out"; fail "gpt_check.py"; }
echo "$out"

esp="$img@@$((2048 * 512))"
export MTOOLS_SKIP_CHECK=1
out=$(mdir -i "$esp" ::/)
expect_in "$out" "Volume in drive : is BOOTNET" "mdir (volume label)"
expect_in "$out" "autoexec\.ipxe" "mdir ::/"
out=$(mdir -i "$esp" ::/EFI/BOOT)
expect_in "$out" "BOOTX64 +EFI +$(stat -c %s "$x64")" "mdir ::/EFI/BOOT"
expect_in "$out" "BOOTIA32 +EFI +$(stat -c %s "$ia32")" "mdir ::/EFI/BOOT"
for pair in "EFI/BOOT/BOOTX64.EFI:$x64" "EFI/BOOT/BOOTIA32.EFI:$ia32" \
	    "autoexec.ipxe:$TMP/autoexec.ipxe"; do
	mcopy -n -i "$esp" "::/${pair%%:*}" "$TMP/back" || fail "mcopy ${pair%%:*} out"
	cmp -s "$TMP/back" "${pair#*:}" || fail "${pair%%:*} on the ESP differs from ${pair#*:}"
done

# Without --script there is no autoexec.ipxe.
"$TOP/tools/mkusb" --x64 "$x64" --ia32 "$ia32" -o "$TMP/plain.img" || fail "mkusb failed"
if mdir -i "$TMP/plain.img@@$((2048 * 512))" ::/autoexec.ipxe >/dev/null 2>&1; then
	fail "an image made without --script holds autoexec.ipxe"
fi

# The BIOS parts: the MBR's boot code (bios/usb_mbr.S) with the BIOS
# build's LBA and length filled in, the build at that LBA, GPT untouched.
mbr=$TOP/build/usb_mbr.bin kpxe=$TOP/bin/bootnet.kpxe
[ -r "$mbr" ] && [ -r "$kpxe" ] || fail "build bin/ first (make): no $mbr or $kpxe"
"$TOP/tools/mkusb" --x64 "$x64" --ia32 "$ia32" --bios-mbr "$mbr" --bios-image "$kpxe" \
	-o "$TMP/bios.img" || fail "mkusb with the BIOS parts failed"
out=$(python3 gpt_check.py "$TMP/bios.img") || { echo "$out"; fail "gpt_check.py (BIOS image)"; }
expect_in "$out" "boot code area in use" "gpt_check.py (BIOS image)"
out=$(sgdisk -v "$TMP/bios.img" 2>&1)
expect_in "$out" "No problems found" "sgdisk -v (BIOS image)"
# The 0xEE entry is active for BIOSes that want an active partition;
# sgdisk warns about exactly that, and nothing else may warn.
expect_in "$out" "protective partition in the MBR is marked as active" "sgdisk -v (BIOS image)"
grep -E "Warning|Caution|ERROR" <<<"$out" | grep -vq "^Warning: The 0xEE protective partition" &&
	{ echo "$out"; fail "sgdisk -v warns (BIOS image)"; }
[ "$(od -An -tx1 -j $((0x1BE)) -N 1 "$TMP/bios.img" | tr -d ' ')" = 80 ] ||
	fail "the BIOS image's 0xEE entry is not active (boot flag 0x80)"
[ "$(od -An -tx1 -j $((0x1BE)) -N 1 "$TMP/plain.img" | tr -d ' ')" = 00 ] ||
	fail "an image without the BIOS parts has an active 0xEE entry"
cmp -s -n $((0x1A8)) "$TMP/bios.img" "$mbr" || fail "the MBR's boot code is not bios/usb_mbr.S's"
lba=$(od -An -tu8 -j $((0x1A8)) -N 8 "$TMP/bios.img" | tr -d ' ')
count=$(od -An -tu2 -j $((0x1B0)) -N 2 "$TMP/bios.img" | tr -d ' ')
[ "$lba" = 34816 ] || fail "the MBR names LBA $lba for the BIOS build, not 34816"
[ "$count" = $(( ($(stat -c %s "$kpxe") + 511) / 512 )) ] || fail "the MBR names $count sectors"
out=$(fdisk -l "$TMP/bios.img")
expect_in "$out" "bios\.img2 +34816 .* BIOS boot" "fdisk -l (BIOS image)"
cmp -s -i $((34816 * 512)):0 -n "$(stat -c %s "$kpxe")" "$TMP/bios.img" "$kpxe" ||
	fail "the BIOS boot partition does not hold bin/bootnet.kpxe"
if "$TOP/tools/mkusb" --x64 "$x64" --ia32 "$ia32" --bios-mbr "$mbr" -o "$TMP/half.img" 2>/dev/null; then
	fail "mkusb took --bios-mbr without --bios-image"
fi

# The checks can fail: one byte of the primary header's disk GUID changed.
printf '\x42' | dd of="$img" bs=1 seek=$((512 + 56)) conv=notrunc status=none
python3 gpt_check.py "$img" >/dev/null && fail "gpt_check.py missed a corrupted header"
out=$(sgdisk -v "$img" 2>&1)
grep -q "Invalid CRC on main header" <<<"$out" || fail "sgdisk -v missed a corrupted header"
echo "usb image: $(stat -c %s "$TOP/bin/bootnet.usb" 2>/dev/null || echo '?') bytes"
exit 0
