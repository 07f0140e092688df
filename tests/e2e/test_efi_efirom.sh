# bin/bootnet.efirom as a NIC's option ROM under OVMF, with no disk and no
# other copy of bootnet in the VM:
# 1. `-device e1000,romfile=bin/bootnet.efirom` (QEMU's iPXE ROM replaced):
#    OVMF expands the driver (the ROM's images are compressed, compression
#    type 1: the UEFI compression algorithm, tools/eficompress.c) and starts
#    it, which gives the NIC a boot option; booting it starts bootnet. OVMF
#    has no e1000 driver: bootnet drives the NIC with its own, gets DHCP and
#    runs the boot file's script.
# 2. The same ROM under 32-bit OVMF: the firmware starts the ROM's i386
#    driver, and its boot option starts bootnet (i386), which does the same.
# 3. The x86_64 driver wrapped by tools/mkefirom for virtio-net (1af4:1000)
#    uncompressed (no --compress), which OVMF drives: bootnet from the ROM
#    gets DHCP and runs the boot file's script.
# 4. The control: the x86_64 driver uncompressed but marked compression
#    type 1 is not started (OVMF fails to expand it and its shell comes up),
#    so what passed in 1 and 2 was OVMF expanding the compressed images.
. "$(dirname "$0")/lab.sh"

rom=$LAB_TOP/bin/bootnet.efirom driver=$LAB_TOP/build/efirom/bootnet-driver-x86_64.efi
[ -r "$rom" ] && [ -r "$driver" ] || lab_fail "no $rom (run make)"
# Both images compressed, or this would not test OVMF's expanding them.
for image in 0 $(( $(od -An -tu2 -j2 -N2 "$rom") * 512 )); do
	[ "$(od -An -tu2 -j$((image + 12)) -N2 "$rom" | tr -d ' ')" = 1 ] ||
		lab_fail "the image at $image of $rom is not compressed (type 1)"
done
lab_start --dhcp-boot=boot/rom.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho ROM-SCRIPT ${net0/mac}\npoweroff\n' > "$LAB_DIR/tftp/boot/rom.ipxe"

LAB_NIC="e1000,romfile=$rom,bootindex=0" lab_qemu_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 240
lab_wait_for '00:02\.0  8086:100e  \[0200\]' 30
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^ROM-SCRIPT 52:54:00:77:00:01$' 60
lab_qemu_stop

LAB_NIC="e1000,romfile=$rom,bootindex=0" lab_qemu_efi i386
lab_wait_for 'bootnet .* \(i386, efi\)' 240
lab_wait_for '^ROM-SCRIPT 52:54:00:77:00:01$' 120
lab_qemu_stop

"$LAB_TOP/tools/mkefirom" --vendor 1af4 --device 1000 "$driver" -o "$LAB_DIR/virtio.efirom" ||
	lab_fail "mkefirom failed"
LAB_NIC="virtio-net-pci,romfile=$LAB_DIR/virtio.efirom,bootindex=0" lab_qemu_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 240
lab_wait_for 'net0: 10\.77\.0\.[0-9]+/24' 120
lab_wait_for '^ROM-SCRIPT 52:54:00:77:00:01$' 60
lab_qemu_stop

"$LAB_TOP/tools/mkefirom" "$driver" -o "$LAB_DIR/marked.efirom" || lab_fail "mkefirom failed"
printf '\x01' | dd of="$LAB_DIR/marked.efirom" bs=1 seek=12 conv=notrunc status=none
LAB_NIC="e1000,romfile=$LAB_DIR/marked.efirom,bootindex=0" lab_qemu_efi x86_64
lab_wait_for 'Shell>' 240
lab_expect_not 'bootnet .* \(x86_64, efi\)'
echo PASS
