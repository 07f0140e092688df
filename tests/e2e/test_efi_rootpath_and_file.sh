# DHCP gives both an iscsi: root path (option 17) and a boot file: as iPXE
# (the install-to-SAN workflow), bootnet's autoboot hooks the root path
# first, then runs the boot file, which finds the disk as SAN device 0x80.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
lab_require_root

lab_start --dhcp-boot=install.ipxe "--dhcp-option=17,iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN"
lab_start_tgtd
truncate -s 3M "$LAB_DIR/blank.img"
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/blank.img"

cat > "$LAB_DIR/tftp/install.ipxe" <<SCRIPT
#!ipxe
echo INSTALL-SCRIPT-START
sanunhook --drive 0x80 && echo ROOT-PATH-WAS-HOOKED
echo INSTALL-SCRIPT-END
SCRIPT

lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for "Hooking the root path iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN before the boot file" 240
lab_wait_for 'Registered SAN device 0x80: iscsi:.* \(6144 blocks of 512 bytes, 3 MiB\)' 60
lab_wait_for '^INSTALL-SCRIPT-START' 60
lab_wait_for '^ROOT-PATH-WAS-HOOKED' 30
lab_wait_for '^INSTALL-SCRIPT-END' 30
lab_expect_not 'No boot file; booting from the root path|could not be hooked|Exception'
echo PASS
