# HTTPS on BIOS: bootnet.kpxe built to trust only the lab's test CA (make
# TRUST=..., sharing build/https-test with the EFI test builds) boots under
# SeaBIOS from QEMU's virtio-net PXE ROM and fetches a file over TLS by name
# and by address, and through an http->https redirect, with its SHA-256
# checked; then each bad server is refused with its own message: a
# self-signed certificate (unknown CA), an expired one, one not valid until
# tomorrow, one for another name, an address the certificate does not list.
# The wall clock is the CMOS RTC (QEMU's is UTC, the host's time): the
# script's ${unixtime} must be within 5 minutes of the host's clock when it
# appears, and the good certificate, issued this second, must be accepted.
# The CPU has no RDRAND/RDSEED (-cpu qemu64,-rdrand,-rdseed), so the
# randomness is the timer jitter alone: a second boot must send TLS client
# randoms that no ClientHello of the first used (read from a pcap of the
# lab). The core's stack (64 KiB, zeroed by the prefix) is read back after
# the handshakes: at least 8 KiB of it must never have been touched.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_dns.sh"
. "$(dirname "$0")/lab_tls.sh"

command -v tcpdump >/dev/null || lab_fail "tcpdump missing (needed for the randomness check; tools/fetch-deps installs it)"
lab_tls_ca
TLS_BUILD="$LAB_TOP/build/https-test"
lab_tls_build "$TLS_BUILD" bios

LAB_PCAP=1 lab_start $(lab_dhcp_chainload_bios boot/https.ipxe) \
	--dhcp-option=option:dns-server,$LAB_SERVER_IP --dhcp-option=option:domain-name,lab.test
lab_start_dns --host-record=boot.lab.test,$LAB_SERVER_IP --host-record=other.lab.test,$LAB_SERVER_IP
tomorrow=$(date -u -d '+1 day' +%Y%m%d%H%M%SZ)
next_week=$(date -u -d '+7 days' +%Y%m%d%H%M%SZ)
lab_tls_cert good "DNS:boot.lab.test,IP:$LAB_SERVER_IP"
lab_tls_cert self "DNS:boot.lab.test" self
lab_tls_cert expired "DNS:boot.lab.test" ca 20200101000000Z 20210102000000Z
lab_tls_cert future "DNS:boot.lab.test" ca "$tomorrow" "$next_week"
lab_tls_cert other "DNS:other.lab.test"
lab_tls_cert noip "DNS:boot.lab.test"
lab_tls_nginx "443 good" "4431 self" "4432 expired" "4433 other" "4434 noip" "4436 future"

