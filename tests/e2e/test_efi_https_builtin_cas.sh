# The default build (bin/, Debian's CA bundle built in) against the lab's
# HTTPS server, whose certificate comes from a test CA no public bundle
# holds: refused, naming the issuer and how many CAs bootnet trusts (the
# whole bundle parsed: over 100). Then a plain-HTTP download still works.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_dns.sh"
. "$(dirname "$0")/lab_tls.sh"

lab_tls_ca
lab_start $(lab_dhcp_chainload boot/cas.ipxe) --dhcp-option=option:dns-server,$LAB_SERVER_IP
lab_start_dns --host-record=boot.lab.test,$LAB_SERVER_IP
lab_tls_cert good "DNS:boot.lab.test"
lab_tls_nginx "443 good"
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot"
echo hello > "$LAB_DIR/www/plain.txt"
cat > "$LAB_DIR/tftp/boot/cas.ipxe" <<'SCRIPT'
#!ipxe
imgfetch https://boot.lab.test/plain.txt || echo UNKNOWN-CA-REFUSED
imgfetch http://boot.lab.test/plain.txt && echo PLAIN-OK
SCRIPT

lab_pxe_efi x86_64
lab_wait_for '^PLAIN-OK' 300
lab_expect '^UNKNOWN-CA-REFUSED'
lab_expect "^Built with lwIP [0-9.]+, mbed TLS [0-9.]+ \(HTTPS trusts the $(grep -c 'BEGIN CERTIFICATE' /etc/ssl/certs/ca-certificates.crt) CAs of ca-certificates\.crt\)"
text=$(lab_serial_text | grep -E "https://boot\.lab\.test/plain\.txt: boot\.lab\.test cannot be trusted: its certificate is issued by 'O=bootnet lab, CN=bootnet lab test CA', which is not among bootnet's [0-9]+ trusted CAs") ||
	lab_fail "no unknown-CA message naming the test CA"
count=$(echo "$text" | sed -E "s/.*bootnet's ([0-9]+) trusted CAs.*/\1/")
[ "$count" -gt 100 ] || lab_fail "only $count CAs of the built-in bundle were read"
echo "built-in CAs read: $count"
lab_expect_not 'Exception'
echo PASS
