# Autoboot from a DHCP root path, as iPXE does: dnsmasq hands out no boot
# file but option 17 (an iscsi: root path, RFC 4173) and option 203 (the
# initiator name), and tgt only lets that initiator name in. bootnet's
# autoboot sanboots the root path; GRUB on the disk boots Linux, whose
# /init reports the initrd's data intact.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
. "$(dirname "$0")/linux_initrd.sh"
lab_require_root
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -r "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"

lab_linux_san_disk "$LAB_DIR/disk.img" "$kernel"
client=iqn.2026-11.test.bootnet:rootpath-client
# (dnsmasq keeps quotes given on its command line: the values go bare.)
lab_start "--dhcp-option=17,iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN" "--dhcp-option=203,$client"
lab_start_tgtd
lab_tgtadm --lld iscsi --op new --mode target --tid 1 -T "$LAB_ISCSI_IQN" &&
lab_tgtadm --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 -b "$LAB_DIR/disk.img" &&
lab_tgtadm --lld iscsi --op bind --mode target --tid 1 --initiator-name "$client" ||
	lab_fail "tgtadm could not set up the target"

lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for "No boot file; booting from the root path iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN" 300
lab_wait_for 'Registered SAN device 0x80' 60
lab_wait_for 'Starting \\EFI\\BOOT\\BOOTX64.EFI from SAN device 0x80' 120
lab_wait_for 'GRUB-ON-SAN root=hd' 120
lab_wait_for '^INIT-START' 400
lab_wait_for "SHA256: $want_sha" 60
lab_wait_for '^INIT-DONE' 60
echo PASS
