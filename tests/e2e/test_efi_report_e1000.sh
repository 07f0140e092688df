# As test_efi_report_virtio, with an Intel e1000: QEMU's EFI option ROM for
# it provides the SNP path, which the report lists under 8086:100e.
. "$(dirname "$0")/lab.sh"
lab_start
LAB_NIC=e1000 lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 120
lab_wait_for '^Network: ' 60
lab_expect '^  00:[0-9a-f]{2}\.0  8086:100e  \[0200\]  Ethernet controller: Intel 82540EM'
lab_serial_text | grep -A3 '8086:100e  \[0200\]' | grep -Eq '^      SNP 52:54:00:77:00:01: ' ||
	lab_fail "no SNP path listed under the e1000 device"
lab_expect_not 'Exception|no firmware network path'
echo PASS
