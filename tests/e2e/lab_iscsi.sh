# iSCSI in the lab: sourced by the SAN tests after lab.sh. Debian's tgt
# (tgtd) serves disk images built at test time on 10.77.0.1:3260, inside
# the lab's namespace; its control socket has a number of its own so that
# nothing else using tgt on this machine is touched.

LAB_ISCSI_IQN=iqn.2026-11.test.bootnet:disk
LAB_TGT_PORT=$(( 20000 + $$ % 10000 ))   # tgtd's control socket number

lab_tgtadm() { tgtadm -C "$LAB_TGT_PORT" "$@"; }

# The socket files tgtd leaves behind, removed with the lab.
lab_iscsi_cleanup() {
	rm -f "/var/run/tgtd/socket.$LAB_TGT_PORT" "/var/run/tgtd/socket.$LAB_TGT_PORT.lock"
}
trap 'lab_iscsi_cleanup; lab_cleanup' EXIT

# lab_start_tgtd: tgtd in the lab's namespace, listening on the lab address.
lab_start_tgtd() {
	local i
	command -v tgtd >/dev/null || lab_fail "tgtd missing (package tgt; run tools/fetch-deps)"
	mkdir -p /var/run/tgtd
	lab_ns tgtd -f -C "$LAB_TGT_PORT" --iscsi portal="$LAB_SERVER_IP:3260" \
		> "$LAB_DIR/tgtd.log" 2>&1 &
	LAB_PIDS+=($!)
	for i in $(seq 100); do
		lab_tgtadm --lld iscsi --op show --mode sys >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	cat "$LAB_DIR/tgtd.log"
	lab_fail "tgtd did not start"
}

# lab_stop_tgtd: kills tgtd at once (its connections drop, as when a
# target crashes) and waits until it is gone.
lab_stop_tgtd() {
	local pid i
	for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = tgtd ] && kill -9 "$pid"
	done
	for i in $(seq 50); do
		ip netns pids "$LAB_NS" 2>/dev/null | while read -r pid; do
			cat "/proc/$pid/comm" 2>/dev/null
		done | grep -q '^tgtd$' || { lab_iscsi_cleanup; return 0; }
		sleep 0.1
	done
	lab_fail "tgtd did not stop"
}

# lab_tgt_target TID IQN IMAGE: a target whose LUN 1 is IMAGE, open to all.
lab_tgt_target() {
	local tid=$1 iqn=$2 image=$3
	lab_tgtadm --lld iscsi --op new --mode target --tid "$tid" -T "$iqn" &&
	lab_tgtadm --lld iscsi --op new --mode logicalunit --tid "$tid" --lun 1 -b "$image" &&
	lab_tgtadm --lld iscsi --op bind --mode target --tid "$tid" -I ALL ||
		lab_fail "tgtadm could not set up target $iqn"
}

