# bin/bootnet.usb on BIOS with each QEMU NIC bootnet has a driver for, its
# PXE ROM removed (romfile=): SeaBIOS boots the stick, bootnet (no PXE
# stack: path "native") drives the NIC with its own driver, does DHCP,
# gets a script over HTTP and a 16 MiB file whose SHA-256 must match the
# host's. One line per NIC; NICS="e1000 rtl8139" runs a subset.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_media.sh"

# name | QEMU device | the driver's name in the report
CASES=(
	"e1000|e1000|e1000"
	"virtio-legacy|virtio-net-pci,disable-modern=on|virtio-net \(legacy\)"
	"virtio-modern|virtio-net-pci,disable-legacy=on|virtio-net \(virtio 1\.0\)"
	"rtl8139|rtl8139|rtl8139"
	"e1000e|e1000e|e1000e"
)

usb="$LAB_TOP/bin/bootnet.usb"
[ -r "$usb" ] || lab_fail "bin/bootnet.usb is not built (make)"
lab_start --dhcp-boot="http://$LAB_SERVER_IP/nic.ipxe"
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
	echo "--- $name: $device without its PXE ROM, bootnet from the USB stick"
	lab_qemu_stop
	(
		LAB_NIC="$device,romfile=" lab_boot_usb_bios "$usb"
		lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
		lab_wait_for "^ +\[native\] $path: .*link up.* -> net0" 120
		lab_wait_for "^net0: 52:54:00:77:00:01 through $path" 120
		lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
		lab_wait_for '^NIC-SCRIPT over HTTP on pcbios' 120
		lab_wait_for "^$want  data.bin\$" 400
		lab_wait_for '^NIC-DONE' 60
		lab_expect_not 'Exception'
	) || { failed=$((failed + 1)); echo "$name: FAIL"; continue; }
	echo "$name: ok ($device: native driver from the USB stick, DHCP, 16 MiB over HTTP, SHA-256 matches)"
done
[ $failed = 0 ] || { echo "FAIL: $failed NIC(s) failed"; exit 1; }
echo PASS
