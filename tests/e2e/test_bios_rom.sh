# bootnet-full.rom on BIOS (the ROM of the full core, every driver; the
# 64 KiB bootnet.rom is test_bios_rom64.sh's): SeaBIOS with the e1000's
# option ROM replaced by bin/bootnet-full.rom (romfile=). SeaBIOS runs its init entry, lists its Boot
# Entry Vector as a boot device named "bootnet" and, with no disk and
# network first (-boot n), boots it: the BEV copies bootnet from the
# NIC's ROM BAR, which drives the e1000 with its own driver, gets an
# address by DHCP and runs a script fetched over HTTP. SeaBIOS's own
# messages (its debug port) show which boot device it started. Then the
# ROM retargeted to virtio-net by tools/mkrom, and a damaged one.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"

rom="$LAB_TOP/bin/bootnet-full.rom"
[ -r "$rom" ] || lab_fail "bin/bootnet-full.rom is not built (make bios)"
lab_start --dhcp-boot="http://$LAB_SERVER_IP/rom.ipxe"
head -c 1048576 /dev/urandom > "$LAB_DIR/www/data.bin"
want=$(sha256sum "$LAB_DIR/www/data.bin" | cut -d' ' -f1)
cat > "$LAB_DIR/www/rom.ipxe" <<SCRIPT
#!ipxe
echo ROM-SCRIPT over HTTP on \${platform}
imgfetch http://$LAB_SERVER_IP/data.bin
sha256sum data.bin
echo ROM-DONE
SCRIPT

LAB_NIC="e1000,romfile=$rom" lab_qemu_bios \
	-chardev file,id=seabios,path="$LAB_DIR/seabios.log" \
	-device isa-debugcon,iobase=0x402,chardev=seabios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
# SeaBIOS says "Booting from SEG:OFF" for the BEV it calls: OFF must be
# the BEV the ROM's PnP header names.
bev=$(python3 -c '
import struct, sys
rom = open(sys.argv[1], "rb").read()
pnp = struct.unpack_from("<H", rom, 0x1A)[0]
print("%04x" % struct.unpack_from("<H", rom, pnp + 0x1A)[0])' "$rom")
grep -a 'Booting from' "$LAB_DIR/seabios.log" | head -3
grep -aqE "^Booting from [0-9a-f]{4}:$bev" "$LAB_DIR/seabios.log" ||
	lab_fail "SeaBIOS did not call bootnet.rom's BEV (offset $bev); its log: $(grep -a Booting "$LAB_DIR/seabios.log")"
lab_wait_for '^Network: ' 120
lab_expect '^ +\[native\] e1000: .*link up.* -> net0'
lab_expect_not 'UNDI'
lab_wait_for '^net0: 52:54:00:77:00:01 through e1000' 120
lab_wait_for '^net0: 10\.77\.0\.1[0-9][0-9]/24 ' 120
lab_wait_for '^ROM-SCRIPT over HTTP on pcbios' 120
lab_wait_for "^$want  data.bin\$" 180
lab_wait_for '^ROM-DONE' 60
lab_expect_not 'Exception'
echo "ok (bootnet-full.rom: $(stat -c %s "$rom") bytes, BEV booted, DHCP, HTTP script)"

# The same ROM retargeted by tools/mkrom to virtio-net (legacy, 1af4:1000):
# SeaBIOS takes it only if the PCIR IDs match the device; bootnet then
# drives virtio-net with its own driver.
lab_qemu_stop
"$LAB_TOP/tools/mkrom" --vendor 1af4 --device 1000 "$rom" "$LAB_DIR/virtio.rom" ||
	lab_fail "tools/mkrom could not retarget bootnet-full.rom"
LAB_NIC="virtio-net-pci,disable-modern=on,romfile=$LAB_DIR/virtio.rom" lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^ +\[native\] virtio-net \(legacy\): .*link up.* -> net0' 120
lab_wait_for '^ROM-SCRIPT over HTTP on pcbios' 120
lab_wait_for '^ROM-DONE' 180
echo "ok (retargeted to 1af4:1000: virtio-net's BEV booted, DHCP, HTTP script)"

# A ROM whose boot image is damaged (its BNI1 header, past the
# checksummed init part, so the BIOS still runs the ROM): the BEV says so
# on the console and hands the boot back to SeaBIOS, which goes on to its
# next boot device (none here: it says so) instead of hanging.
lab_qemu_stop
image_at=$(python3 -c 'import struct, sys; print(struct.unpack_from("<I", open(sys.argv[1], "rb").read(), 0x1C)[0])' "$rom")
cp "$rom" "$LAB_DIR/broken.rom"
printf 'XXXX' | dd of="$LAB_DIR/broken.rom" bs=1 seek="$image_at" conv=notrunc status=none
LAB_NIC="e1000,romfile=$LAB_DIR/broken.rom" lab_qemu_bios \
	-chardev file,id=seabios,path="$LAB_DIR/seabios2.log" \
	-device isa-debugcon,iobase=0x402,chardev=seabios
lab_wait_for '^bootnet.rom: the boot image on the NIC.s ROM is damaged \(no BNI1 header\)' 120
deadline=$(( $(date +%s) + 60 * LAB_TIMEOUT_SCALE ))
until grep -aqi 'no bootable device' "$LAB_DIR/seabios2.log"; do
	[ "$(date +%s)" -lt "$deadline" ] || lab_fail "SeaBIOS did not go on after the BEV returned: $(tail -3 "$LAB_DIR/seabios2.log")"
	sleep 1
done
lab_expect_not 'pcbios'
echo "PASS (a damaged boot image: the BEV says so and SeaBIOS goes on)"
