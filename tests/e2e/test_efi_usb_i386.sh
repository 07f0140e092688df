# bin/bootnet.usb on 32-bit UEFI (Debian's ia32 OVMF, as on 2006-2008
# Macs): the firmware boots EFI/BOOT/BOOTIA32.EFI from the stick's ESP, and
# bootnet gets DHCP and runs the boot file's script.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"

usb=$LAB_TOP/bin/bootnet.usb
[ -r "$usb" ] || lab_fail "no $usb (run make)"
lab_start --dhcp-boot=boot/usb.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho USB-SCRIPT ${platform} ${buildarch}\npoweroff\n' > "$LAB_DIR/tftp/boot/usb.ipxe"

lab_boot_usb i386 "$usb"
lab_wait_for 'bootnet .* \(i386, efi\)' 240
lab_expect 'starting Boot[0-9A-F]+ "UEFI QEMU QEMU USB HARDDRIVE'
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^USB-SCRIPT efi i386$' 60
echo PASS
