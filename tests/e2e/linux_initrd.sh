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
