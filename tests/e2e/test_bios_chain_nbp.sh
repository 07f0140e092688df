# Chaining a PXE NBP on BIOS: bootnet.kpxe's script first chains an EFI
# program (refused with the reason, the script goes on), then Debian's
# pxelinux.0, which must come up on the PXE stack bootnet kept: its banner
# and prompt on the serial console, and its own TFTP requests (ldlinux.c32,
# its configuration file) in the server's log, made through that stack.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

pxelinux=/usr/lib/PXELINUX/pxelinux.0
ldlinux=/usr/lib/syslinux/modules/bios/ldlinux.c32
[ -r "$pxelinux" ] || lab_skip "no $pxelinux (install pxelinux; run tools/fetch-deps)"
[ -r "$ldlinux" ] || lab_skip "no $ldlinux (install syslinux-common)"
efi=$LAB_TOP/bin/bootnet-x86_64.efi
[ -r "$efi" ] || lab_fail "$efi is missing (run make)"

bios_lab_start boot/chain.ipxe
cp "$pxelinux" "$ldlinux" "$LAB_DIR/tftp/"
cp "$efi" "$LAB_DIR/tftp/program.efi"
mkdir -p "$LAB_DIR/tftp/pxelinux.cfg"
printf 'SERIAL 0 115200\nPROMPT 1\nTIMEOUT 0\n' > "$LAB_DIR/tftp/pxelinux.cfg/default"
cat > "$LAB_DIR/tftp/boot/chain.ipxe" <<SCRIPT
#!ipxe
echo CHAIN-SCRIPT
chain tftp://$LAB_SERVER_IP/program.efi || echo EFI-REFUSED
chain tftp://$LAB_SERVER_IP/pxelinux.0
echo CHAIN-RETURNED
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^CHAIN-SCRIPT' 240
lab_wait_for '^EFI-REFUSED' 120
lab_expect 'program.efi: this is an EFI program; bootnet is running on BIOS'
lab_wait_for '^Chaining pxelinux.0: PXE NBP, [0-9]+ bytes at 0000:7c00' 120
lab_wait_for '^PXELINUX [0-9.]+ PXE' 120
lab_wait_for 'boot:' 120
lab_expect_not 'CHAIN-RETURNED'
grep -q "sent $LAB_DIR/tftp/ldlinux.c32" "$LAB_DIR/dnsmasq.log" ||
	lab_fail "pxelinux did not fetch ldlinux.c32 through the PXE stack"
grep -q "sent $LAB_DIR/tftp/pxelinux.cfg/default" "$LAB_DIR/dnsmasq.log" ||
	lab_fail "pxelinux did not fetch its configuration through the PXE stack"
banner=$(lab_serial_text | grep -m1 '^PXELINUX')
echo "PASS: bootnet.kpxe chained pxelinux.0 through the kept PXE stack: [$banner], ldlinux.c32 and pxelinux.cfg/default fetched, boot: prompt shown"
