# autoexec.ipxe on bin/bootnet.usb's ESP runs instead of autoboot:
# 1. `mkusb --script` puts it at the root: bootnet says where it found it,
#    runs it (no DHCP before the script's own `dhcp`), and the script's
#    chain over HTTP boots Linux.
# 2. A second autoexec.ipxe next to BOOTX64.EFI (\EFI\BOOT\) wins over the
#    one at the root.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"
. "$(dirname "$0")/linux_initrd.sh"

for f in bootnet-x86_64.efi bootnet-i386.efi; do
	[ -r "$LAB_TOP/bin/$f" ] || lab_fail "no bin/$f (run make)"
done
linux_lab_start x86_64 65536
args='console=ttyS0 quiet rdinit=/init marker=autoexec'
cat > "$LAB_DIR/www/linux.ipxe" <<SCRIPT
#!ipxe
echo LINUX-SCRIPT
kernel vmlinuz $args
initrd initrd.gz
boot
SCRIPT
cat > "$LAB_DIR/root.ipxe" <<SCRIPT
#!ipxe
echo AUTOEXEC-ROOT \${platform}
dhcp
chain http://$LAB_SERVER_IP/linux.ipxe
SCRIPT
"$LAB_TOP/tools/mkusb" --x64 "$LAB_TOP/bin/bootnet-x86_64.efi" --ia32 "$LAB_TOP/bin/bootnet-i386.efi" \
	--script "$LAB_DIR/root.ipxe" -o "$LAB_DIR/autoexec.usb" || lab_fail "mkusb failed"

lab_boot_usb x86_64 "$LAB_DIR/autoexec.usb" -m 1024
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for 'bootnet: running \\autoexec\.ipxe on the boot volume' 60
lab_wait_for '^AUTOEXEC-ROOT efi$' 30
lab_wait_for '^LINUX-SCRIPT' 120
lab_wait_for '^INIT-DONE' 600
lab_expect "^CMDLINE: $args\$"
lab_expect "^SHA256: $want_sha\$"
# Autoboot did not run: the only DHCP is the script's, after its marker.
first_dhcp=$(lab_serial_text | grep -n 'DHCP\.\.\.' | head -n1 | cut -d: -f1)
marker=$(lab_serial_text | grep -n '^AUTOEXEC-ROOT' | head -n1 | cut -d: -f1)
[ "$(lab_serial_text | grep -c 'DHCP\.\.\.')" = 1 ] && [ "$first_dhcp" -gt "$marker" ] ||
	lab_fail "DHCP ran outside autoexec.ipxe (autoboot?)"
lab_qemu_stop

# Next to bootnet's own file wins over the root.
printf '#!ipxe\necho AUTOEXEC-BESIDE\npoweroff\n' > "$LAB_DIR/beside.ipxe"
MTOOLS_SKIP_CHECK=1 mcopy -i "$LAB_DIR/autoexec.usb@@$((2048 * 512))" "$LAB_DIR/beside.ipxe" \
	::/EFI/BOOT/autoexec.ipxe || lab_fail "mcopy into the image failed"
lab_boot_usb x86_64 "$LAB_DIR/autoexec.usb"
lab_wait_for 'bootnet: running \\EFI\\BOOT\\autoexec\.ipxe on the boot volume' 180
lab_wait_for '^AUTOEXEC-BESIDE$' 30
lab_expect_not 'AUTOEXEC-ROOT'
echo PASS
