# The 64 KiB option ROM (the rom64 core, bios/README.md "rom64") on BIOS:
# SeaBIOS with the e1000's ROM replaced by it. It must fit 64 KiB; bootnet
# drives the e1000 with its own driver, gets an address by DHCP, runs a
# script over HTTP that downloads a file (its SHA-256 checked), and what
# the build leaves out (HTTPS, SAN booting, PXE NBPs, form posts, DNS and
# nslookup, ACPI power-off) is refused in words, an EFI program too,
# naming the build, while the script goes on; then it boots Linux (Debian's
# kernel from /boot, a busybox initrd) through the real-mode entry.
# ROM64=path tests another ROM (default bin/bootnet.rom); ROM64_SIZE_CHECK=0
# skips the 64 KiB check (for a ROM packed some other way, by hand).
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/linux_initrd.sh"

rom="${ROM64:-$LAB_TOP/bin/bootnet.rom}"
[ -r "$rom" ] || lab_fail "$rom is not built (make bios)"
size=$(stat -c %s "$rom")
if [ "${ROM64_SIZE_CHECK:-1}" != 0 ] && [ "$size" -gt 65536 ]; then
	lab_fail "$rom is $size bytes: more than a 64 KiB flash holds"
fi
lab_start --dhcp-boot="http://$LAB_SERVER_IP/rom64.ipxe"
head -c 1048576 /dev/urandom > "$LAB_DIR/www/data.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
printf 'not really an NBP' > "$LAB_DIR/www/other.0"
# "MZ" alone marks an EFI program in rom64 (firmware/pe_image_rom64.c).
{ printf 'MZ'; head -c 1022 /dev/zero; } > "$LAB_DIR/www/prog.efi"
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -r "$kernel" ] || lab_skip "no readable kernel in /boot (install linux-image-amd64)"
cp "$kernel" "$LAB_DIR/www/vmlinuz"
mkdir -p "$LAB_DIR/initrd"
head -c 65536 /dev/urandom > "$LAB_DIR/initrd/data.bin"
want_initrd=$(sha256sum "$LAB_DIR/initrd/data.bin" | cut -d' ' -f1)
linux_initrd_build "$LAB_DIR/initrd" "$LAB_DIR/www/initrd.gz"
cat > "$LAB_DIR/www/rom64.ipxe" <<SCRIPT
#!ipxe
echo ROM64-SCRIPT over HTTP on \${platform}
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
imgfetch https://$LAB_SERVER_IP/data.bin || echo HTTPS-REFUSED
sanboot iscsi:$LAB_SERVER_IP::::iqn.2026-01.test:disk || echo SANBOOT-REFUSED
sanhook iscsi:$LAB_SERVER_IP::::iqn.2026-01.test:disk || echo SANHOOK-REFUSED
chain http://$LAB_SERVER_IP/other.0 || echo NBP-REFUSED
params || echo PARAMS-REFUSED
imgfetch http://boot.lab.test/data.bin || echo DNS-REFUSED
nslookup addr boot.lab.test || echo NSLOOKUP-REFUSED
poweroff || echo POWEROFF-REFUSED
chain http://$LAB_SERVER_IP/prog.efi || echo EFI-REFUSED
echo ROM64-DONE
imgfree
kernel http://$LAB_SERVER_IP/vmlinuz console=ttyS0 quiet rdinit=/init rom64
initrd http://$LAB_SERVER_IP/initrd.gz
boot
echo BOOT-RETURNED
SCRIPT

LAB_NIC="e1000,romfile=$rom" lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_expect '64 KiB ROM build'
lab_wait_for '^ +\[native\] e1000: .*link up.* -> net0' 120
lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
lab_wait_for '^ROM64-SCRIPT over HTTP on pcbios' 120
lab_wait_for "^$want  data.bin\$" 180
lab_wait_for 'https://.*64 KiB ROM build.* has no HTTPS; bin/bootnet-full.rom' 60
lab_wait_for '^HTTPS-REFUSED' 60
lab_wait_for '^sanboot: .*64 KiB ROM build.* has no SAN booting' 60
lab_wait_for '^SANBOOT-REFUSED' 60
lab_wait_for '^sanhook: .*64 KiB ROM build.* has no SAN booting' 60
lab_wait_for '^SANHOOK-REFUSED' 60
lab_wait_for 'other\.0: cannot chain this PXE NBP: .*64 KiB ROM build' 60
lab_wait_for '^NBP-REFUSED' 60
lab_wait_for '^params: .*64 KiB ROM build.* has no form posts' 60
lab_wait_for '^PARAMS-REFUSED' 60
lab_wait_for 'boot\.lab\.test: .*64 KiB ROM build.* has no DNS: use an IP address' 60
lab_wait_for '^DNS-REFUSED' 60
lab_wait_for '^nslookup: .*64 KiB ROM build.* has no DNS' 60
lab_wait_for '^NSLOOKUP-REFUSED' 60
lab_wait_for '^poweroff: .*64 KiB ROM build.* has no ACPI power-off' 60
lab_wait_for '^POWEROFF-REFUSED' 60
lab_wait_for 'prog\.efi: this is an EFI program; bootnet is running on BIOS' 60
lab_wait_for '^EFI-REFUSED' 60
lab_wait_for '^ROM64-DONE' 60
lab_serial_text | grep -aE '64 KiB ROM build' | sed 's/^/  console: /'
lab_expect_not 'unknown command'
lab_wait_for '^INIT-START' 600
lab_wait_for '^INIT-DONE' 120
lab_expect '^CMDLINE: .*rdinit=/init rom64'
lab_expect "^SHA256: $want_initrd\$"
lab_expect_not 'BOOT-RETURNED'
lab_expect_not 'Exception'
echo "PASS (${rom##*/}: $size bytes; DHCP, HTTP script and download, HTTPS, SAN and NBP refused in words, DNS, nslookup, poweroff and an EFI program refused in words, Linux booted)"
