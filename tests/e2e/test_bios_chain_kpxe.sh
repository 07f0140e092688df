# Chaining bootnet.kpxe from bootnet.kpxe: the second copy, started at
# 0000:7C00 with the PXENV+ and !PXE the first one was handed, must find
# the kept PXE stack again, print its own banner and device report and get
# an address through it. (Its DHCP answer names the same script, so it
# would chain again: the test stops once the second copy is up.)
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

bios_lab_start boot/chain.ipxe
cat > "$LAB_DIR/tftp/boot/chain.ipxe" <<SCRIPT
#!ipxe
echo CHAIN-KPXE
chain tftp://$LAB_SERVER_IP/bootnet.kpxe
echo CHAIN-RETURNED
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^CHAIN-KPXE' 240
lab_wait_for '^Chaining bootnet.kpxe: PXE NBP, [0-9]+ bytes at 0000:7c00' 120
# Everything from the chain on is the second copy's.
second() { lab_serial_text | sed -n '/^Chaining bootnet.kpxe/,$p'; }
deadline=$(( $(date +%s) + 240 * LAB_TIMEOUT_SCALE ))
until second | grep -Eq '^net0: 10\.77\.0\.[0-9]+/24'; do
	[ "$(date +%s)" -lt "$deadline" ] || lab_fail "the chained bootnet.kpxe got no address"
	sleep 1
done
second | grep -Eq 'bootnet .* \(i386, pcbios\)' || lab_fail "no banner from the chained copy"
second | grep -Eq 'UNDI 52:54:00:77:00:01: initialized through !PXE' ||
	lab_fail "the chained copy did not find the PXE stack"
lab_expect_not 'CHAIN-RETURNED'
echo "PASS: the chained bootnet.kpxe came up on the kept PXE stack: $(second | grep -m1 'UNDI 52:54' | sed 's/^ *//')"
