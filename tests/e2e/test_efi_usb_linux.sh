# bin/bootnet.usb on a USB stick: OVMF boots EFI/BOOT/BOOTX64.EFI from the
# stick's ESP (before any network boot option), and bootnet does what it
# does from the network: DHCP, the boot file's script over TFTP, which
# chains one over HTTP that boots Debian's kernel with a busybox initrd.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"
. "$(dirname "$0")/linux_initrd.sh"

usb=$LAB_TOP/bin/bootnet.usb
[ -r "$usb" ] || lab_fail "no $usb (run make)"
linux_lab_start x86_64 65536
args='console=ttyS0 quiet rdinit=/init marker=usb'
printf '#!ipxe\nchain http://%s/linux.ipxe\n' $LAB_SERVER_IP > "$LAB_DIR/tftp/boot/linux.ipxe"
cat > "$LAB_DIR/www/linux.ipxe" <<SCRIPT
#!ipxe
echo LINUX-SCRIPT
kernel vmlinuz $args
initrd initrd.gz
boot
SCRIPT

lab_boot_usb x86_64 "$usb" -m 1024
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^LINUX-SCRIPT' 180
lab_wait_for '^INIT-START' 600
lab_wait_for '^INIT-DONE' 120
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$args" ] || lab_fail "the kernel got the command line [$got], not [$args]"
lab_expect "^SHA256: $want_sha\$"
# It came from the stick (OVMF names the boot option it starts).
lab_expect 'starting Boot[0-9A-F]+ "UEFI QEMU QEMU USB HARDDRIVE'
echo PASS
