# HTTPS: a test build of bootnet that trusts only a test CA (make
# TRUST=...) fetches a file from nginx over TLS by name, and by address
# (the certificate carries the IP), and its SHA-256 matches; a plain-HTTP
# URL redirecting to https:// is followed, and so is a relative Location
# (resolved against the https:// URL); then each bad server is refused
# with its own message: a self-signed certificate, an expired one, one for
# another name, an address the certificate does not list, and a server
# speaking only TLS 1.3 (its alert named), and plain HTTP on the port. OVMF's clock is
# QEMU's RTC, the host's time, so the dates check is a real one.
# HTTPS_ARCH=i386: the same with bootnet-i386.efi under 32-bit OVMF.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_dns.sh"
. "$(dirname "$0")/lab_tls.sh"

arch=${HTTPS_ARCH:-x86_64}
lab_tls_ca
TLS_BUILD="$LAB_TOP/build/https-test"
lab_tls_build "$TLS_BUILD" "$arch"

lab_start $(lab_dhcp_chainload boot/https.ipxe) \
	--dhcp-option=option:dns-server,$LAB_SERVER_IP --dhcp-option=option:domain-name,lab.test
lab_start_dns --host-record=boot.lab.test,$LAB_SERVER_IP --host-record=other.lab.test,$LAB_SERVER_IP
lab_tls_cert good "DNS:boot.lab.test,IP:$LAB_SERVER_IP"
lab_tls_cert self "DNS:boot.lab.test" self
lab_tls_cert expired "DNS:boot.lab.test" ca 20200101000000Z 20210102000000Z
lab_tls_cert other "DNS:other.lab.test"
lab_tls_cert noip "DNS:boot.lab.test"
lab_tls_nginx "443 good absolute_redirect off; rewrite ^/rel/(.*)\$ /https/\$1 redirect;" "4431 self" "4432 expired" "4433 other" "4434 noip" \
	"4435 good ssl_protocols TLSv1.3;"

cp "$TLS_BUILD/bin/bootnet-$arch.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot" "$LAB_DIR/www/https"
head -c 1048576 /dev/urandom > "$LAB_DIR/www/https/data.bin"
cp "$LAB_DIR/www/https/data.bin" "$LAB_DIR/www/https/byip.bin"
cp "$LAB_DIR/www/https/data.bin" "$LAB_DIR/www/https/moved.bin"
want=$(sha256sum "$LAB_DIR/www/https/data.bin" | cut -d' ' -f1)
printf '#!ipxe\necho CHAINED-OVER-HTTPS\n' > "$LAB_DIR/www/https/next.ipxe"
cat > "$LAB_DIR/tftp/boot/https.ipxe" <<SCRIPT
#!ipxe
imgfetch https://boot.lab.test/https/data.bin || echo GOOD-FAILED
sha256sum data.bin
imgfetch https://$LAB_SERVER_IP/https/byip.bin || echo BYIP-FAILED
sha256sum byip.bin
imgfetch http://boot.lab.test:8080/to-https/https/moved.bin || echo REDIRECT-FAILED
sha256sum moved.bin
chain https://boot.lab.test/https/next.ipxe || echo CHAIN-FAILED
chain https://boot.lab.test/rel/next.ipxe || echo RELATIVE-FAILED
imgfetch https://boot.lab.test:4431/https/data.bin || echo SELF-REFUSED
imgfetch https://boot.lab.test:4432/https/data.bin || echo EXPIRED-REFUSED
imgfetch https://boot.lab.test:4433/https/data.bin || echo OTHER-REFUSED
imgfetch https://$LAB_SERVER_IP:4434/https/data.bin || echo NOIP-REFUSED
imgfetch https://boot.lab.test:4435/https/data.bin || echo TLS13-REFUSED
imgfetch https://boot.lab.test:8080/https/data.bin || echo PLAIN-PORT-REFUSED
echo TLS-CHECKS-DONE
SCRIPT

lab_pxe_efi "$arch"
lab_wait_for "^TLS-CHECKS-DONE" ${HTTPS_WAIT:-400}
lab_expect "^$want  data\.bin\$"
lab_expect "^$want  byip\.bin\$"
lab_expect 'http://boot\.lab\.test:8080/to-https/https/moved\.bin: redirected to https://boot\.lab\.test/https/moved\.bin'
lab_expect "^$want  moved\.bin\$"
lab_expect '^CHAINED-OVER-HTTPS'
lab_expect 'https://boot\.lab\.test/rel/next\.ipxe: redirected to https://boot\.lab\.test/https/next\.ipxe'
lab_expect_not 'GOOD-FAILED|BYIP-FAILED|REDIRECT-FAILED|CHAIN-FAILED|RELATIVE-FAILED'
lab_expect '^SELF-REFUSED'
lab_expect '^EXPIRED-REFUSED'
lab_expect '^OTHER-REFUSED'
lab_expect '^NOIP-REFUSED'
lab_expect '^TLS13-REFUSED'
lab_expect '^PLAIN-PORT-REFUSED'
lab_expect 'https://boot\.lab\.test:8080/https/data\.bin: TLS with boot\.lab\.test failed: .*\(does it speak HTTPS on that port\?\)'
lab_expect 'https://boot\.lab\.test:4435/https/data\.bin: boot\.lab\.test ended the TLS handshake with the alert "protocol_version"'
lab_expect "https://boot\.lab\.test:4431/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate 'CN=boot\.lab\.test' is self-signed, and not among bootnet's 1 trusted CAs"
lab_expect "https://boot\.lab\.test:4432/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate expired on 2021-01-02"
lab_expect "https://boot\.lab\.test:4433/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate is for 'other\.lab\.test', not 'boot\.lab\.test'"
lab_expect "https://10\.77\.0\.1:4434/https/data\.bin: 10\.77\.0\.1 cannot be trusted: its certificate is for 'boot\.lab\.test', not '10\.77\.0\.1'"
lab_expect_not 'Exception'
# The bytes went over TLS 1.2 (nginx's log of each request).
grep -q '"GET /https/data.bin HTTP/1.1" 200 1048576 TLSv1.2' "$LAB_DIR/nginx-tls-access.log" ||
	{ cat "$LAB_DIR/nginx-tls-access.log"; lab_fail "nginx logged no TLS 1.2 download"; }
echo PASS
