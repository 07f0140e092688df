# The Mac mini path: 32-bit EFI booting a 64-bit kernel. Debian's 32-bit
# OVMF on an x86_64 CPU (QEMU's i386 emulator cannot run a 64-bit kernel)
# PXE-boots bootnet-i386.efi, whose script boots Debian's x86_64 kernel
# through its 32-bit EFI handover entry (CONFIG_EFI_MIXED) with a busybox
# initrd. Checks the command line and the initrd as the x86_64 test does.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/linux_initrd.sh"

code=/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd
vars=/usr/share/OVMF/OVMF32_VARS_4M.fd
[ -r "$code" ] || lab_skip "no 32-bit OVMF (install ovmf-ia32)"

linux_lab_start i386 1048576

args='console=ttyS0 quiet boot=live ocs_live_run="ocs-sr -q2 savedisk img sda" marker="two words"'
cat > "$LAB_DIR/tftp/boot/linux.ipxe" <<SCRIPT
#!ipxe
kernel http://$LAB_SERVER_IP/vmlinuz $args
initrd http://$LAB_SERVER_IP/initrd.gz
boot
SCRIPT

# As lab_pxe_efi, but the 32-bit firmware on qemu-system-x86_64. Debian
# ships 32-bit OVMF only as its Secure Boot build: it needs SMM; its fresh
# variable store enrolls no keys, so unsigned images still run.
cp "$vars" "$LAB_DIR/vars.fd"
: > "$LAB_SERIAL"
lab_ns qemu-system-x86_64 -machine q35,smm=on -m 1024 -display none -monitor none -no-reboot \
	-global driver=cfi.pflash01,property=secure,value=on \
	-drive if=pflash,format=raw,readonly=on,file="$code" \
	-drive if=pflash,format=raw,file="$LAB_DIR/vars.fd" \
	-netdev tap,id=lan,ifname=tap0,script=no,downscript=no \
	-device virtio-net-pci,netdev=lan,mac=52:54:00:77:00:01,romfile=,bootindex=0 \
	-serial file:"$LAB_SERIAL" &
LAB_PIDS+=($!)

lab_wait_for 'bootnet .* \(i386, efi\)' 240
lab_wait_for '^Booting vmlinuz through its 32-bit EFI handover entry' 300
lab_wait_for '^INIT-DONE' 600
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$args" ] || lab_fail "the kernel got the command line [$got], not [$args]"
lab_expect "^SHA256: $want_sha\$"
echo PASS
