# bin/bootnet.iso on BIOS: SeaBIOS boots it as a CD (IDE); its BIOS El
# Torito entry (no emulation) loads a 2048-byte loader that reads the rest
# of the BIOS build with INT 13h extended reads; bootnet drives the e1000
# with its own driver, gets an address by DHCP and runs a script fetched
# over HTTP (1 MiB checked by SHA-256).
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_media.sh"
iso="$LAB_TOP/bin/bootnet.iso"
[ -r "$iso" ] || lab_fail "bin/bootnet.iso is not built (make)"
lab_start --dhcp-boot="http://$LAB_SERVER_IP/cd.ipxe"
lab_bios_media_script cd
lab_bios_boot_cdrom "$iso"
lab_bios_media_expect cd e1000
echo "PASS (bootnet.iso on SeaBIOS: El Torito no emulation, native e1000, DHCP, HTTP script)"
