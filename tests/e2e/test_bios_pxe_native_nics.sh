# bootnet.pxe on BIOS: SeaBIOS network-boots through each QEMU NIC's own
# PXE ROM (Debian's ipxe-qemu), which loads bootnet.pxe by TFTP. bootnet
# unloads the ROM's PXE stack (the report says so), drives the NIC with its
# own driver, does DHCP, gets a script over HTTP and a 16 MiB file whose
# SHA-256 must match the host's; when the script ends, bootnet hands the
# boot back to SeaBIOS (INT 18h) and SeaBIOS goes on. One line per NIC; NICS="e1000 rtl8139"
# runs a subset.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"

# name | QEMU device | the driver's name in the report
CASES=(
	"e1000|e1000|e1000"
	"virtio-legacy|virtio-net-pci,disable-modern=on|virtio-net \(legacy\)"
	"virtio-modern|virtio-net-pci,disable-legacy=on|virtio-net \(virtio 1\.0\)"
	"rtl8139|rtl8139|rtl8139"
	"e1000e|e1000e|e1000e"
)

[ -r "$LAB_TOP/bin/bootnet.pxe" ] || lab_fail "bin/bootnet.pxe is not built (make bios)"
# The ROM gets bootnet.pxe; bootnet (UNDI version 3.16 in its vendor
# class, lab_bios.sh) gets the script.
lab_start --dhcp-vendorclass=set:bootnet,UNDI:003016 \
	--dhcp-boot=tag:!bootnet,bootnet.pxe --dhcp-boot=tag:bootnet,"http://$LAB_SERVER_IP/nic.ipxe"
cp "$LAB_TOP/bin/bootnet.pxe" "$LAB_DIR/tftp/bootnet.pxe"
head -c 16777216 /dev/urandom > "$LAB_DIR/www/data.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/www/nic.ipxe" <<SCRIPT
#!ipxe
echo NIC-SCRIPT over HTTP on \${platform}
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
echo NIC-DONE
SCRIPT

failed=0
for case in "${CASES[@]}"; do
	IFS='|' read -r name device path <<<"$case"
	if [ -n "${NICS:-}" ] && ! [[ " $NICS " == *" $name "* ]]; then
		continue
	fi
	echo "--- $name: $device, its PXE ROM loads bootnet.pxe"
	lab_qemu_stop
	(
		LAB_NIC="$device" lab_qemu_bios -chardev file,id=seabios,path="$LAB_DIR/seabios-$name.log" \
			-device isa-debugcon,iobase=0x402,chardev=seabios
		lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
		lab_wait_for '^Network: ' 120
		# The ROM's stack is gone, then the native driver takes the NIC.
		lab_expect 'UNDI.*unloaded \(PXENV_UNDI_SHUTDOWN, PXENV_UNLOAD_STACK, PXENV_STOP_UNDI\)'
		lab_expect "^ +\[native\] $path: .*link up.* -> net0"
		lab_wait_for "^net0: 52:54:00:77:00:01 through $path" 120
		lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
		lab_wait_for '^NIC-SCRIPT over HTTP on pcbios' 120
		lab_wait_for "^$want  data.bin\$" 400
		lab_wait_for '^NIC-DONE' 60
		lab_expect_not 'Exception|refused to unload'
		# The script ends: bootnet closes the NIC and, the PXE stack being
		# gone, hands the boot back through INT 18h; SeaBIOS goes on (to
		# no other boot device here) rather than hanging.
		lab_wait_for '^bootnet: returning to the firmware' 60
		deadline=$(( $(date +%s) + 60 * LAB_TIMEOUT_SCALE ))
		until grep -aqi 'no bootable device' "$LAB_DIR/seabios-$name.log"; do
			[ "$(date +%s)" -lt "$deadline" ] ||
				lab_fail "SeaBIOS did not go on after bootnet's INT 18h: $(tail -3 "$LAB_DIR/seabios-$name.log")"
			sleep 1
		done
		grep -q 'sent /.*/bootnet.pxe' "$LAB_DIR/dnsmasq.log" ||
			lab_fail "the ROM did not fetch bootnet.pxe"
	) || { failed=$((failed + 1)); echo "$name: FAIL"; continue; }
	echo "$name: ok ($device: PXE stack unloaded, native driver, DHCP, 16 MiB over HTTP, SHA-256 matches)"
done
[ $failed = 0 ] || { echo "FAIL: $failed NIC(s) failed"; exit 1; }
echo PASS
