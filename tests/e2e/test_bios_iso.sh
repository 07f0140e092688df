# bin/bootnet.iso on BIOS: SeaBIOS boots its BIOS El Torito entry
# (bootnet.kpxe, no emulation) from a CD-ROM; with no PXE ROM on the NIC
# (an e1000 with QEMU's iPXE ROM removed) bootnet drives it with its own
# e1000 driver, gets DHCP and runs the boot file's script.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"

iso=$LAB_TOP/bin/bootnet.iso
[ -r "$iso" ] || lab_fail "no $iso (run make)"
lab_start --dhcp-boot=boot/iso.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho BIOS-ISO-SCRIPT ${platform} ${net0/ip}\npoweroff\n' > "$LAB_DIR/tftp/boot/iso.ipxe"

lab_boot_cdrom_bios "$iso"
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'e1000: .*-> net0' 60
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^BIOS-ISO-SCRIPT pcbios 10\.77\.0\.[0-9]+$' 60
echo PASS