# lab_tgt_chap TID USER PASSWORD [OUT_USER OUT_PASSWORD]: the target asks
# the initiator for CHAP; with OUT_*, it answers the initiator's challenge
# too (mutual CHAP).
lab_tgt_chap() {
	local tid=$1
	lab_tgtadm --lld iscsi --op new --mode account --user "$2" --password "$3" &&
	lab_tgtadm --lld iscsi --op bind --mode account --tid "$tid" --user "$2" ||
		lab_fail "tgtadm could not add the CHAP account"
	if [ $# -ge 5 ]; then
		lab_tgtadm --lld iscsi --op new --mode account --user "$4" --password "$5" &&
		lab_tgtadm --lld iscsi --op bind --mode account --tid "$tid" --user "$4" --outgoing ||
			lab_fail "tgtadm could not add the outgoing CHAP account"
	fi
}

# lab_gpt_disk IMAGE SIZE_MIB FILE:PATH...: a GPT disk with one EFI system
# partition (from 1 MiB to the end) holding each FILE at PATH.
lab_gpt_disk() {
	local image=$1 size=$2; shift 2
	local part_kib=$(( (size - 2) * 1024 ))
	rm -f "$image"
	truncate -s "${size}M" "$image"
	echo 'start=2048, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="ESP"' |
		sfdisk --quiet --label gpt "$image" >/dev/null || lab_fail "sfdisk failed"
	# The FAT file system is built apart, then written at 1 MiB.
	local fat="$image.fat" spec src dst p part
	rm -f "$fat"
	mkfs.fat -C "$fat" "$part_kib" >/dev/null || lab_fail "mkfs.fat failed"
	for spec in "$@"; do
		src=${spec%%:*}; dst=${spec#*:}
		part=""
		for p in $(dirname "$dst" | tr / ' '); do
			part="$part/$p"
			mmd -D s -i "$fat" "::$part" 2>/dev/null || true
		done
		mcopy -i "$fat" "$src" "::$dst" || lab_fail "mcopy $src failed"
	done
	dd if="$fat" of="$image" bs=1M seek=1 conv=notrunc status=none || lab_fail "dd failed"
	rm -f "$fat"
}

# lab_linux_san_disk IMAGE KERNEL: a GPT disk holding GRUB as
# EFI/BOOT/BOOTX64.EFI (its configuration built in: find the disk by a
# file on it, print that file, write its environment block with save_env,
# boot KERNEL and a busybox initrd from the disk), a grubenv block, the
# kernel and the initrd (linux_initrd.sh's, with 300 kB of random data
# whose SHA-256 is left in $want_sha).
lab_linux_san_disk() {
	local image=$1 kernel=$2 mods size
	command -v grub-mkstandalone >/dev/null ||
		lab_fail "grub-mkstandalone missing (grub-efi-amd64-bin; run tools/fetch-deps)"
	[ -d /usr/lib/grub/x86_64-efi ] ||
		lab_fail "no GRUB for x86_64-efi (grub-efi-amd64-bin; run tools/fetch-deps)"
	cat > "$LAB_DIR/grub.cfg" <<'CFG'
set timeout=0
search --no-floppy --file /bootnet-san.txt --set=root
echo "GRUB-ON-SAN root=$root"
cat /bootnet-san.txt
set bootnet_wrote=through-block-io
save_env -f /grubenv bootnet_wrote
echo "GRUB-SAVED-ENV"
linux /vmlinuz console=ttyS0 quiet bootnet-san-marker
initrd /initrd.gz
boot
CFG
	mods="part_gpt fat search search_fs_file linux echo cat loadenv"
	grub-mkstandalone -O x86_64-efi --modules="$mods" \
		--install-modules="$mods normal configfile memdisk tar boot" --locales= --fonts= --themes= \
		-o "$LAB_DIR/grubx64.efi" "boot/grub/grub.cfg=$LAB_DIR/grub.cfg" || lab_fail "grub-mkstandalone failed"
	mkdir -p "$LAB_DIR/initrd"
	head -c 300000 /dev/urandom > "$LAB_DIR/initrd/data.bin"
	want_sha=$(sha256sum "$LAB_DIR/initrd/data.bin" | cut -d' ' -f1)
	linux_initrd_build "$LAB_DIR/initrd" "$LAB_DIR/initrd.gz"
	echo "SAN-DISK-FILE-OK" > "$LAB_DIR/bootnet-san.txt"
	# GRUB writes its environment block in place: a write through bootnet.
	grub-editenv "$LAB_DIR/grubenv" create || lab_fail "grub-editenv failed"
	size=$(( ( $(stat -c %s "$kernel") + $(stat -c %s "$LAB_DIR/initrd.gz") ) / 1048576 + 6 ))
	lab_gpt_disk "$image" "$size" "$LAB_DIR/grubx64.efi:/EFI/BOOT/BOOTX64.EFI" \
		"$kernel:/vmlinuz" "$LAB_DIR/initrd.gz:/initrd.gz" "$LAB_DIR/bootnet-san.txt:/bootnet-san.txt" \
		"$LAB_DIR/grubenv:/grubenv"
}

# lab_san_linux_start: the set-up of the EFI tests that sanboot Linux
# (test_efi_sanboot.sh, test_efi_sanboot_native.sh; linux_initrd.sh
# sourced). Skips without a kernel in /boot; builds lab_linux_san_disk's
# disk as $LAB_DIR/disk.img (leaving $want_sha), starts the lab with
# dnsmasq handing out san.ipxe (the test writes it to $LAB_DIR/tftp) and
# tgtd serving the disk as LUN 1 of target 1, $LAB_ISCSI_IQN.
lab_san_linux_start() {
	local kernel
	lab_require_root
	kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	[ -r "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
	lab_linux_san_disk "$LAB_DIR/disk.img" "$kernel"
	lab_start --dhcp-boot=san.ipxe
	lab_start_tgtd
	lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/disk.img"
}
