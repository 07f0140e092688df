# sanboot from Debian's tgt: a GPT disk built here holds GRUB as
# EFI/BOOT/BOOTX64.EFI, Debian's kernel and a busybox initrd. bootnet
# attaches the disk (sanhook), the target is restarted under it (the
# connection breaks: bootnet reconnects, logs in again and sends the
# read again), then sanboot starts GRUB from the disk; GRUB reads the
# kernel and initrd through bootnet's Block I/O and Linux's /init reports
# the initrd's data intact; GRUB's save_env on the way writes a block
# through bootnet (R2T and Data-Out), found afterwards in the image. Linux
# is not told about the disk (no iBFT on EFI yet): the marker proves the
# boot chain, not a root on iSCSI.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
. "$(dirname "$0")/linux_initrd.sh"
lab_san_linux_start
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
sanhook iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN
echo SAN-HOOKED
sleep 20
echo SAN-BOOTING
sanboot || echo SANBOOT-FAILED
SCRIPT

lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for '^SAN-HOOKED' 300
# The target goes away and comes back while bootnet sleeps.
lab_stop_tgtd
lab_start_tgtd
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/disk.img"
lab_wait_for '^SAN-BOOTING' 120
lab_wait_for 'reconnecting to iqn.2026-11.test.bootnet:disk' 120
lab_wait_for 'Starting \\EFI\\BOOT\\BOOTX64.EFI from SAN device 0x80' 120
lab_wait_for 'GRUB-ON-SAN root=hd' 120
lab_wait_for 'SAN-DISK-FILE-OK' 60
lab_wait_for 'GRUB-SAVED-ENV' 60
lab_wait_for '^INIT-START' 400
lab_wait_for 'CMDLINE: .*bootnet-san-marker' 60
lab_wait_for "SHA256: $want_sha" 60
lab_wait_for '^INIT-DONE' 60
lab_expect_not 'SANBOOT-FAILED'
# GRUB's write reached the target's disk image.
grep -aq 'bootnet_wrote=through-block-io' "$LAB_DIR/disk.img" ||
	lab_fail "GRUB's save_env did not reach the disk image (writes through Block I/O)"
echo PASS
