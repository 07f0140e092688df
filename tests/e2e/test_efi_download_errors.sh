# Downloads that cannot succeed say so clearly: a boot file the TFTP server
# does not have, then (second boot) a script chaining a URL the web server
# answers with 404. Each message names the file and the server.
. "$(dirname "$0")/lab.sh"
lab_start $(lab_dhcp_chainload boot/missing.ipxe)
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot"

lab_pxe_efi x86_64
lab_wait_for 'bootnet: nothing booted' 180
lab_expect 'tftp://10\.77\.0\.1/boot/missing\.ipxe: .*10\.77\.0\.1.*(not found|File not found)'
lab_expect_not 'Exception'
lab_qemu_stop

printf '#!ipxe\necho FIRST-SCRIPT\nchain http://%s/boot/gone.ipxe\necho NOT-REACHED\n' \
	"$LAB_SERVER_IP" > "$LAB_DIR/tftp/boot/missing.ipxe"
lab_pxe_efi x86_64
lab_wait_for '^FIRST-SCRIPT' 180
lab_wait_for 'bootnet: nothing booted' 60
lab_expect 'http://10\.77\.0\.1/boot/gone\.ipxe: server 10\.77\.0\.1 answered "HTTP/1\.1 404 Not Found"'
lab_expect 'missing\.ipxe line 3: "chain" failed'
lab_expect_not 'NOT-REACHED'
lab_expect_not 'Exception'
echo PASS
