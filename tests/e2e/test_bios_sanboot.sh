# sanboot on BIOS: SeaBIOS PXE-boots bootnet.kpxe, which boots two disks
# Debian's tgt exports in the lab. The first (sanboot URI) has no boot
# signature: a clear refusal, and the script goes on. The second (sanhook,
# then sanboot without a URI) holds the boot
# program of sanboot_bios_disk.sh: its MBR and second stage run in real
# mode with every sector read through bootnet's INT 13h hook over iSCSI,
# and they report what INT 13h, INT 15h E820 and the iBFT say, checked
# here against what the test built. A second boot checks --drive and
# --no-describe.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"
. "$(dirname "$0")/lab_iscsi.sh"
. "$(dirname "$0")/sanboot_bios_disk.sh"
lab_require_root

san_bios_disk "$LAB_DIR/disk.img"
truncate -s 1M "$LAB_DIR/blank.img"
bios_lab_start san.ipxe
lab_start_tgtd
lab_tgt_target 1 "$LAB_ISCSI_IQN" "$LAB_DIR/disk.img"
lab_tgt_target 2 "$LAB_ISCSI_IQN-blank" "$LAB_DIR/blank.img"
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
sanboot iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-blank || echo BLANK-REFUSED
sanhook iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN || echo SANHOOK-FAILED
echo HOOKED
sanboot || echo SANBOOT-FAILED
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'no boot signature' 240
lab_wait_for '^BLANK-REFUSED' 60
lab_wait_for 'Registered SAN device 0x80: .*bootnet:disk \(16384 blocks' 120
lab_wait_for '^HOOKED' 60
lab_wait_for '^MBR-ON-SAN dl=80' 120
lab_wait_for "^STAGE2 $SAN_STAGE2_MARKER" 60
lab_wait_for '^STAGE2-DONE|STAGE2-INT13-FAILED|PAST-END-ACCEPTED|OWN-MEMORY-ACCEPTED' 120
lab_expect_not 'SANBOOT-FAILED|SANHOOK-FAILED'
lab_expect '^OWN-MEMORY-REFUSED ah=01'
lab_expect 'refused a transfer to 0x[0-9a-f]+-0x[0-9a-f]+, which holds bootnet itself'
lab_expect_not 'STAGE2-INT13-FAILED'
lab_expect '^GEOMETRY cx=003F dh=FE dl=01'
lab_expect '^TYPE ah=03 sectors=00004000'
lab_expect "^$SAN_CHS_MARKER"
lab_expect "^BULK-SUM $SAN_BULK_SUM"
lab_expect '^PAST-END-REFUSED ah=04'
lab_expect "^IBFT-FOUND seg=[0-9A-F]{4} sum=00 target=$LAB_ISCSI_IQN initiator=iqn\."
# The map the boot program got: the iBFT's base memory reserved, and a
# reserved hole in the RAM above 1 MiB (bootnet's core and heap), which
# SeaBIOS's own map does not have.
ibft_at=$(( 0x$(lab_serial_text | sed -n 's/^IBFT-FOUND seg=\([0-9A-F]*\) .*/\1/p' | head -n 1) * 16 ))
lab_serial_text | grep -a '^E820 ' > "$LAB_DIR/e820.txt"
python3 - "$LAB_DIR/e820.txt" "$ibft_at" <<'PY' || lab_fail "bootnet's memory is not reserved in the E820 map the boot program got"
import sys
entries = [tuple(int(f, 16) for f in line.split()[1:4]) for line in open(sys.argv[1])]
ibft = int(sys.argv[2])
print("E820 map seen by the boot program:", ", ".join("%x+%x:%d" % e for e in entries))
usable_top = max(b + l for b, l, t in entries if t == 1)
low = any(t == 2 and b <= ibft < b + l for b, l, t in entries)
high = any(t == 2 and 0x100000 <= b and b + l < usable_top for b, l, t in entries)
usable_overlap = any(t == 1 and b <= ibft < b + l for b, l, t in entries)
print("iBFT at %x reserved: %s; reserved hole above 1 MiB: %s" % (ibft, low, high))
sys.exit(0 if low and high and not usable_overlap else 1)
PY
first_ibft=$(lab_serial_text | grep -a -m1 '^IBFT-FOUND')

# Again with --drive 0x81 --no-describe: the program gets DL=81, the BIOS
# disk count says two, and no iBFT is left for it to find.
# The first VM (halted in the boot program) goes: its QEMU is the one in
# the lab's namespace, and tap0 must be free before the next one starts.
stop_lab_qemu() {
	local pid i
	for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do
		case $(cat "/proc/$pid/comm" 2>/dev/null) in qemu-system*) kill "$pid" ;; esac
	done
	for i in $(seq 100); do
		ip netns pids "$LAB_NS" 2>/dev/null | while read -r pid; do
			cat "/proc/$pid/comm" 2>/dev/null
		done | grep -q '^qemu-system' || return 0
		sleep 0.1
	done
	lab_fail "the first VM did not stop"
}
stop_lab_qemu
cat > "$LAB_DIR/tftp/san.ipxe" <<SCRIPT
#!ipxe
sanboot --drive 0x81 --no-describe iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN || echo SANBOOT-FAILED
SCRIPT
lab_qemu_bios
lab_wait_for 'Registered SAN device 0x81: .*bootnet:disk \(16384 blocks' 300
lab_wait_for '^MBR-ON-SAN dl=81' 120
lab_wait_for '^STAGE2-DONE|STAGE2-INT13-FAILED|PAST-END-ACCEPTED' 120
lab_expect_not 'SANBOOT-FAILED|STAGE2-INT13-FAILED'
lab_expect "^STAGE2 $SAN_STAGE2_MARKER"
lab_expect '^GEOMETRY cx=003F dh=FE dl=02'
lab_expect "^BULK-SUM $SAN_BULK_SUM"
lab_expect '^IBFT-NOT-FOUND'
echo "PASS: sanboot on BIOS: MBR and second stage read over iSCSI; $first_ibft; --drive 0x81 --no-describe: DL=81, no iBFT"
