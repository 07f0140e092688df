# sanboot under 32-bit OVMF: the SAN disk's ESP holds bootnet-i386.efi as
# the removable-media loader EFI/BOOT/BOOTIA32.EFI. sanboot --filename of a
# file the disk lacks says so; sanboot then starts the loader, read from
# the disk through bootnet's Block I/O, and it shows its own banner. (The
# inner bootnet finds the NIC held by the outer one, so it stops at its
# prompt, where the test ends.)
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
lab_require_root
[ -r /usr/share/OVMF/OVMF32_CODE_4M.secboot.fd ] || lab_skip "no 32-bit OVMF (install ovmf-ia32)"

efi="$LAB_TOP/bin/bootnet-i386.efi"
lab_gpt_disk "$LAB_DIR/disk.img" 4 "$efi:/EFI/BOOT/BOOTIA32.EFI"
lab_start --dhcp-boot=san.ipxe
lab_start_tgtd
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/disk.img"
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
sanhook iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN
sanboot --filename /tools/missing.efi || echo MISSING-REFUSED
sanboot
SCRIPT

lab_boot_efi_disk i386 "$efi"
lab_wait_for 'Registered SAN device 0x80: .* \(8192 blocks of 512 bytes, 4 MiB\)' 300
lab_wait_for 'no \\tools\\missing.efi on its file system' 60
lab_wait_for '^MISSING-REFUSED' 30
lab_wait_for 'Starting \\EFI\\BOOT\\BOOTIA32.EFI from SAN device 0x80' 60
# The banner again: the inner bootnet is running.
for i in $(seq 120); do
	[ "$(lab_serial_text | grep -c 'bootnet .* (i386, efi) -- network boot firmware')" -ge 2 ] && break
	sleep 1
done
[ "$(lab_serial_text | grep -c 'bootnet .* (i386, efi) -- network boot firmware')" -ge 2 ] ||
	lab_fail "the program started from the SAN disk did not run"
lab_expect_not 'Exception'
echo PASS
