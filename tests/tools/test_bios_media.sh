# The BIOS pieces of the boot media, read back with other tools than the
# ones that wrote them: bin/bootnet.usb's MBR holds the BIOS boot code
# (build/bios/mbr.bin, at most 440 bytes) with the protective MBR's
# partition table and 55AA intact (sgdisk -v), and the BIOS build at LBA
# 34816 (the "BIOS boot" partition, type EF02, per sgdisk); bin/bootnet.iso's
# El Torito catalog (xorriso's report) has a BIOS no-emulation entry loading
# 4 sectors with the boot info table before the UEFI one, and its boot file
# is the CD loader followed by the BIOS build.
. "$(dirname "$0")/check.sh"
need_tool sgdisk xorriso python3
usb=$TOP/bin/bootnet.usb iso=$TOP/bin/bootnet.iso
mbr=$TOP/build/bios/mbr.bin img=$TOP/build/bios/media.img
for f in "$usb" "$iso" "$mbr" "$img"; do [ -r "$f" ] || fail "build first (make): no $f"; done

[ "$(stat -c %s "$mbr")" -le 440 ] || fail "the MBR boot code is over 440 bytes"
cmp -s -n "$(stat -c %s "$mbr")" "$mbr" "$usb" || fail "bootnet.usb's MBR does not start with mbr.bin"
[ "$(od -An -tx1 -j510 -N2 "$usb" | tr -d ' ')" = 55aa ] || fail "the MBR lost its 55AA signature"
out=$(sgdisk -v "$usb" 2>&1) || { echo "$out"; fail "sgdisk -v on bootnet.usb"; }
expect_in "$out" "No problems found" "sgdisk -v"
out=$(sgdisk -i 2 "$usb" 2>&1)
expect_in "$out" "First sector: 34816 " "the BIOS boot partition's start"
expect_in "$out" "21686148-6449-6E6F-744E-656564454649" "the BIOS boot partition's type (EF02)"
cmp -s -i 0:$((34816 * 512)) -n "$(stat -c %s "$img")" "$img" "$usb" ||
	fail "bootnet.usb does not hold the BIOS build at LBA 34816"

report=$(xorriso -indev "$iso" -report_el_torito plain 2>/dev/null)
echo "$report"
expect_in "$report" "boot img :   1  BIOS  y   none  0x0000  0x00      4 " "the BIOS El Torito entry"
expect_in "$report" "boot img :   2  UEFI  y   none" "the UEFI entry after it"
expect_in "$report" "img opts :   1  boot-info-table" "the boot info table"
xorriso -osirrox on -indev "$iso" -extract /boot/bios.bin "$TMP/bios.bin" >/dev/null 2>&1 ||
	fail "cannot extract /boot/bios.bin from the ISO"
cmp -s -i 2048:0 "$TMP/bios.bin" "$img" || fail "the CD boot file does not carry the BIOS build after its first 2048 bytes"
echo "usb MBR code: $(stat -c %s "$mbr") bytes; BIOS build: $(stat -c %s "$img") bytes"
exit 0
