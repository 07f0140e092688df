# bin/bootnet.iso on BIOS: SeaBIOS boots its BIOS El Torito entry (no
# emulation) from a CD-ROM. The entry has the BIOS load only 4 512-byte
# sectors, the CD loader (bios/cd_loader.S), which says so on the serial
# console, reads bootnet.kpxe from the rest of the boot file and starts it;
# with no PXE ROM on the NIC (an e1000 with QEMU's iPXE ROM removed)
# bootnet drives it with its own e1000 driver, gets DHCP and runs the boot
# file's script. Then the loader's failures: a boot info table naming an
# LBA past the disc's end (the read fails, and it says so), and a cut
# bootnet.kpxe (bootnet's prefix says so and returns to the loader, which
# says so too); neither starts bootnet.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"

iso=$LAB_TOP/bin/bootnet.iso
[ -r "$iso" ] || lab_fail "no $iso (run make)"
# The BIOS loads the loader alone: were the whole file loaded, the loader
# would not be what brought bootnet in.
report=$(xorriso -indev "$iso" -report_el_torito plain 2>&1)
grep -Eq "El Torito boot img : +1 +BIOS +y +none +0x0000 +0x00 +4 " <<<"$report" ||
	{ echo "$report"; lab_fail "the BIOS El Torito entry does not load 4 sectors"; }
lab_start --dhcp-boot=boot/iso.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho BIOS-ISO-SCRIPT ${platform} ${net0/ip}\npoweroff\n' > "$LAB_DIR/tftp/boot/iso.ipxe"

lab_boot_cdrom_bios "$iso"
lab_wait_for '^bootnet CD: loading bootnet\.kpxe' 60
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_expect_not 'bootnet CD: .*(failed|no |not |returned)'
lab_wait_for 'e1000: .*-> net0' 60
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^BIOS-ISO-SCRIPT pcbios 10\.77\.0\.[0-9]+$' 60
lab_qemu_stop

# The boot file's LBA in the boot info table (bytes 12-15 of the file at
# the BIOS entry's LBA) made 0x00ffffff, far past the disc's end.
lba=$(sed -nE 's/^El Torito boot img : +1 +BIOS .* ([0-9]+)$/\1/p' <<<"$report")
[ -n "$lba" ] || { echo "$report"; lab_fail "no LBA for the BIOS El Torito entry"; }
cp "$iso" "$LAB_DIR/damaged.iso"
printf '\xff\xff\xff\x00' | dd of="$LAB_DIR/damaged.iso" bs=1 seek=$((lba * 2048 + 12)) conv=notrunc status=none
lab_boot_cdrom_bios "$LAB_DIR/damaged.iso"
lab_wait_for '^bootnet CD: CD read failed \(INT 13h AH=42h status 0x[0-9a-f]{2} at LBA 0x01000000\)' 60
lab_expect_not 'bootnet .* \(i386, pcbios\)'
lab_qemu_stop

head -c 20000 "$LAB_TOP/bin/bootnet.kpxe" > "$LAB_DIR/cut.kpxe"
"$LAB_TOP/tools/mkiso" --x64 "$LAB_TOP/bin/bootnet-x86_64.efi" --ia32 "$LAB_TOP/bin/bootnet-i386.efi" \
	--bios "$LAB_DIR/cut.kpxe" --bios-loader "$LAB_TOP/build/cd_loader.bin" -o "$LAB_DIR/cut.iso" ||
	lab_fail "mkiso failed"
lab_boot_cdrom_bios "$LAB_DIR/cut.iso"
lab_wait_for '^bootnet CD: bootnet returned; next boot device' 60
lab_expect '^bootnet CD: loading bootnet\.kpxe'
lab_expect '^bootnet: the packed core is damaged or cut short'
lab_expect_not 'bootnet .* \(i386, pcbios\)'
echo PASS
