# sanboot through bootnet's own NIC driver (NETPATH=native build,
# virtio-net): the network stays open for the SAN disk when GRUB starts,
# and when Linux's EFI stub calls ExitBootServices bootnet's event turns
# off the NIC's bus mastering (efi/efi_exit_event.c). The notify must not
# allocate or hang: Linux boots and its /init finds the initrd intact.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
. "$(dirname "$0")/lab_nic.sh"
. "$(dirname "$0")/linux_initrd.sh"
lab_san_linux_start
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
sanboot iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN || echo SANBOOT-FAILED
SCRIPT

efi=$(lab_netpath_build native)
lab_boot_efi_disk x86_64 "$efi"
lab_wait_for '^net0: .* through virtio-net' 180
lab_wait_for 'Starting \\EFI\\BOOT\\BOOTX64.EFI from SAN device 0x80' 240
lab_wait_for 'GRUB-ON-SAN root=hd' 120
lab_wait_for '^INIT-START' 400
lab_wait_for "SHA256: $want_sha" 60
lab_wait_for '^INIT-DONE' 60
lab_expect_not 'SANBOOT-FAILED|Exception|cannot watch for ExitBootServices'
echo PASS
