# bootnet's own NIC drivers, each on the QEMU NIC it drives, with the
# firmware's path out of the way: either a NETPATH=native build (the
# firmware's SNP is there but never tried), or the default build
# (snp,native,nii) on a NIC whose option ROM is removed (romfile=), so the
# firmware has no SNP for it, as on a Mac with a NIC its firmware does not
# drive. Each boots from a disk, gets an address by DHCP, fetches a script
# over TFTP and a 16 MiB file over HTTP whose SHA-256 must match the host's.
# The 32-bit build (32-bit OVMF) runs one of them too: rtl8139-i386.
# NICS="e1000 rtl8139" runs a subset.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_nic.sh"

# name | QEMU device | build (native: NETPATH=native; default: snp,native,nii) | driver line | arch
CASES=(
	"virtio-legacy|virtio-net-pci,disable-modern=on|native|virtio-net \(legacy\)|x86_64"
	"virtio-modern|virtio-net-pci,disable-legacy=on|native|virtio-net \(virtio 1\.0\)|x86_64"
	"e1000|e1000,romfile=|default|e1000|x86_64"
	"e1000e|e1000e|native|e1000e|x86_64"
	"rtl8139|rtl8139,romfile=|default|rtl8139|x86_64"
	"rtl8139-i386|rtl8139,romfile=|default|rtl8139|i386"
)

lab_start --dhcp-boot=nic.ipxe
head -c 16777216 /dev/urandom > "$LAB_DIR/www/data.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/tftp/nic.ipxe" <<SCRIPT
#!ipxe
echo NIC-SCRIPT over TFTP
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
ifstat net0
echo NIC-DONE
SCRIPT

native_efi=""
failed=0
for case in "${CASES[@]}"; do
	IFS='|' read -r name device build path arch <<<"$case"
	if [ -n "${NICS:-}" ] && ! [[ " $NICS " == *" $name "* ]]; then
		continue
	fi
	efi="$LAB_TOP/bin/bootnet-$arch.efi"
	if [ "$build" = native ]; then
		[ -n "$native_efi" ] || native_efi=$(lab_netpath_build native)
		efi=$native_efi
	fi
	echo "--- $name: $device, $build build, $arch"
	lab_qemu_stop
	LAB_NIC="$device" lab_boot_efi_disk "$arch" "$efi"
	(
		lab_wait_for "bootnet .* \\($arch, efi\\)" 180
		lab_wait_for '^Network: ' 120
		lab_expect "^      \[native\] $path: .* rev [0-9a-f]{2}, link up.* -> net0"
		lab_wait_for "^net0: 52:54:00:77:00:01 through $path" 120
		lab_wait_for '^NIC-SCRIPT over TFTP' 120
		lab_wait_for "^$want  data.bin\$" 300
		lab_wait_for '^NIC-DONE' 60
		# Closed (DMA stopped, the NIC given back to the firmware) without a hang.
		lab_wait_for 'bootnet: returning to the firmware' 60
		lab_expect_not 'Exception|cannot open'
	) || { failed=$((failed + 1)); echo "$name: FAIL"; continue; }
	echo "$name: ok ($device, $build build, $arch: DHCP, TFTP, 16 MiB over HTTP, SHA-256 matches)"
done
[ $failed = 0 ] || { echo "FAIL: $failed NIC(s) failed"; exit 1; }
echo PASS
