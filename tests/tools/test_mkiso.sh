# tools/mkiso: the El Torito catalog through `xorriso -report_el_torito
# plain` and eltorito_check.py (its own reading of the catalog): a BIOS
# entry (bootnet.kpxe, loaded whole) then a UEFI one; the boot images
# (extracted by xorriso; the EFI one's files listed by mdir; all compared),
# and the hybrid GPT (sgdisk -v, fdisk -l) that lets the ISO boot from a
# stick on UEFI.
. "$(dirname "$0")/check.sh"
need_tool xorriso sgdisk fdisk mdir mcopy python3
x64=$TOP/bin/bootnet-x86_64.efi ia32=$TOP/bin/bootnet-i386.efi kpxe=$TOP/bin/bootnet.kpxe
[ -r "$x64" ] && [ -r "$ia32" ] && [ -r "$kpxe" ] || fail "build bin/ first (make)"

printf '#!ipxe\necho ISO-AUTOEXEC\n' > "$TMP/autoexec.ipxe"
"$TOP/tools/mkiso" --x64 "$x64" --ia32 "$ia32" --bios "$kpxe" --script "$TMP/autoexec.ipxe" \
	-o "$TMP/boot.iso" ||
	fail "mkiso failed"
iso=$TMP/boot.iso
# A BIOS image over 560 KiB cannot be loaded whole at 0000:7C00: refused.
head -c $((560 * 1024 + 1)) /dev/zero > "$TMP/big.kpxe"
out=$("$TOP/tools/mkiso" --x64 "$x64" --ia32 "$ia32" --bios "$TMP/big.kpxe" -o "$TMP/big.iso" 2>&1) &&
	fail "mkiso took a BIOS image of 560 KiB + 1 byte"
expect_in "$out" "is 573441 bytes; a BIOS boot image loaded at 0000:7C00 may be at most 560 KiB" \
	"mkiso (BIOS image too large)"

out=$(xorriso -indev "$iso" -report_el_torito plain 2>&1)
expect_in "$out" "Volume id +: 'BOOTNET'" "xorriso (volume id)"
sectors=$(( ($(stat -c %s "$kpxe") + 511) / 512 ))
expect_in "$out" "El Torito boot img : +1 +BIOS +y +none +0x0000 +0x00 +$sectors " "xorriso -report_el_torito"
expect_in "$out" "El Torito boot img : +2 +UEFI +y +none " "xorriso -report_el_torito"
expect_in "$out" "El Torito img path : +1 +/bootnet.kpxe" "xorriso -report_el_torito"
grep -Eq "El Torito boot img : +3 " <<<"$out" && fail "more than two boot images"
out=$(python3 eltorito_check.py "$iso") || { echo "$out"; fail "eltorito_check.py"; }
echo "$out"
expect_in "$(sed -n 2p <<<"$out")" "platform x86 \(0x00\), no emulation, $sectors sectors" "eltorito_check.py (1st)"
expect_in "$(sed -n 3p <<<"$out")" "platform EFI \(0xef\), no emulation" "eltorito_check.py (2nd)"

mkdir "$TMP/boot"
xorriso -osirrox on -indev "$iso" -extract_boot_images "$TMP/boot/" >/dev/null 2>&1 ||
	fail "xorriso could not extract the boot images"
cmp -s -n "$(stat -c %s "$kpxe")" "$TMP/boot/eltorito_img1_bios.img" "$kpxe" ||
	fail "the BIOS boot image is not bin/bootnet.kpxe"
efi_img=$TMP/boot/eltorito_img2_uefi.img
[ -s "$efi_img" ] || fail "no UEFI El Torito image extracted"
export MTOOLS_SKIP_CHECK=1
out=$(mdir -i "$efi_img" ::/EFI/BOOT)
expect_in "$out" "BOOTX64 +EFI +$(stat -c %s "$x64")" "mdir of the EFI boot image"
expect_in "$out" "BOOTIA32 +EFI +$(stat -c %s "$ia32")" "mdir of the EFI boot image"
for pair in "EFI/BOOT/BOOTX64.EFI:$x64" "EFI/BOOT/BOOTIA32.EFI:$ia32" \
	    "autoexec.ipxe:$TMP/autoexec.ipxe"; do
	mcopy -n -i "$efi_img" "::/${pair%%:*}" "$TMP/back" || fail "mcopy ${pair%%:*} out"
	cmp -s "$TMP/back" "${pair#*:}" || fail "${pair%%:*} in the boot image differs"
done

# Hybrid: a GPT whose EFI System partition is that same FAT.
out=$(sgdisk -v "$iso" 2>&1)
expect_in "$out" "No problems found" "sgdisk -v"
# Alignment is advice for disk encryption tools, not a fault: xorriso packs
# the partition where the ISO's files end.
grep -v "64-sector boundary\|disk encryption tools" <<<"$out" | grep -Eq "Warning|Caution|ERROR" &&
	{ echo "$out"; fail "sgdisk -v warns"; }
out=$(fdisk -l "$iso")
expect_in "$out" "Disklabel type: gpt" "fdisk -l"
start=$(sed -nE 's/^[^ ]*boot\.iso2 +([0-9]+) .*EFI System$/\1/p' <<<"$out")
[ -n "$start" ] || { echo "$out"; fail "fdisk -l shows no EFI System partition 2"; }
cmp -s -n "$(stat -c %s "$efi_img")" -i "$((start * 512)):0" "$iso" "$efi_img" ||
	fail "the GPT's EFI System partition is not the El Torito boot image"
echo "iso image: $(stat -c %s "$TOP/bin/bootnet.iso" 2>/dev/null || echo '?') bytes"
exit 0
