# Linux on BIOS, as test_bios_linux_boot.sh, through the PXE ROM of an
# e1000 (QEMU's iPXE e1000 ROM) instead of virtio-net's.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/linux_initrd.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

LAB_NIC=e1000 bios_linux_boot_test
