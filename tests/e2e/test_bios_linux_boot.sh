# Linux on BIOS: SeaBIOS network-boots bootnet.kpxe through virtio-net's
# PXE ROM; bootnet boots Debian's kernel and a busybox initrd over HTTP
# through the x86 boot protocol's real-mode entry. Checks: ${net0/mac}
# expanded on Linux's /proc/cmdline, and the initrd's payload bit-exact.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/linux_initrd.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

LAB_NIC=virtio-net-pci bios_linux_boot_test
