# The Mac mini path: 32-bit EFI booting a 64-bit kernel. Debian's 32-bit
# OVMF on an x86_64 CPU (QEMU's i386 emulator cannot run a 64-bit kernel)
# PXE-boots bootnet-i386.efi, whose script boots Debian's x86_64 kernel
# through its 32-bit EFI handover entry (CONFIG_EFI_MIXED) with a busybox
# initrd. Checks the command line and the initrd as the x86_64 test does.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/linux_initrd.sh"

linux_lab_start i386 1048576

args='console=ttyS0 quiet boot=live ocs_live_run="ocs-sr -q2 savedisk img sda" marker="two words"'
cat > "$LAB_DIR/tftp/boot/linux.ipxe" <<SCRIPT
#!ipxe
kernel http://$LAB_SERVER_IP/vmlinuz $args
initrd http://$LAB_SERVER_IP/initrd.gz
boot
SCRIPT

# The 32-bit firmware on a 64-bit CPU, as on those Macs.
LAB_CPU64=1 lab_pxe_efi i386 -m 1024

lab_wait_for 'bootnet .* \(i386, efi\)' 240
lab_wait_for '^Booting vmlinuz through its 32-bit EFI handover entry' 300
lab_wait_for '^INIT-DONE' 600
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$args" ] || lab_fail "the kernel got the command line [$got], not [$args]"
lab_expect "^SHA256: $want_sha\$"
echo PASS
