# What bootnet.kpxe refuses to start, and that it stays usable after each
# refusal: in 64 MiB, Debian's kernel (which needs up to ~80 MiB while it
# decompresses) is refused for lack of memory; a kernel claiming boot
# protocol 2.01, a zImage (LOADED_HIGH clear) and an NBP larger than base
# memory are refused with the reason; the script goes on after each.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -n "$kernel" ] || lab_skip "no kernel in /boot (install linux-image-amd64)"
bios_lab_start boot/refusals.ipxe
cp "$kernel" "$LAB_DIR/www/vmlinuz"
# The same kernel with its header edited: protocol 2.01; then LOADED_HIGH off.
python3 - "$kernel" "$LAB_DIR/www" <<'PY' || lab_fail "cannot make the edited kernels"
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
old = bytearray(data); old[0x206:0x208] = b'\x01\x02'
open(sys.argv[2] + '/old-protocol', 'wb').write(old)
zimage = bytearray(data); zimage[0x211] &= 0xfe
open(sys.argv[2] + '/zimage', 'wb').write(zimage)
PY
head -c 700000 /dev/urandom > "$LAB_DIR/www/big.0"
printf '#!ipxe\nchain http://%s/refusals.ipxe\n' $LAB_SERVER_IP > "$LAB_DIR/tftp/boot/refusals.ipxe"
cat > "$LAB_DIR/www/refusals.ipxe" <<'SCRIPT'
#!ipxe
echo REFUSALS-SCRIPT
kernel vmlinuz console=ttyS0
boot || echo LINUX-REFUSED
kernel old-protocol console=ttyS0
boot || echo OLD-REFUSED
chain zimage || echo ZIMAGE-REFUSED
chain big.0 || echo NBP-REFUSED
echo REFUSALS-DONE
SCRIPT

lab_qemu_bios -m 64
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^REFUSALS-SCRIPT' 240
lab_wait_for '^REFUSALS-DONE' 300
lab_expect '^vmlinuz: cannot boot this kernel on BIOS: bootnet itself occupies 0x[0-9a-f]+-0x[0-9a-f]+, where the kernel must go \(0x100000-0x4f98000 with its decompression\), and there is no room above bootnet either'
lab_expect '^LINUX-REFUSED'
lab_expect '^old-protocol: cannot boot this kernel on BIOS: it speaks boot protocol 2.01; bootnet needs 2.02 or later'
lab_expect '^OLD-REFUSED'
lab_expect '^zimage: cannot boot this kernel on BIOS: it is a zImage \(a kernel loaded below 1 MiB\), not a bzImage'
lab_expect '^ZIMAGE-REFUSED'
lab_expect '^big.0: cannot chain this PXE NBP: it is 700000 bytes; an NBP loaded at 0x7c00 must end below 0x[0-9a-f]+'
lab_expect '^NBP-REFUSED'
lab_expect_not 'INIT-START|PXELINUX'
echo "PASS: refusals on BIOS: too little memory, protocol 2.01, zImage, oversized NBP; the script went on after each"
