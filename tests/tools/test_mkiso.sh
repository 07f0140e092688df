# tools/mkiso: the El Torito catalog through `xorriso -report_el_torito
# plain` and eltorito_check.py (its own reading of the catalog, the root
# directory and the boot info table): a BIOS entry (the CD loader, 4
# 512-byte sectors loaded, whose boot file is the loader then
# bootnet.kpxe, with a boot info table naming that file's LBA and length)
# then a UEFI one; the boot images (extracted by xorriso; the EFI one's
# files listed by mdir; all compared), what mkiso refuses, and the hybrid
# GPT (sgdisk -v, fdisk -l) that lets the ISO boot from a stick on UEFI.
. "$(dirname "$0")/check.sh"
need_tool xorriso sgdisk fdisk mdir mcopy python3 od
x64=$TOP/bin/bootnet-x86_64.efi ia32=$TOP/bin/bootnet-i386.efi kpxe=$TOP/bin/bootnet.kpxe
loader=$TOP/build/cd_loader.bin
[ -r "$x64" ] && [ -r "$ia32" ] && [ -r "$kpxe" ] && [ -r "$loader" ] || fail "build bin/ first (make)"
mkiso() { "$TOP/tools/mkiso" --x64 "$x64" --ia32 "$ia32" "$@"; }

printf '#!ipxe\necho ISO-AUTOEXEC\n' > "$TMP/autoexec.ipxe"
mkiso --bios "$kpxe" --bios-loader "$loader" --script "$TMP/autoexec.ipxe" -o "$TMP/boot.iso" ||
	fail "mkiso failed"
iso=$TMP/boot.iso

# What cannot work is refused. A BIOS image over 560 KiB cannot be loaded
# at 0000:7C00:
head -c $((560 * 1024 + 1)) /dev/zero > "$TMP/big.kpxe"
out=$(mkiso --bios "$TMP/big.kpxe" --bios-loader "$loader" -o "$TMP/bad.iso" 2>&1) &&
	fail "mkiso took a BIOS image of 560 KiB + 1 byte"
expect_in "$out" "is 573441 bytes; a BIOS boot image loaded at 0000:7C00 may be at most 560 KiB" \
	"mkiso (BIOS image too large)"
# bootnet.kpxe alone as the boot image (most BIOSes would load 2 KiB of it):
out=$(mkiso --bios "$kpxe" -o "$TMP/bad.iso" 2>&1) && fail "mkiso took --bios without --bios-loader"
expect_in "$out" "--bios needs --bios-loader" "mkiso (no loader)"
out=$(mkiso --bios-loader "$loader" -o "$TMP/bad.iso" 2>&1) && fail "mkiso took --bios-loader without --bios"
expect_in "$out" "--bios-loader without --bios" "mkiso (no kpxe)"
# A loader over one CD sector (the BIOS loads 2048 bytes):
{ cat "$loader"; printf x; } > "$TMP/long.bin"
out=$(mkiso --bios "$kpxe" --bios-loader "$TMP/long.bin" -o "$TMP/bad.iso" 2>&1) &&
	fail "mkiso took a loader of 2049 bytes"
expect_in "$out" "is 2049 bytes; the CD loader must be 64 to 2048 bytes" "mkiso (loader too long)"
# A loader using bytes 8-63, which the boot info table overwrites:
{ head -c 40 "$loader"; printf x; tail -c +42 "$loader"; } > "$TMP/table.bin"
out=$(mkiso --bios "$kpxe" --bios-loader "$TMP/table.bin" -o "$TMP/bad.iso" 2>&1) &&
	fail "mkiso took a loader with data where the boot info table goes"
expect_in "$out" "has data in bytes 8-63, where the boot info table goes" "mkiso (loader's bytes 8-63)"
[ -e "$TMP/bad.iso" ] && fail "a refused mkiso left an ISO behind"

out=$(xorriso -indev "$iso" -report_el_torito plain 2>&1)
expect_in "$out" "Volume id +: 'BOOTNET'" "xorriso (volume id)"
expect_in "$out" "El Torito boot img : +1 +BIOS +y +none +0x0000 +0x00 +4 " "xorriso -report_el_torito"
expect_in "$out" "El Torito boot img : +2 +UEFI +y +none " "xorriso -report_el_torito"
expect_in "$out" "El Torito img path : +1 +/bootnet.bin$" "xorriso -report_el_torito"
expect_in "$out" "El Torito img opts : +1 +boot-info-table" "xorriso -report_el_torito"
grep -Eq "El Torito boot img : +3 " <<<"$out" && fail "more than two boot images"
out=$(python3 eltorito_check.py "$iso" --bios-file "$TMP/bios.bin") || { echo "$out"; fail "eltorito_check.py"; }
echo "$out"
expect_in "$(sed -n 2p <<<"$out")" "platform x86 \(0x00\), no emulation, 4 sectors at LBA [0-9]+$" "eltorito_check.py (1st)"
expect_in "$(sed -n 3p <<<"$out")" "platform EFI \(0xef\), no emulation" "eltorito_check.py (2nd)"
ksize=$(stat -c %s "$kpxe")
expect_in "$(sed -n 4p <<<"$out")" \
	"boot info table: PVD at LBA 16, boot file BOOTNET\.BIN;1 at LBA [0-9]+, $((2048 + ksize)) bytes, checksum" \
	"eltorito_check.py (boot info table)"
# The boot file, as eltorito_check.py read it: the loader (but for the
# boot info table, bytes 8-63) then bootnet.kpxe, byte for byte.
[ "$(stat -c %s "$TMP/bios.bin")" = $((2048 + ksize)) ] || fail "the BIOS boot file is not 2048 + $ksize bytes"
cmp -s -n 8 "$TMP/bios.bin" "$loader" || fail "the BIOS boot file's bytes 0-7 are not the loader's"
cmp -s -i 64 -n $((2048 - 64)) "$TMP/bios.bin" "$loader" || fail "the BIOS boot file's bytes 64-2047 are not the loader's"
cmp -s -i 2048:0 "$TMP/bios.bin" "$kpxe" || fail "the BIOS boot file does not go on with bin/bootnet.kpxe"
xorriso -osirrox on -indev "$iso" -extract /bootnet.bin "$TMP/bios-x.bin" >/dev/null 2>&1 ||
	fail "xorriso could not extract /bootnet.bin"
cmp -s "$TMP/bios.bin" "$TMP/bios-x.bin" || fail "xorriso's /bootnet.bin differs from the boot entry's file"
# eltorito_check.py notices a wrong boot info table (its length, its LBA).
lba=$(sed -nE '4s/.* at LBA ([0-9]+), .*/\1/p' <<<"$out")
for field in 12 16; do
	cp "$iso" "$TMP/damaged.iso"
	printf '\x01\x02\x03' | dd of="$TMP/damaged.iso" bs=1 seek=$((lba * 2048 + field)) conv=notrunc status=none
	out=$(python3 eltorito_check.py "$TMP/damaged.iso") && fail "eltorito_check.py took a damaged boot info table"
	expect_in "$out" "eltorito_check: boot info table: boot file (at LBA|of) " "eltorito_check.py (damaged table)"
done

mkdir "$TMP/boot"
xorriso -osirrox on -indev "$iso" -extract_boot_images "$TMP/boot/" >/dev/null 2>&1 ||
	fail "xorriso could not extract the boot images"
cmp -s -n "$(stat -c %s "$TMP/bios.bin")" "$TMP/boot/eltorito_img1_bios.img" "$TMP/bios.bin" ||
	fail "xorriso's BIOS boot image is not /bootnet.bin"
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
