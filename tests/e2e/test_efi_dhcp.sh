# bootnet brings up the NIC through the firmware's SNP (OVMF's own virtio-net
# driver, QEMU's iPXE ROM disabled) and gets an address and a boot file from
# dnsmasq, announcing itself the way iPXE does.
. "$(dirname "$0")/lab.sh"
lab_start --dhcp-boot=pxe/bootnet.ipxe --dhcp-option=3,10.77.0.1 \
	--dhcp-userclass=set:ipxe,iPXE --dhcp-match=set:ipxe175,175
LAB_NIC='virtio-net-pci,romfile=' lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for '^net0: DHCP' 120
lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 gateway 10\.77\.0\.1 \(from DHCP server 10\.77\.0\.1\)' 60
lab_expect '^net0: 52:54:00:77:00:01 through SNP'
lab_expect '^net0: boot file "pxe/bootnet.ipxe" on server 10\.77\.0\.1$'
lab_wait_for 'bootnet command line: .help. lists the commands' 30
# dnsmasq saw the PXE client class, the iPXE user class and option 175.
grep -q 'PXEClient:Arch:00007:UNDI:003016' "$LAB_DIR/dnsmasq.log" || lab_fail "no PXE vendor class in the DHCP request"
grep -q 'tags: .*ipxe' "$LAB_DIR/dnsmasq.log" || lab_fail "dnsmasq did not tag the client as iPXE"
grep -q 'tags: .*ipxe175' "$LAB_DIR/dnsmasq.log" || lab_fail "dnsmasq did not see option 175"
lab_expect_not 'Exception'
echo PASS
