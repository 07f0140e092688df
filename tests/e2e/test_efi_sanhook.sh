# sanhook against Debian's tgt: bootnet logs in (no authentication), reads
# the capacity and registers the disk; the firmware's partition and FAT
# drivers then read the GPT and the ESP through bootnet's Block I/O, which
# sanboot --filename shows by naming the file the ESP lacks. A disk with
# no file system, a missing target and a server that is not an address
# each give their own message, and the script goes on; so do a port
# nobody listens on and a target whose ACL wants another initiator name,
# which ${initiator-iqn} then gives. Two URIs are paths to one drive: the
# one that answers is used.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
lab_require_root
arch=${SAN_ARCH:-x86_64}

lab_start --dhcp-boot=san.ipxe
lab_start_tgtd
echo "marker from the SAN disk" > "$LAB_DIR/marker.txt"
lab_gpt_disk "$LAB_DIR/disk.img" 8 "$LAB_DIR/marker.txt:/marker.txt"
truncate -s 3M "$LAB_DIR/blank.img"
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/disk.img"
lab_tgt_target 2 "$LAB_ISCSI_IQN-blank" "$LAB_DIR/blank.img"
# A target only one initiator name may use (tgt's ACL by name).
lab_tgtadm --lld iscsi --op new --mode target --tid 3 -T "$LAB_ISCSI_IQN-acl" &&
lab_tgtadm --lld iscsi --op new --mode logicalunit --tid 3 --lun 1 -b "$LAB_DIR/blank.img" &&
lab_tgtadm --lld iscsi --op bind --mode target --tid 3 --initiator-name iqn.2026-11.test.bootnet:client ||
	lab_fail "tgtadm could not set up the ACL target"

cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
echo SAN-SCRIPT-START
sanhook iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN || echo SANHOOK-FAILED
sanboot --filename /EFI/BOOT/none.efi || echo SANBOOT-REFUSED
sanunhook && echo SANUNHOOK-OK
sanhook --drive 0x81 iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-blank || echo BLANK-HOOK-FAILED
sanboot --drive 0x81 || echo BLANK-REFUSED
sanhook iscsi:$LAB_SERVER_IP:::1:iqn.2026-11.test.bootnet:nosuch || echo NOSUCH-REFUSED
sanhook iscsi:san.lab.test:::1:$LAB_ISCSI_IQN || echo NAME-REFUSED
sanunhook --drive 0x82 || echo UNHOOK-NOTHING
sanhook iscsi:$LAB_SERVER_IP::3261:1:$LAB_ISCSI_IQN || echo NO-LISTENER-REFUSED
sanhook --drive 0x82 iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-acl || echo ACL-REFUSED
set initiator-iqn iqn.2026-11.test.bootnet:client
sanhook --drive 0x82 iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-acl && echo ACL-OK
sanhook --drive 0x83 iscsi:$LAB_SERVER_IP::3261:1:$LAB_ISCSI_IQN iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN && echo MULTIPATH-OK
sanunhook --drive 0x84 || echo MULTIPATH-ONE-DRIVE
echo SAN-SCRIPT-END
SCRIPT

lab_boot_efi_disk "$arch" "$LAB_TOP/bin/bootnet-$arch.efi"
lab_wait_for '^SAN-SCRIPT-START' 240
# 8 MiB = 16384 blocks of 512 bytes, as READ CAPACITY reports it.
lab_wait_for "Registered SAN device 0x80: iscsi:.*:disk \(16384 blocks of 512 bytes, 8 MiB\)" 60
lab_wait_for 'sanboot: cannot boot from SAN device 0x80: no \\EFI\\BOOT\\none.efi on its file system' 120
lab_wait_for '^SANBOOT-REFUSED' 30
lab_wait_for '^SANUNHOOK-OK' 30
lab_wait_for 'Registered SAN device 0x81: .*-blank \(6144 blocks of 512 bytes, 3 MiB\)' 60
lab_wait_for 'found no file system on it' 60
lab_wait_for '^BLANK-REFUSED' 30
lab_wait_for 'nosuch: login refused: no such target' 60
lab_wait_for '^NOSUCH-REFUSED' 30
lab_wait_for 'cannot resolve san.lab.test: no DNS server is known' 30
lab_wait_for '^NAME-REFUSED' 30
lab_wait_for 'sanunhook: no SAN device 0x82' 30
lab_wait_for '10.77.0.1 refused the connection on port 3261 \(is the target running\?\)' 60
lab_wait_for '^NO-LISTENER-REFUSED' 30
lab_wait_for 'acl: login refused: no such target, or not for this initiator' 60
lab_wait_for '^ACL-REFUSED' 30
lab_wait_for 'Registered SAN device 0x82: .*-acl' 60
lab_wait_for '^ACL-OK' 30
# Two URIs are two paths to one drive: the first does not answer, the second does.
lab_wait_for 'port 3261 \(is the target running\?\) \(trying the next path\)' 60
lab_wait_for 'Registered SAN device 0x83: iscsi:[0-9.]*:::1:.*:disk ' 60
lab_wait_for '^MULTIPATH-OK' 30
lab_wait_for '^MULTIPATH-ONE-DRIVE' 30
lab_wait_for '^SAN-SCRIPT-END' 30
lab_expect_not 'SANHOOK-FAILED|BLANK-HOOK-FAILED|Exception'
echo PASS
