# A DNS server for the lab, sourced after lab.sh: lab_start's dnsmasq does
# DHCP and TFTP with DNS off, so names are served by a second dnsmasq doing
# DNS only on 10.77.0.1:53. It answers for lab.test and nothing else.

# lab_start_dns [dnsmasq options...]: --host-record, --cname and the like.
lab_start_dns() {
	lab_ns dnsmasq --keep-in-foreground --no-resolv --no-hosts --port=53 \
		--listen-address="$LAB_SERVER_IP" --bind-interfaces --local=/lab.test/ \
		--pid-file="$LAB_DIR/dns.pid" --log-queries --log-facility="$LAB_DIR/dns.log" "$@" &
	LAB_PIDS+=($!)
	lab_await_file "$LAB_DIR/dns.pid" "DNS dnsmasq" "$LAB_DIR/dns.log"
}

# lab_dns_test PLATFORM: the DNS test, on PLATFORM efi (OVMF PXE-boots
# bootnet-x86_64.efi) or bios (bootnet.kpxe under SeaBIOS through QEMU's
# virtio-net PXE ROM, lwIP over UNDI; lab_bios.sh sourced). dnsmasq answers
# for lab.test (boot.lab.test, and www.lab.test as a CNAME of it) and hands
# itself out as the DNS server with domain lab.test. The boot script looks
# names up with nslookup, fetches and chains scripts by name (through the
# CNAME, and a short name through the DHCP search list: eng.lab.test says
# NXDOMAIN, lab.test has it), asks for a name that does not exist
# (NXDOMAIN, said as such) and, with `set dns` pointing at nobody, gets the
# no-answer message naming the server; the last failure ends at the shell
# prompt. On BIOS the platform's name and the fetched file's SHA-256 are
# checked as well (the EFI test never had those checks).
lab_dns_test() {
	local platform=$1 chainload sum="" want=""
	case $platform in
	efi)  chainload=$(lab_dhcp_chainload boot/dns.ipxe) ;;
	bios) chainload=$(lab_dhcp_chainload_bios boot/dns.ipxe); sum="sha256sum data.bin" ;;
	*)    lab_fail "lab_dns_test: unknown platform $platform" ;;
	esac
	lab_start $chainload \
		--dhcp-option=option:dns-server,$LAB_SERVER_IP --dhcp-option=option:domain-name,lab.test \
		--dhcp-option-force=option:domain-search,eng.lab.test,lab.test
	lab_start_dns --host-record=boot.lab.test,$LAB_SERVER_IP --cname=www.lab.test,boot.lab.test
	case $platform in
	efi)  cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi" ;;
	bios) cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe" ;;
	esac
	mkdir -p "$LAB_DIR/tftp/boot" "$LAB_DIR/www/dns"
	# \${...} are bootnet's settings; $sum is the BIOS-only line.
	cat > "$LAB_DIR/tftp/boot/dns.ipxe" <<SCRIPT
#!ipxe
echo DNS-SERVER=\${dns} DOMAIN=\${domain} PLATFORM=\${platform}
nslookup bootip boot.lab.test || echo NSLOOKUP-FAILED
echo NSLOOKUP-BOOT=\${bootip}
nslookup aliasip www.lab.test || echo NSLOOKUP-ALIAS-FAILED
echo NSLOOKUP-ALIAS=\${aliasip}
imgfetch http://www.lab.test/dns/data.bin || echo IMGFETCH-FAILED
$sum
chain http://boot.lab.test/dns/named.ipxe || echo CHAIN-FAILED
chain http://boot/dns/short.ipxe || echo SHORT-FAILED
nslookup nothing nope.lab.test || echo NXDOMAIN-REPORTED
set dns 10.77.0.9
nslookup nothing boot.lab.test || echo SILENCE-REPORTED
chain http://nope.lab.test/x.ipxe
echo NOT-REACHED
SCRIPT
	printf '#!ipxe\necho NAMED-SCRIPT-RAN\n' > "$LAB_DIR/www/dns/named.ipxe"
	printf '#!ipxe\necho SHORT-NAME-SCRIPT-RAN\n' > "$LAB_DIR/www/dns/short.ipxe"
	head -c 100000 /dev/urandom > "$LAB_DIR/www/dns/data.bin"

	case $platform in
	efi)
		lab_pxe_efi x86_64
		lab_wait_for 'bootnet: nothing booted' 300
		lab_expect "^DNS-SERVER=10\.77\.0\.1 DOMAIN=lab\.test" ;;
	bios)
		want=$(sha256sum "$LAB_DIR/www/dns/data.bin" | cut -d' ' -f1)
		lab_qemu_bios
		lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
		lab_wait_for 'bootnet: nothing booted' 400
		lab_expect "^DNS-SERVER=10\.77\.0\.1 DOMAIN=lab\.test PLATFORM=pcbios"
		lab_expect "^$want  data\.bin\$" ;;
	esac
	lab_expect "^NSLOOKUP-BOOT=10\.77\.0\.1$"
	lab_expect "^NSLOOKUP-ALIAS=10\.77\.0\.1$"
	lab_expect 'http://www\.lab\.test/dns/data\.bin\.\.\. .*ok'
	lab_expect_not 'IMGFETCH-FAILED|CHAIN-FAILED|SHORT-FAILED|NSLOOKUP-FAILED|NSLOOKUP-ALIAS-FAILED'
	lab_expect '^NAMED-SCRIPT-RAN'
	lab_expect '^SHORT-NAME-SCRIPT-RAN'
	lab_expect 'nslookup: cannot resolve nope\.lab\.test: 10\.77\.0\.1 says no such name \(NXDOMAIN\)'
	lab_expect '^NXDOMAIN-REPORTED'
	lab_expect 'nslookup: cannot resolve boot\.lab\.test: no answer from 10\.77\.0\.9 after 3 tries'
	lab_expect '^SILENCE-REPORTED'
	lab_expect 'http://nope\.lab\.test/x\.ipxe: cannot resolve nope\.lab\.test: no answer from 10\.77\.0\.9'
	lab_expect_not 'NOT-REACHED'
	lab_expect_not 'Exception'
	# The queries reached dnsmasq (the answers are not made up in bootnet).
	grep -q 'query\[A\] boot\.lab\.test' "$LAB_DIR/dns.log" || lab_fail "dnsmasq logged no query for boot.lab.test"
	grep -q 'query\[A\] www\.lab\.test' "$LAB_DIR/dns.log" || lab_fail "dnsmasq logged no query for www.lab.test"
	grep -q 'query\[A\] boot\.eng\.lab\.test' "$LAB_DIR/dns.log" || lab_fail "the search list's first domain was not tried"
	# The shell prompt is there after the failure (the machine stays usable).
	lab_wait_for 'bootnet>' 30
}
