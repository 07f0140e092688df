# A DHCP server that answers the firmware's PXE client but ignores bootnet
# (here: everything that sends option 175): bootnet says nobody answered and
# configures itself from the answer the firmware kept, without booting its
# boot file (bootnet itself) again.
. "$(dirname "$0")/lab.sh"
lab_start --dhcp-match=set:ipxe,175 --dhcp-ignore=tag:ipxe --dhcp-boot=bootnet.efi
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"

lab_pxe_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for 'net0: no DHCP answer in [0-9]+ seconds' 60
lab_wait_for "net0: using instead the address 10\.77\.0\.1[0-9][0-9] that the firmware's PXE client received from 10\.77\.0\.1" 10
lab_expect_not 'tftp://10\.77\.0\.1/bootnet\.efi'
lab_expect_not 'Exception'
echo PASS
