# Linux from an iSCSI disk on BIOS, and the iBFT it finds: tgt exports an
# MBR disk built here with GRUB for i386-pc (boot.img in the MBR, core.img
# with its configuration built in from sector 1) and a FAT partition with
# Debian's kernel and a busybox initrd. bootnet.kpxe sanboots it; GRUB
# reads everything through bootnet's INT 13h hook; Linux's /init loads
# iscsi_ibft and prints what /sys/firmware/ibft holds, checked here
# against the lab's addresses, the target, the initiator bootnet used and
# the mutual CHAP names and secrets the target asks for.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"
. "$(dirname "$0")/lab_iscsi.sh"
lab_require_root
[ -r /usr/lib/grub/i386-pc/boot.img ] || lab_fail "no GRUB for i386-pc (grub-pc-bin; run tools/fetch-deps)"
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -r "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
kver=${kernel#/boot/vmlinuz-}
mods=/lib/modules/$kver/kernel/drivers
[ -r "$mods/firmware/iscsi_ibft.ko" ] && [ -r "$mods/scsi/iscsi_boot_sysfs.ko" ] ||
	lab_skip "no iscsi_ibft module for $kver"
command -v busybox >/dev/null || lab_skip "busybox is not installed (busybox-static)"

# The initrd: busybox, the two modules, an /init that reports the iBFT.
initrd=$LAB_DIR/initrd
mkdir -p "$initrd/bin" "$initrd/proc" "$initrd/sys" "$initrd/dev"
cp "$(command -v busybox)" "$initrd/bin/busybox"
cp "$mods/firmware/iscsi_ibft.ko" "$mods/scsi/iscsi_boot_sysfs.ko" "$initrd/"
cat > "$initrd/init" <<'INIT'
#!/bin/busybox sh
b=/bin/busybox
$b mount -t proc proc /proc
$b mount -t sysfs sysfs /sys
echo "INIT-START"
$b insmod /iscsi_boot_sysfs.ko
$b insmod /iscsi_ibft.ko
if [ -d /sys/firmware/ibft ]; then
	for f in initiator/initiator-name target0/target-name target0/ip-addr target0/port \
		 target0/lun target0/chap-type target0/chap-name target0/chap-secret \
		 target0/rev-chap-name target0/rev-chap-name-secret ethernet0/ip-addr ethernet0/prefix-len \
		 ethernet0/gateway ethernet0/dhcp ethernet0/mac ethernet0/origin; do
		echo "IBFT $f: $($b cat /sys/firmware/ibft/$f 2>/dev/null)"
	done
else
	echo "NO-IBFT"
	$b dmesg | $b grep -i ibft
fi
echo "INIT-DONE"
$b poweroff -f
INIT
chmod 755 "$initrd/init"
(cd "$initrd" && find . | cpio -o -H newc --quiet | gzip -1) > "$LAB_DIR/initrd.gz" ||
	lab_fail "cannot build the initrd"

# GRUB with its configuration built in: its output to COM1, find the
# partition by a file on it, boot the kernel and initrd from there.
cat > "$LAB_DIR/grub.cfg" <<'CFG'
serial --unit=0 --speed=115200
terminal_output serial
search --no-floppy --file /bootnet-san.txt --set=root
echo "GRUB-ON-SAN root=$root"
linux /vmlinuz console=ttyS0 quiet rdinit=/init bootnet-san-marker
initrd /initrd.gz
boot
CFG
grub-mkimage -O i386-pc -p /boot/grub -c "$LAB_DIR/grub.cfg" -o "$LAB_DIR/core.img" \
	biosdisk part_msdos fat search search_fs_file linux echo boot serial terminal ||
	lab_fail "grub-mkimage failed"
core_sectors=$(( ($(stat -c %s "$LAB_DIR/core.img") + 511) / 512 ))
[ "$core_sectors" -lt 2047 ] || lab_fail "core.img ($core_sectors sectors) does not fit before the partition"

# The disk: MBR partition table, one FAT partition from 1 MiB; GRUB's
# boot.img in the MBR's code area (it reads core.img from sector 1, its
# default), core.img from sector 1.
echo "SAN-DISK-FILE-OK" > "$LAB_DIR/bootnet-san.txt"
size=$(( ( $(stat -c %s "$kernel") + $(stat -c %s "$LAB_DIR/initrd.gz") ) / 1048576 + 6 ))
disk=$LAB_DIR/disk.img
truncate -s "${size}M" "$disk"
echo 'start=2048, type=6, bootable' | sfdisk --quiet --label dos "$disk" >/dev/null ||
	lab_fail "sfdisk failed"
fat=$LAB_DIR/part.fat
mkfs.fat -C "$fat" $(( (size - 1) * 1024 )) >/dev/null || lab_fail "mkfs.fat failed"
mcopy -i "$fat" "$kernel" ::/vmlinuz && mcopy -i "$fat" "$LAB_DIR/initrd.gz" ::/initrd.gz &&
	mcopy -i "$fat" "$LAB_DIR/bootnet-san.txt" ::/bootnet-san.txt || lab_fail "mcopy failed"
dd if="$fat" of="$disk" bs=1M seek=1 conv=notrunc status=none
rm -f "$fat"
dd if=/usr/lib/grub/i386-pc/boot.img of="$disk" bs=440 count=1 conv=notrunc status=none
dd if="$LAB_DIR/core.img" of="$disk" bs=512 seek=1 conv=notrunc status=none

bios_lab_start san.ipxe
lab_start_tgtd
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$disk"
lab_tgt_chap 1 bootnet-user bootnet-secret-1 target-user target-secret-2
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
set initiator-iqn iqn.2026-11.test.bootnet:client
set username bootnet-user
set password bootnet-secret-1
set reverse-username target-user
set reverse-password target-secret-2
sanboot iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN || echo SANBOOT-FAILED
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'Registered SAN device 0x80' 240
lab_wait_for 'GRUB-ON-SAN root=hd0,msdos1' 300
lab_wait_for '^INIT-START' 900
lab_wait_for '^INIT-DONE' 120
lab_expect_not 'SANBOOT-FAILED'
lab_expect_not '^NO-IBFT'
ip=$(lab_serial_text | sed -n 's/^net0: \([0-9.]*\)\/24 .*/\1/p' | tail -n 1)
[ -n "$ip" ] || lab_fail "bootnet did not report its address"
lab_expect '^IBFT initiator/initiator-name: iqn.2026-11.test.bootnet:client$'
lab_expect "^IBFT target0/target-name: $LAB_ISCSI_IQN\$"
lab_expect "^IBFT target0/ip-addr: $LAB_SERVER_IP\$"
lab_expect '^IBFT target0/port: 3260$'
lab_expect '^IBFT target0/lun: 01000000$'
lab_expect '^IBFT target0/chap-type: 2$'
lab_expect '^IBFT target0/chap-name: bootnet-user$'
lab_expect '^IBFT target0/chap-secret: bootnet-secret-1$'
lab_expect '^IBFT target0/rev-chap-name: target-user$'
lab_expect '^IBFT target0/rev-chap-name-secret: target-secret-2$'
lab_expect "^IBFT ethernet0/ip-addr: $ip\$"
lab_expect '^IBFT ethernet0/prefix-len: 24$'
lab_expect "^IBFT ethernet0/gateway: $LAB_SERVER_IP\$"
lab_expect "^IBFT ethernet0/dhcp: $LAB_SERVER_IP\$"
lab_expect '^IBFT ethernet0/mac: 52:54:00:77:00:01$'
echo "PASS: GRUB and Linux booted from iSCSI on BIOS; Linux read the iBFT: $(lab_serial_text | grep -a '^IBFT' | tr '\n' ';')"
