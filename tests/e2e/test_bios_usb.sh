# bin/bootnet.usb on BIOS: SeaBIOS boots the stick (usb-storage on xHCI);
# the MBR's boot code loads the BIOS build from the BIOS boot partition
# with INT 13h extended reads; bootnet drives the e1000 with its own
# driver, gets an address by DHCP and runs a script fetched over HTTP
# (1 MiB checked by SHA-256).
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_media.sh"
usb="$LAB_TOP/bin/bootnet.usb"
[ -r "$usb" ] || lab_fail "bin/bootnet.usb is not built (make)"
lab_start --dhcp-boot="http://$LAB_SERVER_IP/usb.ipxe"
lab_bios_media_script usb
lab_bios_boot_usb "$usb"
lab_bios_media_expect usb e1000
echo "PASS (bootnet.usb on SeaBIOS: MBR, BIOS boot partition, native e1000, DHCP, HTTP script)"