cp "$TLS_BUILD/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"
mkdir -p "$LAB_DIR/tftp/boot" "$LAB_DIR/www/https"
head -c 1048576 /dev/urandom > "$LAB_DIR/www/https/data.bin"
cp "$LAB_DIR/www/https/data.bin" "$LAB_DIR/www/https/byip.bin"
cp "$LAB_DIR/www/https/data.bin" "$LAB_DIR/www/https/moved.bin"
want=$(sha256sum "$LAB_DIR/www/https/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/tftp/boot/https.ipxe" <<SCRIPT
#!ipxe
echo UNIXTIME \${unixtime:int32}
imgfetch https://boot.lab.test/https/data.bin || echo GOOD-FAILED
sha256sum data.bin
imgfetch https://$LAB_SERVER_IP/https/byip.bin || echo BYIP-FAILED
sha256sum byip.bin
imgfetch http://boot.lab.test:8080/to-https/https/moved.bin || echo REDIRECT-FAILED
sha256sum moved.bin
imgfetch https://boot.lab.test:4431/https/data.bin || echo SELF-REFUSED
imgfetch https://boot.lab.test:4432/https/data.bin || echo EXPIRED-REFUSED
imgfetch https://boot.lab.test:4436/https/data.bin || echo FUTURE-REFUSED
imgfetch https://boot.lab.test:4433/https/data.bin || echo OTHER-REFUSED
imgfetch https://$LAB_SERVER_IP:4434/https/data.bin || echo NOIP-REFUSED
echo TLS-CHECKS-DONE
shell
SCRIPT

LAB_BIOS_INTERACTIVE=1 lab_qemu_bios -cpu qemu64,-rdrand,-rdseed
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^UNIXTIME [0-9]+$' 300
host_now=$(date +%s)
lab_wait_for "^TLS-CHECKS-DONE" ${HTTPS_WAIT:-600}
unixtime=$(lab_serial_text | sed -n 's/^UNIXTIME \([0-9]*\)$/\1/p' | head -n 1)
skew=$(( ${unixtime:-0} - host_now ))
[ "${skew#-}" -le 300 ] ||
	lab_fail "the CMOS clock says ${unixtime:-nothing}, the host $host_now: off by ${skew}s"
echo "CMOS clock $unixtime, host $host_now: ${skew}s apart"
lab_expect "^$want  data\.bin\$"
lab_expect "^$want  byip\.bin\$"
lab_expect 'http://boot\.lab\.test:8080/to-https/https/moved\.bin: redirected to https://boot\.lab\.test/https/moved\.bin'
lab_expect "^$want  moved\.bin\$"
lab_expect_not 'GOOD-FAILED|BYIP-FAILED|REDIRECT-FAILED'
lab_expect '^SELF-REFUSED'
lab_expect '^EXPIRED-REFUSED'
lab_expect '^FUTURE-REFUSED'
lab_expect '^OTHER-REFUSED'
lab_expect '^NOIP-REFUSED'
lab_expect "https://boot\.lab\.test:4431/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate 'CN=boot\.lab\.test' is self-signed, and not among bootnet's 1 trusted CAs"
lab_expect "https://boot\.lab\.test:4432/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate expired on 2021-01-02"
lab_expect "https://boot\.lab\.test:4436/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate is not valid before ${tomorrow:0:4}-${tomorrow:4:2}-${tomorrow:6:2}"
lab_expect "https://boot\.lab\.test:4433/https/data\.bin: boot\.lab\.test cannot be trusted: its certificate is for 'other\.lab\.test', not 'boot\.lab\.test'"
lab_expect "https://10\.77\.0\.1:4434/https/data\.bin: 10\.77\.0\.1 cannot be trusted: its certificate is for 'boot\.lab\.test', not '10\.77\.0\.1'"
lab_expect_not 'Exception'
grep -q '"GET /https/data.bin HTTP/1.1" 200 1048576 TLSv1.2' "$LAB_DIR/nginx-tls-access.log" ||
	{ cat "$LAB_DIR/nginx-tls-access.log"; lab_fail "nginx logged no TLS 1.2 download"; }
lab_wait_for 'bootnet>' 30

# The stack after every handshake (RSA and ECDSA signatures, ECDHE): read
# the top 32 MiB of RAM, where the core sits, and find its stack.
core_elf="$TLS_BUILD/build/bios/core.elf"
syms=()
for s in _file_end _mem_end _stack_bottom _stack_top; do
	syms+=("$(nm "$core_elf" | awk -v s="$s" '$3 == s { print $1 }')")
done
lab_bios_monitor "pmemsave 0x1e000000 0x2000000 \"$LAB_DIR/high.bin\"" >/dev/null
for i in $(seq 100); do
	[ "$(stat -c %s "$LAB_DIR/high.bin" 2>/dev/null || echo 0)" = 33554432 ] && break
	sleep 0.2
done
depth=$(python3 "$LAB_TOP/tests/e2e/bios_stack_depth.py" "$LAB_DIR/high.bin" 1e000000 "${syms[@]}") ||
	lab_fail "cannot measure the core's stack: $depth"
echo "$depth"
used=$(echo "$depth" | sed -n 's/.*stack used \([0-9]*\) of.*/\1/p')
[ "${used:-65536}" -le $(( 65536 - 8192 )) ] || lab_fail "the TLS handshakes used $used bytes of the 64 KiB stack"

# A second boot: its ClientHello randoms must be new.
first=$(python3 "$LAB_TOP/tests/e2e/tls_client_randoms.py" "$LAB_DIR/lab.pcap")
[ "$(echo "$first" | grep -c .)" -ge 5 ] || lab_fail "the pcap holds $(echo "$first" | grep -c .) ClientHellos, not one per connection"
lab_qemu_stop
printf '#!ipxe\nimgfetch https://boot.lab.test/https/data.bin || echo SECOND-FAILED\necho SECOND-BOOT-DONE\nshell\n' \
	> "$LAB_DIR/tftp/boot/https.ipxe"
LAB_BIOS_INTERACTIVE=1 lab_qemu_bios -cpu qemu64,-rdrand,-rdseed
lab_wait_for '^SECOND-BOOT-DONE' 400
lab_expect_not 'SECOND-FAILED'
sleep 1
all=$(python3 "$LAB_TOP/tests/e2e/tls_client_randoms.py" "$LAB_DIR/lab.pcap")
n_first=$(echo "$first" | grep -c .) n_all=$(echo "$all" | grep -c .)
[ "$n_all" -gt "$n_first" ] || lab_fail "the second boot's ClientHello is not in the pcap"
[ "$(echo "$all" | sort -u | grep -c .)" = "$n_all" ] ||
	{ echo "$all"; lab_fail "a TLS client random repeated: the randomness is not random"; }
echo "TLS client randoms: $n_first in the first boot, $((n_all - n_first)) in the second, all different"
echo "first boot: $(echo "$first" | head -n 1)"
echo "second boot: $(echo "$all" | sed -n "$((n_first + 1))p")"
echo PASS
