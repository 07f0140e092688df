# bin/bootnet.iso: OVMF boots it as a CD-ROM (UEFI El Torito) and bootnet
# gets an address by DHCP and runs the boot file's script; then the same
# ISO as a USB stick (its hybrid GPT) does the same; last, an ISO made with
# `tools/mkiso --script` runs its autoexec.ipxe from the CD instead.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"

iso=$LAB_TOP/bin/bootnet.iso
[ -r "$iso" ] || lab_fail "no $iso (run make)"
lab_start --dhcp-boot=boot/iso.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho ISO-SCRIPT ${net0/ip}\npoweroff\n' > "$LAB_DIR/tftp/boot/iso.ipxe"

lab_boot_cdrom "$iso"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_expect 'starting Boot[0-9A-F]+ "UEFI QEMU DVD-ROM'
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^ISO-SCRIPT 10\.77\.0\.[0-9]+$' 60
lab_qemu_stop

lab_boot_usb x86_64 "$iso"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_expect 'starting Boot[0-9A-F]+ "UEFI QEMU QEMU USB HARDDRIVE'
lab_wait_for '^ISO-SCRIPT 10\.77\.0\.[0-9]+$' 120
lab_qemu_stop

printf '#!ipxe\necho ISO-AUTOEXEC ${platform}\npoweroff\n' > "$LAB_DIR/autoexec.ipxe"
"$LAB_TOP/tools/mkiso" --x64 "$LAB_TOP/bin/bootnet-x86_64.efi" --ia32 "$LAB_TOP/bin/bootnet-i386.efi" \
	--script "$LAB_DIR/autoexec.ipxe" -o "$LAB_DIR/autoexec.iso" || lab_fail "mkiso failed"
lab_boot_cdrom "$LAB_DIR/autoexec.iso"
lab_wait_for 'bootnet: running \\autoexec\.ipxe on the boot volume' 180
lab_wait_for '^ISO-AUTOEXEC efi$' 30
lab_expect_not 'ISO-SCRIPT'
echo PASS
