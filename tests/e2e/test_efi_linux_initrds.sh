# Several initrds, as iPXE scripts give them: the busybox initrd, a second
# cpio archive that adds /extra.txt, and a plain file placed at
# /etc/renamed by `initrd URI /etc/renamed mode=600` (bootnet wraps it in
# cpio headers). The first initrd's /init prints all three.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/linux_initrd.sh"

linux_lab_start x86_64 65536
mkdir -p "$LAB_DIR/extra"
echo "second initrd $$" > "$LAB_DIR/extra/extra.txt"
(cd "$LAB_DIR/extra" && echo extra.txt | cpio -o -H newc --quiet) > "$LAB_DIR/www/extra.cpio"
echo "renamed file $$" > "$LAB_DIR/www/plain.txt"

cat > "$LAB_DIR/tftp/boot/linux.ipxe" <<SCRIPT
#!ipxe
kernel http://$LAB_SERVER_IP/vmlinuz console=ttyS0 quiet
initrd http://$LAB_SERVER_IP/initrd.gz
initrd http://$LAB_SERVER_IP/extra.cpio
initrd http://$LAB_SERVER_IP/plain.txt /etc/renamed mode=600
boot
SCRIPT

lab_pxe_efi x86_64 -m 1024
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^Booting vmlinuz: Linux' 300
lab_wait_for '^INIT-DONE' 600
lab_expect "^SHA256: $want_sha\$"
lab_expect "^EXTRA: second initrd $$\$"
lab_expect "^RENAMED: renamed file $$ 600\$"
echo PASS
