# bootnet.kpxe on BIOS: SeaBIOS network-boots through QEMU's virtio-net PXE
# ROM (LAB_NIC picks another model: test_bios_kpxe_e1000.sh), which loads
# bootnet.kpxe by TFTP. bootnet reports the NIC with its UNDI path, does
# DHCP through UNDI, gets a script by HTTP that prints ${net0/mac} and
# ${platform} and fetches one file over HTTP and one over TFTP; their
# SHA-256 must be what the host computed.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start $(lab_dhcp_chainload_bios "http://$LAB_SERVER_IP/boot.ipxe")
cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"
head -c 1048576 /dev/urandom > "$LAB_DIR/www/data-http.bin"
head -c 524288 /dev/urandom > "$LAB_DIR/tftp/data-tftp.bin"
want_http=$(sha256sum "$LAB_DIR/www/data-http.bin" | cut -d' ' -f1)
want_tftp=$(sha256sum "$LAB_DIR/tftp/data-tftp.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/www/boot.ipxe" <<SCRIPT
#!ipxe
echo MAC \${net0/mac}
echo PLATFORM \${platform} \${buildarch}
echo SMBIOS \${manufacturer} \${product}
echo UNIXTIME \${unixtime:int32}
imgfetch http://$LAB_SERVER_IP/data-http.bin
sha256sum data-http.bin
imgfetch tftp://$LAB_SERVER_IP/data-tftp.bin
sha256sum data-tftp.bin
echo SCRIPT-DONE
SCRIPT

nic=${LAB_NIC:-virtio-net-pci}
LAB_BIOS_INTERACTIVE=1 lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
# The device report: the NIC, and under it its UNDI path with the MAC.
lab_wait_for '^ +UNDI 52:54:00:77:00:01: initialized through !PXE' 60
lab_expect 'cached DHCP packets: DHCPACK.*\(bootnet was loaded from this device\)'
lab_expect '^Network: 1 network controller, 1 firmware network path\.'
lab_wait_for '^net0: 52:54:00:77:00:01 through UNDI' 60
lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 90
lab_wait_for '^MAC 52:54:00:77:00:01$' 90
lab_wait_for '^PLATFORM pcbios i386$' 30
# SMBIOS from the BIOS's entry point; the wall clock from the CMOS RTC
# (SeaBIOS sets it from the host: a time after November 2023).
lab_wait_for '^SMBIOS QEMU Standard PC \(i440FX \+ PIIX, 1996\)$' 30
lab_wait_for '^UNIXTIME [0-9]+$' 30
unixtime=$(lab_serial_text | sed -n 's/^UNIXTIME \([0-9]*\)$/\1/p' | head -n 1)
[ "${unixtime:-0}" -gt 1700000000 ] || lab_fail "\${unixtime} is '$unixtime', not a plausible time"
lab_wait_for "^$want_http  data-http.bin\$" 180
lab_wait_for "^$want_tftp  data-tftp.bin\$" 180
lab_wait_for '^SCRIPT-DONE$' 30
# Nothing left to boot: bootnet returns to the PXE ROM, which hands the
# machine back to SeaBIOS (it writes to the screen only).
lab_wait_for 'bootnet: returning to the firmware' 30
lab_bios_screen_wait 'No bootable device' 120 "SeaBIOS did not get the machine back"
lab_expect_not 'Exception|failed'
# The ROM asked for bootnet.kpxe, bootnet for the script: two clients as
# dnsmasq saw them (the vendor class tells them apart).
grep -q 'sent /.*/bootnet.kpxe' "$LAB_DIR/dnsmasq.log" || lab_fail "the ROM did not fetch bootnet.kpxe"
grep -q 'GET /boot.ipxe' "$LAB_DIR/nginx-access.log" || lab_fail "bootnet did not fetch its script over HTTP"
echo "PASS ($nic)"
