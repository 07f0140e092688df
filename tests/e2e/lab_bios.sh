# The BIOS side of the QEMU lab, sourced after lab.sh by tests/e2e/test_bios_*.sh.
#
# lab_qemu_bios [qemu args...]: SeaBIOS (QEMU's default firmware) network-
# boots (-boot n) through the PXE ROM of one NIC on the lab bridge; the ROM
# is the one QEMU loads for the model (Debian's ipxe-qemu). LAB_NIC picks
# the model (default virtio-net-pci; e1000...). Serial in $LAB_SERIAL.
lab_qemu_bios() {
	[ -r /usr/share/seabios/bios.bin ] || lab_skip "no SeaBIOS (install seabios)"
	local nic=(-netdev tap,id=lan,ifname=tap0,script=no,downscript=no
		   -device "${LAB_NIC:-virtio-net-pci},netdev=lan,mac=52:54:00:77:00:01")
	: > "$LAB_SERIAL"
	lab_ns qemu-system-x86_64 -machine pc -m 512 -display none -monitor none -no-reboot \
		-boot n "${nic[@]}" -serial file:"$LAB_SERIAL" "$@" &
	LAB_PIDS+=($!)
}

# dnsmasq options: the PXE ROM gets bootnet.kpxe; bootnet's own DHCP gets
# BOOT_FILE. QEMU's NIC ROMs are iPXE, which sends user class "iPXE" and
# option 175 just as bootnet does, so what tells them apart here is the
# UNDI version in the vendor class: iPXE's ROM says 2.1 (UNDI:002001),
# bootnet 3.16 (UNDI:003016).
lab_dhcp_chainload_bios() {
	local boot_file=$1
	echo --dhcp-vendorclass=set:bootnet,UNDI:003016 \
		--dhcp-boot=tag:!bootnet,bootnet.kpxe --dhcp-boot=tag:bootnet,"$boot_file"
}
