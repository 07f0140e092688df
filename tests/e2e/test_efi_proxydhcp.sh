# proxyDHCP, as FOG and LTSP set it up: the router-style DHCP server gives
# addresses only; a second machine runs dnsmasq as a proxyDHCP server with
# pxe-service entries. OVMF boots bootnet through the proxy; bootnet (which
# sends option 175, as iPXE does) then finds its script through the proxy's
# answer, takes it from the proxy's TFTP server, and runs it.
. "$(dirname "$0")/lab.sh"
lab_start
lab_start_proxy --dhcp-match=set:ipxe,175 \
	--pxe-service='tag:!ipxe,X86-64_EFI,"Boot bootnet",bootnet.efi' \
	--pxe-service='tag:ipxe,X86-64_EFI,"bootnet script",boot/proxy.ipxe'
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho PROXY-SCRIPT ran\n' > "$LAB_DIR/tftp/boot/proxy.ipxe"

lab_pxe_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for 'net0: 10\.77\.0\.1[0-9][0-9]/24 .*from DHCP server 10\.77\.0\.1' 60
lab_wait_for 'proxyDHCP answer from 10\.77\.0\.2' 30
lab_wait_for 'boot file "boot/proxy\.ipxe.*" on server 10\.77\.0\.2 \(from proxyDHCP\)' 30
lab_wait_for '^PROXY-SCRIPT ran' 60
lab_expect_not 'Exception'
echo PASS
