# The BIOS side of the QEMU lab, sourced after lab.sh by tests/e2e/test_bios_*.sh.
#
# lab_qemu_bios [qemu args...]: SeaBIOS (QEMU's default firmware) network-
# boots (-boot n) through the PXE ROM of one NIC on the lab bridge; the ROM
# is the one QEMU loads for the model (Debian's ipxe-qemu). LAB_NIC picks
# the model (default virtio-net-pci; e1000...). Serial in $LAB_SERIAL.
# LAB_BIOS_INTERACTIVE=1: the serial port also takes input
# (lab_bios_serial_send) and a monitor socket sends keys to the keyboard
# and reads the screen (lab_bios_monitor, lab_bios_screen).
lab_qemu_bios() {
	[ -r /usr/share/seabios/bios.bin ] || lab_skip "no SeaBIOS (install seabios)"
	local nic=(-netdev tap,id=lan,ifname=tap0,script=no,downscript=no
		   -device "${LAB_NIC:-virtio-net-pci},netdev=lan,mac=52:54:00:77:00:01")
	local io=(-monitor none -serial file:"$LAB_SERIAL")
	[ -n "${LAB_BIOS_INTERACTIVE:-}" ] &&
		io=(-monitor unix:"$LAB_DIR/monitor.sock",server=on,wait=off
		    -chardev socket,id=ser0,path="$LAB_DIR/serial.sock",server=on,wait=off,logfile="$LAB_SERIAL"
		    -serial chardev:ser0)
	: > "$LAB_SERIAL"
	lab_ns qemu-system-x86_64 -machine pc -m 512 -display none -no-reboot \
		-boot n "${nic[@]}" "${io[@]}" "$@" &
	LAB_PIDS+=($!)
	[ -n "${LAB_BIOS_INTERACTIVE:-}" ] && lab_bios_await_socket "$LAB_DIR/monitor.sock"
	return 0
}

lab_bios_await_socket() {
	local i
	for i in $(seq 100); do
		[ -S "$1" ] && return 0
		sleep 0.1
	done
	lab_fail "QEMU did not create $1"
}

# lab_bios_monitor COMMAND: one QEMU monitor command; prints its answer.
lab_bios_monitor() {
	python3 - "$LAB_DIR/monitor.sock" "$1" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
time.sleep(0.2)
s.recv(65536)
s.sendall((sys.argv[2] + "\n").encode())
time.sleep(0.3)
print(s.recv(65536).decode(errors="replace"))
PY
}

# lab_bios_keys KEY...: QEMU key names (s, ret, up...) typed on the keyboard.
lab_bios_keys() {
	local key
	for key in "$@"; do
		lab_bios_monitor "sendkey $key" >/dev/null
		sleep 0.3
	done
}

# lab_bios_serial_send TEXT: bytes into the serial port (printf escapes:
# '\r', '\033[A').
lab_bios_serial_send() {
	python3 - "$LAB_DIR/serial.sock" "$(printf "$1")" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
for b in sys.argv[2].encode():
    s.sendall(bytes([b]))
    time.sleep(0.02)
time.sleep(0.2)
PY
}

# lab_bios_screen: the VGA text screen (80x25 at 0xB8000) as lines; with
# ATTR=1 each line is followed by its attribute bytes in hex.
lab_bios_screen() {
	lab_bios_monitor "pmemsave 0xb8000 4000 \"$LAB_DIR/screen.bin\"" >/dev/null
	python3 - "$LAB_DIR/screen.bin" "${ATTR:-}" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
lines = []
for row in range(25):
    cells = data[row * 160:(row + 1) * 160]
    text = "".join(chr(c) if 32 <= c < 127 else ("<ESC>" if c == 27 else " ") for c in cells[0::2])
    lines.append(text.rstrip())
    if sys.argv[2]:
        lines.append("ATTR " + cells[1::2].hex())
try:
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
except BrokenPipeError:  # a reader such as grep -q that stopped early
    pass
PY
}

# lab_bios_screen_wait TEXT SECONDS WHAT: until the VGA screen shows TEXT
# (a grep pattern); else fail, showing the screen, with "WHAT".
lab_bios_screen_wait() {
	local deadline=$(( $(date +%s) + $2 * LAB_TIMEOUT_SCALE ))
	until lab_bios_screen | grep -q -- "$1"; do
		[ "$(date +%s)" -lt "$deadline" ] || { lab_bios_screen; lab_fail "$3"; }
		sleep 2
	done
}

# dnsmasq options: the PXE ROM gets bootnet.kpxe; bootnet's own DHCP gets
# BOOT_FILE. QEMU's NIC ROMs are iPXE, which sends user class "iPXE" and
# option 175 just as bootnet does, so what tells them apart here is the
# UNDI version in the vendor class: iPXE's ROM says 2.1 (UNDI:002001),
# bootnet 3.16 (UNDI:003016).
lab_dhcp_chainload_bios() {
	local boot_file=$1
	echo --dhcp-vendorclass=set:bootnet,UNDI:003016 \
		--dhcp-boot=tag:!bootnet,bootnet.kpxe --dhcp-boot=tag:bootnet,"$boot_file"
}
