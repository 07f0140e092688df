# Chaining an NBP after bootnet's own driver took the PXE ROM's NIC: the
# driver's reset destroyed the NIC state the ROM's UNDI relies on, so
# bootnet.kpxe refuses to hand that PXE stack to pxelinux.0, naming the
# NIC, and the script goes on (the machine stays usable).
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

pxelinux=/usr/lib/PXELINUX/pxelinux.0
[ -r "$pxelinux" ] || lab_skip "no $pxelinux (install pxelinux; run tools/fetch-deps)"

bios_lab_start boot/native.ipxe
cp "$pxelinux" "$LAB_DIR/tftp/"
cat > "$LAB_DIR/tftp/boot/native.ipxe" <<SCRIPT
#!ipxe
echo NATIVE-SCRIPT
netprobe --order native,undi
dhcp
chain tftp://$LAB_SERVER_IP/pxelinux.0 || echo CHAIN-REFUSED
echo SCRIPT-GOES-ON
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^NATIVE-SCRIPT' 240
lab_wait_for '^netprobe: probing the NICs in the order native,undi' 60
lab_wait_for '^      \[native\] virtio-net.* link up' 60
lab_wait_for '^CHAIN-REFUSED' 180
lab_expect "pxelinux.0: cannot chain this PXE NBP: bootnet's own driver has reset the NIC the PXE ROM's UNDI drives \([0-9a-f:.]+\)"
lab_wait_for '^SCRIPT-GOES-ON' 30
lab_expect_not '^PXELINUX'
echo "PASS: after netprobe --order native,undi, chaining pxelinux.0 was refused with the reason and the script went on"
