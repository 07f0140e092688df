# A DHCP server that answers the NIC's PXE ROM but ignores bootnet (here:
# the vendor class bootnet.kpxe sends): bootnet says nobody answered and
# configures itself from the DHCPACK the ROM kept (PXENV_GET_CACHED_INFO),
# without loading its boot file (bootnet.kpxe itself) again.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start --dhcp-vendorclass=set:bootnet,UNDI:003016 --dhcp-ignore=tag:bootnet \
	--dhcp-boot=bootnet.kpxe
cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'cached DHCP packets: DHCPACK' 60
lab_wait_for 'net0: no DHCP answer in [0-9]+ seconds' 120
lab_wait_for "net0: using instead the address 10\.77\.0\.1[0-9][0-9] that the PXE ROM received from 10\.77\.0\.1" 10
# The cached answer names bootnet.kpxe: bootnet sees it is its own file
# and does not load itself again; it ends at its prompt.
lab_wait_for 'bootnet command line' 120
[ "$(grep -c 'sent /.*/bootnet.kpxe' "$LAB_DIR/dnsmasq.log")" = 1 ] ||
	lab_fail "bootnet.kpxe was fetched more than once"
lab_expect_not 'Exception'
echo PASS
