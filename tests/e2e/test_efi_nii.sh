# The NII path: a test build of bootnet (make NETPATH=nii) that takes a
# NIC's NII 3.1 before its SNP drives the UNDI of QEMU's iPXE EFI ROM for
# the e1000 (iPXE publishes NII next to its SNP) through the UNDI command
# interface: DHCP, a script over TFTP, a 1 MB file over TFTP and over
# HTTP whose SHA-256 must match; then the NIC is closed (the UNDI shut
# down and stopped, the firmware's drivers reconnected), opened again and
# used again.
. "$(dirname "$0")/lab.sh"
ROM=/usr/lib/ipxe/qemu/efi-e1000.rom
[ -r "$ROM" ] || lab_skip "no $ROM (package ipxe-qemu)"

# Built apart from bin/ (other flags); kept under build/ so reruns are quick.
NII_DIR="$LAB_TOP/build/nii-test"
make -C "$LAB_TOP" -s NETPATH=nii BIN="$NII_DIR/bin" BUILD="$NII_DIR/build" \
	"$NII_DIR/bin/bootnet-x86_64.efi" >"$LAB_DIR/make.log" 2>&1 ||
	{ cat "$LAB_DIR/make.log"; lab_fail "the NETPATH=nii build failed"; }

lab_start --dhcp-boot=nii.ipxe
head -c 1048576 /dev/urandom > "$LAB_DIR/www/data.bin"
cp "$LAB_DIR/www/data.bin" "$LAB_DIR/tftp/data-tftp.bin"
cp "$LAB_DIR/www/data.bin" "$LAB_DIR/www/again.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/tftp/nii.ipxe" <<SCRIPT
#!ipxe
echo NII-SCRIPT over TFTP
imgfetch tftp://$LAB_SERVER_IP/data-tftp.bin
sha256sum data-tftp.bin
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
ifclose net0
ifstat net0
dhcp net0
imgfetch http://$LAB_SERVER_IP/again.bin
sha256sum again.bin
ifstat net0
SCRIPT

LAB_NIC="e1000,romfile=$ROM" lab_boot_efi_disk x86_64 "$NII_DIR/bin/bootnet-x86_64.efi"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 120
lab_wait_for '^net0: DHCP' 120
lab_expect '^net0: 52:54:00:77:00:01 through NII \(UNDI 3\.1'
lab_wait_for '^NII-SCRIPT over TFTP' 90
lab_wait_for "^$want  data-tftp.bin\$" 120
lab_wait_for "^$want  data.bin\$" 120
lab_wait_for 'net0: .* using NII .*\(closed\)' 30
lab_wait_for "^$want  again.bin\$" 120
lab_wait_for 'bootnet: the boot script ended' 30
lab_expect 'net0: .* using NII .*\(open\)'
lab_expect_not 'Exception|UNDI [A-Z_]+ failed'
echo PASS
