# reboot and poweroff on bootnet.kpxe: `reboot` resets the machine (ACPI
# reset register or the keyboard controller), so SeaBIOS network-boots
# bootnet again; `poweroff` enters ACPI S5, which ends QEMU, with no
# "turn it off by hand" message.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start $(lab_dhcp_chainload_bios "http://$LAB_SERVER_IP/power.ipxe")
cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"
printf '#!ipxe\necho BEFORE-REBOOT\nreboot\necho REBOOT-RETURNED\n' > "$LAB_DIR/www/power.ipxe"

# This VM resets on reboot (lab_qemu_bios's -no-reboot overridden).
lab_qemu_bios -action reboot=reset
lab_wait_for 'BEFORE-REBOOT' 180
for i in $(seq 240); do
	[ "$(lab_serial_text | grep -c 'bootnet .* (i386, pcbios)')" -ge 2 ] && break
	sleep 1
done
[ "$(lab_serial_text | grep -c 'bootnet .* (i386, pcbios)')" -ge 2 ] ||
	lab_fail "bootnet did not start again after reboot"
lab_expect_not 'REBOOT-RETURNED'
lab_qemu_stop

printf '#!ipxe\necho BEFORE-POWEROFF\npoweroff\necho POWEROFF-RETURNED\n' > "$LAB_DIR/www/power.ipxe"
lab_qemu_bios
lab_wait_for 'BEFORE-POWEROFF' 180
qemu_running() {
	local pid
	for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do
		case $(cat "/proc/$pid/comm" 2>/dev/null) in qemu-system*) return 0 ;; esac
	done
	return 1
}
for i in $(seq 60); do
	qemu_running || break
	sleep 1
done
qemu_running && lab_fail "QEMU still runs 60 s after poweroff"
lab_expect_not 'POWEROFF-RETURNED|turn it off by hand'
echo PASS
