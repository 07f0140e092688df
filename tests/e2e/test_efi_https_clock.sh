# A machine whose clock was reset (QEMU's RTC started at 2000-01-01, as a
# flat CMOS battery leaves it): HTTPS refuses to guess, and says the clock
# is not set and what it says, instead of accepting any certificate's
# dates. Plain HTTP still works.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_dns.sh"
. "$(dirname "$0")/lab_tls.sh"

lab_tls_ca
TLS_BUILD="$LAB_TOP/build/https-test"
lab_tls_build "$TLS_BUILD"
lab_start $(lab_dhcp_chainload boot/clock.ipxe) --dhcp-option=option:dns-server,$LAB_SERVER_IP
lab_start_dns --host-record=boot.lab.test,$LAB_SERVER_IP
lab_tls_cert good "DNS:boot.lab.test"
lab_tls_nginx "443 good"
cp "$TLS_BUILD/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot"
echo hello > "$LAB_DIR/www/plain.txt"
cat > "$LAB_DIR/tftp/boot/clock.ipxe" <<'SCRIPT'
#!ipxe
imgfetch https://boot.lab.test/plain.txt || echo CLOCK-REFUSED
imgfetch http://boot.lab.test/plain.txt && echo PLAIN-OK
SCRIPT

lab_pxe_efi x86_64 -rtc base=2000-01-01T00:00:00
lab_wait_for '^PLAIN-OK' 300
lab_expect '^CLOCK-REFUSED'
lab_expect "https://boot\.lab\.test/plain\.txt: cannot connect to boot\.lab\.test: the machine's clock is not set \(it says 2000-01-01\); cannot check the certificate's dates"
lab_expect_not 'Exception'
echo PASS
