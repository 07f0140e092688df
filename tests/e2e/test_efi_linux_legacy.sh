# A Linux kernel without an EFI stub, booted from UEFI through the x86
# boot protocol (zero page with e820, efi_info, screen_info; then
# ExitBootServices and the 64-bit entry). The test makes such a kernel
# from Debian's by wiping its "MZ" signature: no PE header, the Linux
# setup header intact, as a kernel built without CONFIG_EFI_STUB (FOG's
# 3.x kernels, say) looks to a loader. With LEGACY_ARCH=i386 the same runs
# under 32-bit OVMF (on an x86_64 CPU) with the kernel's EFI handover
# entry also wiped, so the 32-bit entry is used.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/linux_initrd.sh"

arch=${LEGACY_ARCH:-x86_64}
linux_lab_start "$arch" 262144
printf '\0\0' | dd of="$LAB_DIR/www/vmlinuz" bs=1 seek=0 conv=notrunc status=none
if [ "$arch" = i386 ]; then # no handover_offset either
	printf '\0\0\0\0' | dd of="$LAB_DIR/www/vmlinuz" bs=1 seek=$((0x264)) conv=notrunc status=none
fi

args='console=ttyS0 quiet marker="two words"'
cat > "$LAB_DIR/tftp/boot/linux.ipxe" <<SCRIPT
#!ipxe
kernel http://$LAB_SERVER_IP/vmlinuz $args
initrd http://$LAB_SERVER_IP/initrd.gz
boot
SCRIPT

if [ "$arch" = i386 ]; then
	LAB_CPU64=1 lab_pxe_efi i386 -m 1024
	bits=32
else
	lab_pxe_efi x86_64 -m 1024
	bits=64
fi
lab_wait_for "bootnet .* \\($arch, efi\\)" 240
lab_wait_for "^Booting vmlinuz through the x86 boot protocol \\(no EFI stub, $bits-bit entry\\)" 300
lab_wait_for '^INIT-DONE' 600
got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
[ "$got" = "$args" ] || lab_fail "the kernel got the command line [$got], not [$args]"
lab_expect "^SHA256: $want_sha\$"
echo PASS
