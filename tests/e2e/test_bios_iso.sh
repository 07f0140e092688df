# bin/bootnet.iso on BIOS: SeaBIOS boots its BIOS El Torito entry (no
# emulation) from a CD-ROM. The entry has the BIOS load only 4 512-byte
# sectors, the CD loader (bios/cd_loader.S), which says so on the serial
# console, reads bootnet.kpxe from the rest of the boot file and starts it;
# with no PXE ROM on the NIC (an e1000 with QEMU's iPXE ROM removed)
# bootnet drives it with its own e1000 driver, gets DHCP and runs the boot
# file's script.
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
echo PASS
