# Link handling, with QEMU pulling the virtual cable (QMP set_link) under a
# native driver (virtio-net legacy, NETPATH=native build):
# 1. the link comes and goes while bootnet waits for it, then holds: bootnet
#    says it went down several times, gives the spanning-tree advice
#    (RSTP/PortFast) and goes on with DHCP once it has held;
# 2. no link at all: a countdown, then "no link after 10 seconds" with what
#    to check, and bootnet falls back to its command line, no hang.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_nic.sh"
lab_start
efi=$(lab_netpath_build native)
NIC="virtio-net-pci,disable-modern=on"

echo "--- a flapping link that settles"
LAB_NIC=$NIC lab_boot_efi_disk x86_64 "$efi" $(lab_qmp_args)
lab_qmp set_link '{"name": "lan", "up": false}'
lab_wait_for '^net0: .* through virtio-net' 180
lab_wait_for 'waiting for link\.\.\.' 60
lab_qmp_flap 5 0.3
lab_wait_for '^net0: link up' 60
lab_wait_for '^net0: the link went down [0-9]+ times before it settled' 10
lab_expect 'use RSTP, or PortFast'
lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
lab_expect_not 'Exception'

echo "--- no link at all"
lab_qemu_stop
LAB_NIC=$NIC lab_boot_efi_disk x86_64 "$efi" $(lab_qmp_args)
lab_qmp set_link '{"name": "lan", "up": false}'
lab_wait_for '^net0: .* through virtio-net' 180
lab_wait_for 'waiting for link\.\.\. [0-9]+s' 60
lab_wait_for '^net0: no link after 10 seconds: the cable is unplugged or broken' 60
lab_wait_for 'bootnet command line' 60
lab_expect_not 'Exception|^net0: DHCP'
echo PASS
