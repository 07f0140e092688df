# Sourced by the Linux boot tests: builds a busybox initrd whose /init
# prints what the tests check on the serial console, then powers off.
#   CMDLINE: <the kernel command line>
#   SHA256: <sha256 of /data.bin>         (the file every test's initrd carries)
#   EXTRA: <contents of /extra.txt>       (when a second initrd added it)
#   RENAMED: <contents of /etc/renamed>   (when a renamed initrd put it there)

# linux_initrd_build DIR OUT: DIR's files plus busybox and /init, as a
# gzip-compressed newc cpio in OUT.
linux_initrd_build() {
	local dir=$1 out=$2
	local busybox
	busybox=$(command -v busybox) || lab_skip "busybox is not installed (busybox-static)"
	if command -v file >/dev/null && ! file -L "$busybox" | grep -q 'statically linked'; then
		lab_skip "$busybox is not statically linked (install busybox-static)"
	fi
	mkdir -p "$dir/bin" "$dir/proc" "$dir/sys" "$dir/dev" "$dir/etc"
	cp "$busybox" "$dir/bin/busybox"
	cat > "$dir/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
echo "INIT-START"
echo "CMDLINE: $(/bin/busybox cat /proc/cmdline)"
echo "SHA256: $(/bin/busybox sha256sum /data.bin | /bin/busybox cut -d' ' -f1)"
[ -f /extra.txt ] && echo "EXTRA: $(/bin/busybox cat /extra.txt)"
[ -f /etc/renamed ] && echo "RENAMED: $(/bin/busybox cat /etc/renamed) $(/bin/busybox stat -c %a /etc/renamed)"
echo "INIT-DONE"
/bin/busybox poweroff -f
INIT
	chmod 755 "$dir/init"
	(cd "$dir" && find . | cpio -o -H newc --quiet | gzip -1) > "$out" ||
		lab_fail "cannot build the initrd"
}

# linux_lab_start ARCH DATA_BYTES: what every Linux boot test starts with.
# Skips without a kernel in /boot; starts the lab with DHCP handing the
# firmware bootnet-ARCH.efi and bootnet boot/linux.ipxe (the test writes
# it); puts Debian's kernel at www/vmlinuz and, at www/initrd.gz, the
# busybox initrd carrying DATA_BYTES random bytes as /data.bin, whose
# SHA-256 is left in $want_sha.
linux_lab_start() {
	local arch=$1 bytes=$2 kernel
	kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	[ -n "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
	[ -r "$kernel" ] || lab_skip "$kernel is not readable"
	lab_start $(lab_dhcp_chainload boot/linux.ipxe)
	cp "$LAB_TOP/bin/bootnet-$arch.efi" "$LAB_DIR/tftp/bootnet.efi"
	cp "$kernel" "$LAB_DIR/www/vmlinuz"
	mkdir -p "$LAB_DIR/tftp/boot" "$LAB_DIR/initrd"
	head -c "$bytes" /dev/urandom > "$LAB_DIR/initrd/data.bin"
	want_sha=$(sha256sum "$LAB_DIR/initrd/data.bin" | cut -d' ' -f1)
	linux_initrd_build "$LAB_DIR/initrd" "$LAB_DIR/www/initrd.gz"
}
