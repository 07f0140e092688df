# test_bios_kpxe_dhcp.sh through the e1000's PXE ROM instead of virtio-net's.
LAB_NIC=e1000 exec bash "$(dirname "$0")/test_bios_kpxe_dhcp.sh"
