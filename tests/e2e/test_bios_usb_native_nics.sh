# bin/bootnet.usb on BIOS with each QEMU NIC bootnet has a driver for, its
# PXE ROM removed (romfile=): SeaBIOS boots the stick, bootnet (no PXE
# stack: path "native") drives the NIC with its own driver, does DHCP,
# gets a script over HTTP and a 16 MiB file whose SHA-256 must match the
# host's. One line per NIC (lab_nic.sh's lab_nic_downloads); NICS="e1000
# rtl8139" runs a subset.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_media.sh"
. "$(dirname "$0")/lab_nic.sh"
lab_nic_downloads usb
echo PASS
