# bin/bootnet.usb on BIOS: SeaBIOS boots the stick's MBR (bios/usb_mbr.S),
# which loads bootnet.kpxe from the BIOS boot partition and starts it; with
# no PXE ROM on the NIC (an e1000 with QEMU's iPXE ROM removed) bootnet
# drives it with its own e1000 driver, gets DHCP and runs the boot file's
# script. Then the same image with the BIOS build's length field cleared:
# the boot code says so on the screen and hands the boot back to the BIOS.
# Last, the BIOS build itself damaged halfway through its packed core:
# bootnet's prefix says so and returns to the boot code, which says that
# too and hands the boot back.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_media.sh"
. "$(dirname "$0")/lab_bios.sh"

usb=$LAB_TOP/bin/bootnet.usb
[ -r "$usb" ] || lab_fail "no $usb (run make)"
lab_start --dhcp-boot=boot/usb.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho BIOS-USB-SCRIPT ${platform} ${net0/ip}\npoweroff\n' > "$LAB_DIR/tftp/boot/usb.ipxe"

lab_boot_usb_bios "$usb"
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'e1000: .*-> net0' 60
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^BIOS-USB-SCRIPT pcbios 10\.77\.0\.[0-9]+$' 60
lab_qemu_stop

cp "$usb" "$LAB_DIR/broken.usb"
printf '\0\0' | dd of="$LAB_DIR/broken.usb" bs=1 seek=$((0x1B0)) conv=notrunc status=none
LAB_MONITOR=1 lab_boot_usb_bios "$LAB_DIR/broken.usb"
lab_bios_await_socket "$LAB_DIR/monitor.sock"
lab_bios_screen_wait 'bootnet USB: no BIOS build on this image' 60 "no message from the MBR on the screen"
lab_expect_not 'pcbios'
lab_qemu_stop

cp "$usb" "$LAB_DIR/damaged.usb"
read -r lba count < <(python3 -c '
import struct, sys
mbr = open(sys.argv[1], "rb").read(512)
print(struct.unpack_from("<Q", mbr, 0x1A8)[0], struct.unpack_from("<H", mbr, 0x1B0)[0])' "$usb")
printf 'XXXXXXXXXXXXXXXX' | dd of="$LAB_DIR/damaged.usb" bs=1 seek=$(( lba * 512 + count * 256 )) \
	conv=notrunc status=none
LAB_MONITOR=1 lab_boot_usb_bios "$LAB_DIR/damaged.usb"
lab_bios_await_socket "$LAB_DIR/monitor.sock"
lab_wait_for 'bootnet: the packed core is damaged or cut short' 120
lab_bios_screen_wait 'bootnet USB: bootnet returned' 60 "the boot code did not get the machine back"
lab_expect_not 'pcbios'
echo PASS
