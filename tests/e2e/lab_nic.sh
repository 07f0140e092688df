# Helpers for the native NIC driver tests, sourced after lab.sh.

# lab_netpath_build ORDER: builds bootnet with NETPATH=ORDER apart from bin/
# (under build/netpath-ORDER, so reruns are quick); prints the x86_64 .efi.
lab_netpath_build() {
	local order=$1 dir="$LAB_TOP/build/netpath-${1//,/-}"
	make -C "$LAB_TOP" -s NETPATH="$order" BIN="$dir/bin" BUILD="$dir/build" \
		"$dir/bin/bootnet-x86_64.efi" >"$LAB_DIR/make-$order.log" 2>&1 ||
		{ cat "$LAB_DIR/make-$order.log" >&2; lab_fail "the NETPATH=$order build failed"; }
	echo "$dir/bin/bootnet-x86_64.efi"
}

# lab_qmp_args: the QEMU options for a QMP socket lab_qmp can talk to.
lab_qmp_args() { echo "-qmp unix:$LAB_DIR/qmp.sock,server=on,wait=off"; }

# lab_qmp COMMAND [JSON-ARGUMENTS]: one QMP command to the running VM
# (e.g. lab_qmp set_link '{"name": "lan", "up": false}'); fails the test
# when QEMU does not answer it.
lab_qmp() {
	lab_qmp_run "$1" "${2:-{\}}" || lab_fail "QMP $1 failed"
}

# lab_qmp_flap TIMES SECONDS: the lab NIC's link goes up and down TIMES
# times, SECONDS each way, over one QMP connection (steady timing even
# when the machine is loaded), and is left up.
lab_qmp_flap() {
	lab_qmp_run flap "[$1, $2]" || lab_fail "QMP link flapping failed"
}

lab_qmp_run() {
	python3 - "$LAB_DIR/qmp.sock" "$1" "$2" <<'PY'
import json, socket, sys, time
path, cmd, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
for _ in range(100):
    try:
        s = socket.socket(socket.AF_UNIX); s.connect(path); break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("no QMP socket")
f = s.makefile("rw")
def call(c, a=None):
    f.write(json.dumps({"execute": c, "arguments": a or {}}) + "\n"); f.flush()
    while True:
        r = json.loads(f.readline())
        if "return" in r: return
        if "error" in r: sys.exit(r["error"]["desc"])
json.loads(f.readline())  # the greeting
call("qmp_capabilities")
if cmd == "flap":
    for _ in range(args[0]):
        call("set_link", {"name": "lan", "up": True}); time.sleep(args[1])
        call("set_link", {"name": "lan", "up": False}); time.sleep(args[1])
    call("set_link", {"name": "lan", "up": True})
else:
    call(cmd, args)
PY
}

# lab_nic_downloads BOOT: bootnet on BIOS drives each QEMU NIC it has a
# driver for (NICS="e1000 rtl8139" runs a subset) with its own driver, does
# DHCP, gets a script over HTTP and a 16 MiB file whose SHA-256 must match
# the host's; one line per NIC. BOOT is how bootnet starts (lab_bios.sh
# sourced):
#   pxe: the NIC's own PXE ROM (Debian's ipxe-qemu) loads bin/bootnet.pxe by
#        TFTP; bootnet unloads the ROM's PXE stack (the report says so) and,
#        when the script ends, hands the boot back to SeaBIOS (INT 18h),
#        which goes on.
#   usb: the NIC without its PXE ROM, SeaBIOS boots bin/bootnet.usb
#        (lab_media.sh sourced): no PXE stack, path "native".
lab_nic_downloads() {
	local boot=$1 usb="$LAB_TOP/bin/bootnet.usb" line name device path intro how want failed=0
	# name | QEMU device | the driver's name in the report
	local cases=(
		"e1000|e1000|e1000"
		"virtio-legacy|virtio-net-pci,disable-modern=on|virtio-net \(legacy\)"
		"virtio-modern|virtio-net-pci,disable-legacy=on|virtio-net \(virtio 1\.0\)"
		"rtl8139|rtl8139|rtl8139"
		"e1000e|e1000e|e1000e"
	)
	case $boot in
	pxe)
		[ -r "$LAB_TOP/bin/bootnet.pxe" ] || lab_fail "bin/bootnet.pxe is not built (make bios)"
		# The ROM gets bootnet.pxe; bootnet (UNDI version 3.16 in its vendor
		# class, lab_bios.sh) gets the script.
		lab_start --dhcp-vendorclass=set:bootnet,UNDI:003016 \
			--dhcp-boot=tag:!bootnet,bootnet.pxe --dhcp-boot=tag:bootnet,"http://$LAB_SERVER_IP/nic.ipxe"
		cp "$LAB_TOP/bin/bootnet.pxe" "$LAB_DIR/tftp/bootnet.pxe"
		intro="its PXE ROM loads bootnet.pxe"
		how="PXE stack unloaded, native driver" ;;
	usb)
		[ -r "$usb" ] || lab_fail "bin/bootnet.usb is not built (make)"
		lab_start --dhcp-boot="http://$LAB_SERVER_IP/nic.ipxe"
		intro="without its PXE ROM, bootnet from the USB stick"
		how="native driver from the USB stick" ;;
	*)
		lab_fail "lab_nic_downloads: unknown boot $boot" ;;
	esac
	head -c 16777216 /dev/urandom > "$LAB_DIR/www/data.bin"
	want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
	cat > "$LAB_DIR/www/nic.ipxe" <<SCRIPT
#!ipxe
echo NIC-SCRIPT over HTTP on \${platform}
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
echo NIC-DONE
SCRIPT

	for line in "${cases[@]}"; do
		IFS='|' read -r name device path <<<"$line"
		if [ -n "${NICS:-}" ] && ! [[ " $NICS " == *" $name "* ]]; then
			continue
		fi
		echo "--- $name: $device, $intro"
		lab_qemu_stop
		(
			case $boot in
			pxe)
				LAB_NIC="$device" lab_qemu_bios -chardev file,id=seabios,path="$LAB_DIR/seabios-$name.log" \
					-device isa-debugcon,iobase=0x402,chardev=seabios
				lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
				lab_wait_for '^Network: ' 120
				# The ROM's stack is gone, then the native driver takes the NIC.
				lab_expect 'UNDI.*unloaded \(PXENV_UNDI_SHUTDOWN, PXENV_UNLOAD_STACK, PXENV_STOP_UNDI\)'
				lab_expect "^ +\[native\] $path: .*link up.* -> net0" ;;
			usb)
				LAB_NIC="$device,romfile=" lab_boot_usb_bios "$usb"
				lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
				lab_wait_for "^ +\[native\] $path: .*link up.* -> net0" 120 ;;
			esac
			lab_wait_for "^net0: 52:54:00:77:00:01 through $path" 120
			lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
			lab_wait_for '^NIC-SCRIPT over HTTP on pcbios' 120
			lab_wait_for "^$want  data.bin\$" 400
			lab_wait_for '^NIC-DONE' 60
			case $boot in
			pxe) lab_nic_pxe_returns "$name" ;;
			usb) lab_expect_not 'Exception' ;;
			esac
		) || { failed=$((failed + 1)); echo "$name: FAIL"; continue; }
		echo "$name: ok ($device: $how, DHCP, 16 MiB over HTTP, SHA-256 matches)"
	done
	[ $failed = 0 ] || { echo "FAIL: $failed NIC(s) failed"; exit 1; }
}

# lab_nic_pxe_returns NAME: after bootnet.pxe's script, for lab_nic_downloads.
lab_nic_pxe_returns() {
	local name=$1 deadline
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
}
