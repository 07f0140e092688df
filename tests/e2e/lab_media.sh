# Sourced (after lab.sh) by the boot media tests: boot OVMF from
# bin/bootnet.usb on a USB stick, from bin/bootnet.iso on a CD-ROM.

# lab_boot_usb ARCH IMAGE [qemu args...]: OVMF (x86_64 or i386) with a
# copy of IMAGE as a USB stick (xHCI, usb-storage) first in the boot order;
# the lab NIC is the machine's own virtio-net with no PXE ROM of QEMU's.
lab_boot_usb() {
	local arch=$1 image=$2; shift 2
	cp "$image" "$LAB_DIR/usb.img" || lab_fail "cannot copy $image"
	LAB_NIC="${LAB_NIC:-virtio-net-pci,romfile=}" lab_qemu_efi "$arch" \
		-device qemu-xhci,id=xhci \
		-drive if=none,id=stick,format=raw,file="$LAB_DIR/usb.img" \
		-device usb-storage,bus=xhci.0,drive=stick,bootindex=0 "$@"
}

# lab_boot_cdrom IMAGE [qemu args...]: OVMF (x86_64) with IMAGE as a
# CD-ROM on the AHCI controller, first in the boot order.
lab_boot_cdrom() {
	local image=$1; shift
	LAB_NIC="${LAB_NIC:-virtio-net-pci,romfile=}" lab_qemu_efi x86_64 \
		-drive if=none,id=cd,media=cdrom,readonly=on,format=raw,file="$image" \
		-device ide-cd,drive=cd,bootindex=0 "$@"
}

# lab_qemu_seabios [qemu args...]: SeaBIOS (QEMU's default firmware) with
# the lab NIC as an e1000 without QEMU's PXE ROM (LAB_NIC to change it), so
# that bootnet drives it with its own driver; serial in $LAB_SERIAL.
# LAB_MONITOR=1: a monitor socket for lab_bios.sh's lab_bios_screen.
lab_qemu_seabios() {
	[ -r /usr/share/seabios/bios.bin ] || lab_skip "no SeaBIOS (install seabios)"
	local monitor=(-monitor none)
	[ -n "${LAB_MONITOR:-}" ] && monitor=(-monitor unix:"$LAB_DIR/monitor.sock",server=on,wait=off)
	: > "$LAB_SERIAL"
	lab_ns qemu-system-x86_64 -machine pc -m 512 -display none "${monitor[@]}" -no-reboot \
		-netdev tap,id=lan,ifname=tap0,script=no,downscript=no \
		-device "${LAB_NIC:-e1000,romfile=},netdev=lan,mac=52:54:00:77:00:01" \
		-serial file:"$LAB_SERIAL" "$@" &
	LAB_PIDS+=($!)
}

# lab_boot_cdrom_bios IMAGE: SeaBIOS with IMAGE as a CD-ROM first in the
# boot order.
lab_boot_cdrom_bios() {
	lab_qemu_seabios -drive if=none,id=cd,media=cdrom,readonly=on,format=raw,file="$1" \
		-device ide-cd,drive=cd,bootindex=0
}

# lab_boot_usb_bios IMAGE: SeaBIOS with a copy of IMAGE as a USB stick
# (xHCI, usb-storage) first in the boot order.
lab_boot_usb_bios() {
	cp "$1" "$LAB_DIR/usb.img" || lab_fail "cannot copy $1"
	lab_qemu_seabios -device qemu-xhci,id=xhci \
		-drive if=none,id=stick,format=raw,file="$LAB_DIR/usb.img" \
		-device usb-storage,bus=xhci.0,drive=stick,bootindex=0
}
