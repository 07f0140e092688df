# bootnet.pxe on BIOS: SeaBIOS network-boots through each QEMU NIC's own
# PXE ROM (Debian's ipxe-qemu), which loads bootnet.pxe by TFTP. bootnet
# unloads the ROM's PXE stack (the report says so), drives the NIC with its
# own driver, does DHCP, gets a script over HTTP and a 16 MiB file whose
# SHA-256 must match the host's; when the script ends, bootnet hands the
# boot back to SeaBIOS (INT 18h) and SeaBIOS goes on. One line per NIC
# (lab_nic.sh's lab_nic_downloads); NICS="e1000 rtl8139" runs a subset.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_nic.sh"
lab_nic_downloads pxe
echo PASS
