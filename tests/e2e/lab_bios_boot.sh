# What the BIOS boot tests share (test_bios_linux_boot*.sh,
# test_bios_chain_nbp.sh): sourced after lab.sh, lab_bios.sh and, for
# Linux, linux_initrd.sh.

# bios_lab_start BOOT_FILE: the lab with dnsmasq handing bootnet.kpxe to
# the NIC's PXE ROM and BOOT_FILE (a TFTP path) to bootnet.
bios_lab_start() {
	[ -r "$LAB_TOP/bin/bootnet.kpxe" ] || lab_fail "bin/bootnet.kpxe is missing (run make)"
	lab_start $(lab_dhcp_chainload_bios "$1")
	cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"
	mkdir -p "$LAB_DIR/tftp/boot"
}

# bios_linux_boot_test: the whole Linux test for the NIC model in LAB_NIC.
# bootnet.kpxe's TFTP script chains an HTTP script that loads Debian's
# kernel, the busybox initrd (1 MiB of random data inside) and a second
# initrd placed at /extra.txt (cpio-wrapped by bootnet), with a command
# line holding ${net0/mac}, and boots them through the real-mode entry;
# Linux's /init prints /proc/cmdline, the data's SHA-256 and /extra.txt.
bios_linux_boot_test() {
	local kernel mac=52:54:00:77:00:01 args want got token
	kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	[ -n "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
	[ -r "$kernel" ] || lab_skip "$kernel is not readable"
	bios_lab_start boot/linux.ipxe
	cp "$kernel" "$LAB_DIR/www/vmlinuz"
	mkdir -p "$LAB_DIR/initrd"
	head -c 1048576 /dev/urandom > "$LAB_DIR/initrd/data.bin"
	want_sha=$(sha256sum "$LAB_DIR/initrd/data.bin" | cut -d' ' -f1)
	linux_initrd_build "$LAB_DIR/initrd" "$LAB_DIR/www/initrd.gz"
	token=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
	echo "extra-$token" > "$LAB_DIR/www/extra.txt"

	args='console=ttyS0 quiet rdinit=/init bootif=${net0/mac} marker="two words"'
	want=${args//\$\{net0\/mac\}/$mac}
	printf '#!ipxe\nchain http://%s/linux.ipxe\n' $LAB_SERVER_IP > "$LAB_DIR/tftp/boot/linux.ipxe"
	cat > "$LAB_DIR/www/linux.ipxe" <<SCRIPT
#!ipxe
echo LINUX-SCRIPT on \${platform}
kernel vmlinuz $args
initrd initrd.gz
initrd extra.txt /extra.txt
imgstat
boot
echo BOOT-RETURNED
SCRIPT

	lab_qemu_bios
	lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
	lab_wait_for '^LINUX-SCRIPT on pcbios' 240
	lab_wait_for '^Booting vmlinuz: Linux' 300
	lab_wait_for '^INIT-START' 600
	lab_wait_for '^INIT-DONE' 120
	lab_expect_not 'BOOT-RETURNED'
	got=$(lab_serial_text | sed -n 's/^CMDLINE: //p' | head -n 1)
	[ "$got" = "$want" ] || lab_fail "the kernel got the command line [$got], not [$want]"
	lab_expect "^SHA256: $want_sha\$"
	lab_expect "^EXTRA: extra-$token\$"
	echo "PASS: Linux booted on BIOS (${LAB_NIC:-virtio-net-pci}); /proc/cmdline [$got]; initrd SHA-256 $want_sha"
}
