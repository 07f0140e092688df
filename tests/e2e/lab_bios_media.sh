# Sourced (after lab.sh and lab_bios.sh) by the BIOS boot media tests:
# SeaBIOS boots bin/bootnet.usb from a USB stick or bin/bootnet.iso from a
# CD-ROM. The lab NIC keeps no option ROM (romfile=), so the only way to
# the network is bootnet's own driver. LAB_NIC picks the model (default
# e1000).

# lab_bios_boot_usb IMAGE [qemu args...]: a copy of IMAGE on usb-storage
# behind an xHCI controller, first in SeaBIOS's boot order.
lab_bios_boot_usb() {
	local image=$1; shift
	cp "$image" "$LAB_DIR/usb.img" || lab_fail "cannot copy $image"
	LAB_NIC="${LAB_NIC:-e1000},romfile=" lab_qemu_bios \
		-device qemu-xhci,id=xhci \
		-drive if=none,id=stick,format=raw,file="$LAB_DIR/usb.img" \
		-device usb-storage,bus=xhci.0,drive=stick,bootindex=0 "$@"
}

# lab_bios_boot_cdrom IMAGE [qemu args...]: IMAGE as an IDE CD-ROM, first
# in SeaBIOS's boot order.
lab_bios_boot_cdrom() {
	local image=$1; shift
	LAB_NIC="${LAB_NIC:-e1000},romfile=" lab_qemu_bios \
		-drive if=none,id=cd,media=cdrom,readonly=on,format=raw,file="$image" \
		-device ide-cd,drive=cd,bootindex=0 "$@"
}

# lab_bios_media_script NAME: a script at http://server/NAME.ipxe that
# prints NAME-SCRIPT, fetches 1 MiB and prints its SHA-256, then NAME-DONE;
# the host's SHA-256 in LAB_WANT_SHA.
lab_bios_media_script() {
	local name=$1
	head -c 1048576 /dev/urandom > "$LAB_DIR/www/data.bin"
	LAB_WANT_SHA=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
	cat > "$LAB_DIR/www/$name.ipxe" <<SCRIPT
#!ipxe
echo $name-SCRIPT over HTTP on \${platform}
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
echo $name-DONE
SCRIPT
}

# lab_bios_media_expect NAME NIC_DRIVER: bootnet came up on BIOS with no
# PXE stack, drove the NIC natively, got an address and ran the script.
lab_bios_media_expect() {
	local name=$1 driver=$2
	lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
	lab_wait_for '^Network: ' 120
	lab_expect "^ +\[native\] $driver: .*link up.* -> net0"
	lab_expect_not 'UNDI'
	lab_wait_for "^net0: 52:54:00:77:00:01 through $driver" 120
	lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
	lab_wait_for "^$name-SCRIPT over HTTP on pcbios" 120
	lab_wait_for "^$LAB_WANT_SHA  data.bin\$" 180
	lab_wait_for "^$name-DONE" 60
	lab_expect_not 'Exception'
}
