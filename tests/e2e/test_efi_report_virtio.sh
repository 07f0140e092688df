# OVMF boots bootnet-x86_64.efi from a FAT disk; the banner and a device
# report naming the virtio-net NIC and its firmware SNP path appear on serial.
. "$(dirname "$0")/lab.sh"
lab_start
LAB_NIC=virtio-net-pci lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 120
lab_wait_for '^Network: ' 60
lab_expect 'Built with lwIP [0-9.]+, mbed TLS [0-9.]+'
lab_expect '^  00:[0-9a-f]{2}\.0  1af4:(1000|1041)  \[0200\]  Ethernet controller: Red Hat virtio-net'
# The SNP path is listed under the NIC itself, with the MAC QEMU was given.
lab_serial_text | grep -A3 '1af4:10[04][01]  \[0200\]' | grep -Eq '^      SNP 52:54:00:77:00:01: ' ||
	lab_fail "no SNP path listed under the virtio-net device"
lab_expect '^Network: 1 network controller, [1-9][0-9]* firmware network paths?\.'
lab_expect_not 'Exception|no firmware network path'
echo PASS
