# A machine with no NIC at all: the report lists what it did see and says
# plainly that there is no network hardware, then bootnet gives the machine
# back to the firmware instead of hanging.
. "$(dirname "$0")/lab.sh"
lab_start
LAB_NIC=none lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for '^No network hardware found: ' 120
lab_expect '^  00:[0-9a-f]{2}\.0  1af4:(1001|1042)  \[0100\]  SCSI controller: Red Hat virtio-blk'
lab_expect 'none of the [0-9]+ PCI devices above is a network controller \(class 02\), and the firmware offers no network path \(SNP, NII, UNDI\)\.'
lab_wait_for 'bootnet command line: .help. lists the commands' 30
lab_expect_not 'Exception|^Network: '
echo PASS
