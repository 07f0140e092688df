# No DHCP server on the network: within 60 s of starting DHCP, bootnet says
# so, with what to check, and gives the machine back instead of hanging.
. "$(dirname "$0")/lab.sh"
LAB_DHCP=none lab_start
LAB_NIC='virtio-net-pci,romfile=' lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for '^net0: DHCP' 120
lab_wait_for '^net0: no DHCP answer in [0-9]+ seconds \([0-9]+ frames sent' 60
lab_expect 'spanning tree'
lab_wait_for 'bootnet command line: .help. lists the commands' 30
echo PASS
