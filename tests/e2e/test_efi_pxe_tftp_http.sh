# The whole UEFI network path: OVMF PXE-boots bootnet over TFTP; bootnet
# asks DHCP again as iPXE does and gets a script over TFTP; the script
# fetches a file over HTTP (its SHA-256 must match) and chains a second
# script by a relative URI... over HTTP, on the same connection. The NIC
# bootnet came from is net0 even when another comes first on the bus.
. "$(dirname "$0")/lab.sh"
lab_start $(lab_dhcp_chainload boot/first.ipxe)
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot" "$LAB_DIR/www/boot"
head -c 2097152 /dev/urandom > "$LAB_DIR/www/data.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/tftp/boot/first.ipxe" <<SCRIPT
#!ipxe
echo FIRST-SCRIPT over TFTP
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
chain http://$LAB_SERVER_IP/boot/second.ipxe
SCRIPT
printf '#!ipxe\necho SECOND-SCRIPT over HTTP\nchain third.ipxe\n' > "$LAB_DIR/www/boot/second.ipxe"
printf '#!ipxe\necho THIRD-SCRIPT by relative URI\n' > "$LAB_DIR/www/boot/third.ipxe"

# A second NIC, on a hub with nothing else and first in PCI order: the NIC
# bootnet was loaded from is still net0 and tried first. (OVMF happens to
# list the boot NIC's handle first too, so this checks the outcome, not
# which of the two orderings gave it.)
LAB_NIC=virtio-net-pci,addr=0x5 lab_pxe_efi x86_64 -netdev hubport,id=idle,hubid=9 \
	-device virtio-net-pci,netdev=idle,romfile=,mac=52:54:00:77:00:99,addr=0x3
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '\(bootnet was loaded from this device\)' 60
lab_wait_for '^net0: 52:54:00:77:00:01 through SNP' 60
lab_wait_for '^FIRST-SCRIPT over TFTP' 90
lab_wait_for "^$want  data.bin\$" 120
lab_wait_for '^SECOND-SCRIPT over HTTP' 60
lab_wait_for '^THIRD-SCRIPT by relative URI' 60
lab_expect 'tftp://10\.77\.0\.1/boot/first\.ipxe\.\.\. .*ok'
lab_wait_for 'bootnet: the boot script ended' 30
lab_expect_not 'Exception'
# Keep-alive: the three HTTP requests went over one connection.
grep -q 'conn=\([0-9]*\) req=3 "GET /boot/third.ipxe' "$LAB_DIR/nginx-access.log" ||
	{ cat "$LAB_DIR/nginx-access.log"; lab_fail "HTTP requests did not share a connection"; }
echo PASS
