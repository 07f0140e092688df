# Linux over the network from UEFI, the Clonezilla way: OVMF PXE-boots
# bootnet, whose TFTP script chains a script over HTTP that fetches
# Debian's kernel (EFI stub) and a busybox initrd by relative URIs and
# boots them with a long command line. The
# initrd's /init prints /proc/cmdline and the SHA-256 of a 1 MiB random
# file it carries, then powers off. Checks: the command line arrives
# exactly as written (quotes kept) and the initrd arrives bit-exact.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/linux_initrd.sh"

linux_lab_start x86_64 1048576

args='initrd=initrd.gz console=ttyS0 quiet rdinit=/init boot=live fetch=http://10.77.0.1/filesystem.squashfs ocs_live_run="ocs-sr -q2 savedisk img sda" marker="two words"'
printf '#!ipxe\nchain http://%s/linux.ipxe\n' $LAB_SERVER_IP > "$LAB_DIR/tftp/boot/linux.ipxe"
cat > "$LAB_DIR/www/linux.ipxe" <<SCRIPT
#!ipxe
echo LINUX-SCRIPT
kernel vmlinuz $args
initrd initrd.gz
imgstat
boot
echo BOOT-RETURNED
SCRIPT

lab_pxe_efi x86_64 -m 1024
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^LINUX-SCRIPT' 120
lab_wait_for '^Booting vmlinuz: Linux' 300
lab_wait_for '^INIT-START' 600
lab_wait_for '^INIT-DONE' 120
lab_expect_not 'BOOT-RETURNED'
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$args" ] || lab_fail "the kernel got the command line [$got], not [$args]"
lab_expect "^SHA256: $want_sha\$"
echo PASS
