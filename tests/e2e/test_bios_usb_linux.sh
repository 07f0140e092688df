# Linux from bin/bootnet.usb on BIOS: SeaBIOS boots the stick (the MBR,
# bios/usb_mbr.S, loads the BIOS build), bootnet drives the e1000 with its own driver, gets
# a script over HTTP that loads Debian's kernel and a busybox initrd (1 MiB
# of random data inside) and boots them through the x86 boot protocol.
# Linux's /init prints /proc/cmdline and the data's SHA-256.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_media.sh"
. "$(dirname "$0")/linux_initrd.sh"

usb="$LAB_TOP/bin/bootnet.usb"
[ -r "$usb" ] || lab_fail "bin/bootnet.usb is not built (make)"
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -n "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
[ -r "$kernel" ] || lab_skip "$kernel is not readable"
lab_start --dhcp-boot="http://$LAB_SERVER_IP/linux.ipxe"
cp "$kernel" "$LAB_DIR/www/vmlinuz"
mkdir -p "$LAB_DIR/initrd"
head -c 1048576 /dev/urandom > "$LAB_DIR/initrd/data.bin"
want_sha=$(sha256sum "$LAB_DIR/initrd/data.bin" | cut -d' ' -f1)
linux_initrd_build "$LAB_DIR/initrd" "$LAB_DIR/www/initrd.gz"
args='console=ttyS0 quiet rdinit=/init bootif=${net0/mac} marker="from usb"'
want=${args//\$\{net0\/mac\}/52:54:00:77:00:01}
cat > "$LAB_DIR/www/linux.ipxe" <<SCRIPT
#!ipxe
echo LINUX-SCRIPT on \${platform}
kernel http://$LAB_SERVER_IP/vmlinuz $args
initrd http://$LAB_SERVER_IP/initrd.gz
boot
echo BOOT-RETURNED
SCRIPT

lab_boot_usb_bios "$usb"
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^ +\[native\] e1000: .*link up.* -> net0' 120
lab_wait_for '^LINUX-SCRIPT on pcbios' 240
lab_wait_for '^INIT-START' 600
lab_wait_for '^INIT-DONE' 120
lab_expect_not 'BOOT-RETURNED'
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$want" ] || lab_fail "the kernel got the command line [$got], not [$want]"
lab_expect "^SHA256: $want_sha\$"
echo "PASS: Linux booted from bootnet.usb on SeaBIOS (native e1000); /proc/cmdline [$got]"
