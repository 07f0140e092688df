# The 32-bit build (for the EFI of 2006-2008 Macs) under Debian's 32-bit OVMF:
# banner with "i386", and the device report with the NIC's SNP path.
. "$(dirname "$0")/lab.sh"
lab_start
lab_boot_efi_disk i386 "$LAB_TOP/bin/bootnet-i386.efi"
lab_wait_for 'bootnet .* \(i386, efi\)' 180
lab_wait_for '^Network: ' 60
lab_expect '^  00:[0-9a-f]{2}\.0  1af4:(1000|1041)  \[0200\]  Ethernet controller: Red Hat virtio-net'
lab_serial_text | grep -A3 '1af4:10[04][01]  \[0200\]' | grep -Eq '^      SNP 52:54:00:77:00:01: ' ||
	lab_fail "no SNP path listed under the virtio-net device"
lab_expect_not 'Exception|no firmware network path'
echo PASS
