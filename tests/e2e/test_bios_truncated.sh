# A bootnet.kpxe cut short (a truncated copy on the server), twice:
#  1. after its 16-bit prefix: the prefix says the core is missing;
#  2. halfway through the packed core: the unpacker finds the stream
#     damaged (or its CRC wrong) and says so.
# Each time the prefix returns to the PXE ROM, which goes on to its next
# boot device; no hang, no crash.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start --dhcp-boot=bootnet.kpxe
kpxe=$LAB_TOP/bin/bootnet.kpxe
# The packed core starts with its header, "BNP1", on a 16-byte boundary
# (the prefix's code holds the same bytes elsewhere).
at=$(grep -obUa 'BNP1' "$kpxe" | cut -d: -f1 |
	while read -r at; do [ $((at % 16)) = 0 ] && echo "$at"; done | head -n 1)
[ -n "$at" ] || lab_fail "no packed core header in bin/bootnet.kpxe"

back_in_seabios() {
	lab_bios_screen_wait 'No bootable device' 120 "SeaBIOS did not get the machine back"
	lab_expect_not 'bootnet .* \(i386, pcbios\)'
}

head -c "$at" "$kpxe" > "$LAB_DIR/tftp/bootnet.kpxe"
LAB_BIOS_INTERACTIVE=1 lab_qemu_bios
lab_wait_for 'bootnet: the core is missing from bootnet.kpxe \(truncated download\?\)' 180
back_in_seabios
echo "ok (cut after the prefix)"

lab_qemu_stop
head -c $(( at + ($(stat -c %s "$kpxe") - at) / 2 )) "$kpxe" > "$LAB_DIR/tftp/bootnet.kpxe"
LAB_BIOS_INTERACTIVE=1 lab_qemu_bios
lab_wait_for 'bootnet: the packed core is damaged or cut short \(truncated download\?\)' 180
back_in_seabios
echo "ok (cut halfway through the packed core)"
echo PASS
