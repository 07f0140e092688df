# Switching paths at run time: bootnet (default build, snp,native,nii)
# starts on the firmware's SNP for a virtio-net NIC; its boot script sets
# ${netpath} to native and runs `netprobe`: the NIC is now driven by
# bootnet's virtio-net driver (the firmware's driver disconnected), DHCP
# and a 4 MiB HTTP download check out. Then `netprobe --order snp` gives
# the NIC back to the firmware (ConnectController) and SNP works again.
. "$(dirname "$0")/lab.sh"
lab_start --dhcp-boot=np.ipxe
head -c 4194304 /dev/urandom > "$LAB_DIR/www/data.bin"
cp "$LAB_DIR/www/data.bin" "$LAB_DIR/www/again.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/tftp/np.ipxe" <<SCRIPT
#!ipxe
echo NP-SCRIPT through \${netX/ip}
set netpath native
netprobe
dhcp
ifstat net0
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
netprobe --order snp
dhcp
ifstat net0
imgfetch http://$LAB_SERVER_IP/again.bin
sha256sum again.bin
netprobe --order snp,bogus || echo BAD-ORDER-REFUSED
echo NP-DONE
SCRIPT

LAB_NIC="virtio-net-pci,disable-modern=on" lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 120
lab_wait_for '^      \[snp\] SNP \(exclusive\): link up -> net0' 120
lab_wait_for '^NP-SCRIPT through ' 120
lab_wait_for '^netprobe: probing the NICs in the order native' 60
lab_wait_for '^      \[native\] virtio-net \(legacy\): .* link up' 60
lab_wait_for '^net0: .* using virtio-net \(legacy\)' 120
lab_wait_for "^$want  data.bin\$" 120
lab_wait_for '^netprobe: probing the NICs in the order snp$' 60
lab_wait_for '^net0: .* using SNP \(exclusive\)' 120
lab_wait_for "^$want  again.bin\$" 120
lab_wait_for 'BAD-ORDER-REFUSED' 30
lab_expect '"bogus" is not a path'
lab_wait_for '^NP-DONE' 30
lab_wait_for 'bootnet: returning to the firmware' 60
lab_expect_not 'Exception|cannot open'
echo PASS
