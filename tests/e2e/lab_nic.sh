# Helpers for the native NIC driver tests, sourced after lab.sh.

# lab_netpath_build ORDER: builds bootnet with NETPATH=ORDER apart from bin/
# (under build/netpath-ORDER, so reruns are quick); prints the x86_64 .efi.
lab_netpath_build() {
	local order=$1 dir="$LAB_TOP/build/netpath-${1//,/-}"
	make -C "$LAB_TOP" -s NETPATH="$order" BIN="$dir/bin" BUILD="$dir/build" \
		"$dir/bin/bootnet-x86_64.efi" >"$LAB_DIR/make-$order.log" 2>&1 ||
		{ cat "$LAB_DIR/make-$order.log" >&2; lab_fail "the NETPATH=$order build failed"; }
	echo "$dir/bin/bootnet-x86_64.efi"
}

# lab_qmp_args: the QEMU options for a QMP socket lab_qmp can talk to.
lab_qmp_args() { echo "-qmp unix:$LAB_DIR/qmp.sock,server=on,wait=off"; }

# lab_qmp COMMAND [JSON-ARGUMENTS]: one QMP command to the running VM
# (e.g. lab_qmp set_link '{"name": "lan", "up": false}'); fails the test
# when QEMU does not answer it.
lab_qmp() {
	lab_qmp_run "$1" "${2:-{\}}" || lab_fail "QMP $1 failed"
}

# lab_qmp_flap TIMES SECONDS: the lab NIC's link goes up and down TIMES
# times, SECONDS each way, over one QMP connection (steady timing even
# when the machine is loaded), and is left up.
lab_qmp_flap() {
	lab_qmp_run flap "[$1, $2]" || lab_fail "QMP link flapping failed"
}

lab_qmp_run() {
	python3 - "$LAB_DIR/qmp.sock" "$1" "$2" <<'PY'
import json, socket, sys, time
path, cmd, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
for _ in range(100):
    try:
        s = socket.socket(socket.AF_UNIX); s.connect(path); break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("no QMP socket")
f = s.makefile("rw")
def call(c, a=None):
    f.write(json.dumps({"execute": c, "arguments": a or {}}) + "\n"); f.flush()
    while True:
        r = json.loads(f.readline())
        if "return" in r: return
        if "error" in r: sys.exit(r["error"]["desc"])
json.loads(f.readline())  # the greeting
call("qmp_capabilities")
if cmd == "flap":
    for _ in range(args[0]):
        call("set_link", {"name": "lan", "up": True}); time.sleep(args[1])
        call("set_link", {"name": "lan", "up": False}); time.sleep(args[1])
    call("set_link", {"name": "lan", "up": True})
else:
    call(cmd, args)
PY
}
