# A bootnet.kpxe cut short after its 16-bit prefix (a truncated copy on
# the server): the prefix says the core is missing and returns to the PXE
# ROM, which goes on to its next boot device; no hang, no crash.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start --dhcp-boot=bootnet.kpxe
# The core starts with its header, "BNC1", on a 16-byte boundary (the
# prefix's code holds the same bytes elsewhere): keep what comes before.
cut=$(grep -obUa 'BNC1' "$LAB_TOP/bin/bootnet.kpxe" | cut -d: -f1 |
	while read -r at; do [ $((at % 16)) = 0 ] && echo "$at"; done | head -n 1)
[ -n "$cut" ] || lab_fail "no core header in bin/bootnet.kpxe"
head -c "$cut" "$LAB_TOP/bin/bootnet.kpxe" > "$LAB_DIR/tftp/bootnet.kpxe"

LAB_BIOS_INTERACTIVE=1 lab_qemu_bios
lab_wait_for 'bootnet: the core is missing from bootnet.kpxe \(truncated download\?\)' 180
# Back in SeaBIOS (it writes to the screen only): nothing else to boot.
for i in $(seq 60); do
	lab_bios_screen | grep -q 'No bootable device' && break
	sleep 2
done
lab_bios_screen | grep -q 'No bootable device' || { lab_bios_screen; lab_fail "SeaBIOS did not get the machine back"; }
lab_expect_not 'bootnet .* \(i386, pcbios\)'
echo PASS
