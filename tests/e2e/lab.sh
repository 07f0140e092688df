# The QEMU lab: sourced by every end-to-end test.
#
# lab_start builds a private network inside a new network namespace (a
# bridge, 10.77.0.1/24, no uplink), with dnsmasq (DHCP, proxyDHCP, TFTP) and
# nginx on it. lab_qemu_* start a VM whose NIC is a tap on that bridge and
# whose serial console goes to a file; lab_wait_for reads that file. All of
# it is torn down when the test exits, whatever the reason.
#
# A test exits 0 (pass), 77 (skipped: says why) or anything else (fail).

set -u
LAB_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LAB_NS=""
LAB_DIR=$(mktemp -d /tmp/bootnet-lab.XXXXXX)
LAB_PIDS=()
LAB_SERIAL="$LAB_DIR/serial.log"
LAB_SERVER_IP=10.77.0.1
LAB_TIMEOUT_SCALE=${LAB_TIMEOUT_SCALE:-1}
mkdir -p "$LAB_DIR/tftp" "$LAB_DIR/www"
chmod 755 "$LAB_DIR" "$LAB_DIR/tftp" "$LAB_DIR/www" # dnsmasq and nginx workers run as nobody

lab_log() { echo "lab: $*" >&2; }

lab_skip() { echo "SKIP: $*"; exit 77; }

lab_fail() {
	echo "FAIL: $*"
	lab_show_serial
	exit 1
}

# The lab needs root for namespaces and taps: without it, skip (never pass).
lab_require_root() {
	[ "$(id -u)" = 0 ] || lab_skip "the lab needs root (network namespaces, taps)"
	[ -c /dev/net/tun ] || lab_skip "no /dev/net/tun on this machine"
}

# Every process inside the namespace (QEMU, dnsmasq, nginx and their
# children): `ip netns exec` forks, so $! alone would miss them.
lab_ns_pids() {
	[ -n "$LAB_NS" ] || return 0
	ip netns pids "$LAB_NS" 2>/dev/null
	ip netns pids "$LAB_NS-proxy" 2>/dev/null
}

lab_cleanup() {
	local pid tries=0
	for pid in $(lab_ns_pids) "${LAB_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	while [ -n "$(lab_ns_pids)" ] && [ $tries -lt 50 ]; do
		sleep 0.1; tries=$((tries + 1))
	done
	for pid in $(lab_ns_pids); do
		kill -9 "$pid" 2>/dev/null
	done
	for pid in "${LAB_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
	done
	if [ -n "$LAB_NS" ]; then
		ip netns del "$LAB_NS-proxy" 2>/dev/null
		ip netns del "$LAB_NS" 2>/dev/null
	fi
	if [ -n "${LAB_KEEP:-}" ]; then
		lab_log "kept $LAB_DIR"
	else
		rm -rf "$LAB_DIR"
	fi
}
trap lab_cleanup EXIT
trap 'exit 130' INT TERM

lab_ns() { ip netns exec "$LAB_NS" "$@"; }

# lab_start [dnsmasq options...]: namespace, bridge, tap0, dnsmasq, nginx.
# With no options dnsmasq hands out addresses and serves TFTP from
# $LAB_DIR/tftp; options given are added to its command line.
lab_start() {
	lab_require_root
	LAB_NS="bootnet-lab-$$"
	ip netns add "$LAB_NS" || lab_fail "cannot create network namespace"
	lab_ns ip link set lo up
	lab_ns ip link add br0 type bridge
	lab_ns ip addr add "$LAB_SERVER_IP/24" dev br0
	lab_ns ip link set br0 up
	lab_ns ip tuntap add dev tap0 mode tap
	lab_ns ip link set tap0 master br0
	lab_ns ip link set tap0 up
	# LAB_PCAP=1: record the guest's traffic for debugging (needs tcpdump).
	if [ -n "${LAB_PCAP:-}" ]; then
		lab_ns tcpdump -i tap0 -U -s 128 -w "$LAB_DIR/lab.pcap" >/dev/null 2>&1 &
	fi
	lab_start_dnsmasq "$@"
	lab_start_nginx
	lab_await_file "$LAB_DIR/dnsmasq.pid" dnsmasq "$LAB_DIR/dnsmasq.log"
	lab_await_file "$LAB_DIR/nginx.pid" nginx "$LAB_DIR/nginx-error.log"
}

# lab_await_file FILE NAME LOG: a server writes FILE when it is up; fail with
# its log when it does not within 10 s.
lab_await_file() {
	local i
	for i in $(seq 100); do
		[ -s "$1" ] && return 0
		sleep 0.1
	done
	echo "--- $3 ---"; cat "$3" 2>/dev/null
	lab_fail "$2 did not start"
}

# LAB_DHCP=none: dnsmasq serves TFTP only and answers no DHCP at all.
lab_start_dnsmasq() {
	local dhcp=(--dhcp-authoritative --dhcp-range=10.77.0.100,10.77.0.199,255.255.255.0,1h)
	[ "${LAB_DHCP:-}" = none ] && dhcp=()
	lab_ns dnsmasq --keep-in-foreground --no-resolv --no-hosts --port=0 \
		--interface=br0 --bind-interfaces "${dhcp[@]}" \
		--dhcp-leasefile="$LAB_DIR/dnsmasq.leases" --pid-file="$LAB_DIR/dnsmasq.pid" \
		--enable-tftp --tftp-root="$LAB_DIR/tftp" \
		--log-dhcp --log-facility="$LAB_DIR/dnsmasq.log" "$@" &
	LAB_PIDS+=($!)
}

# lab_start_proxy [dnsmasq options...]: a second server on the lab network,
# 10.77.0.2 in a namespace of its own (a veth into the bridge), running
# dnsmasq as a proxyDHCP server (no addresses) that also serves TFTP from
# $LAB_DIR/tftp. The options given are added (pxe-service, dhcp-boot...).
LAB_PROXY_IP=10.77.0.2
lab_start_proxy() {
	local ns="$LAB_NS-proxy"
	ip netns add "$ns" || lab_fail "cannot create the proxy namespace"
	lab_ns ip link add vproxy type veth peer name eth0 netns "$ns"
	lab_ns ip link set vproxy master br0
	lab_ns ip link set vproxy up
	ip netns exec "$ns" ip link set lo up
	ip netns exec "$ns" ip addr add "$LAB_PROXY_IP/24" dev eth0
	ip netns exec "$ns" ip link set eth0 up
	ip netns exec "$ns" dnsmasq --keep-in-foreground --no-resolv --no-hosts --port=0 \
		--interface=eth0 --bind-interfaces --dhcp-range=10.77.0.0,proxy \
		--pid-file="$LAB_DIR/proxy.pid" --enable-tftp --tftp-root="$LAB_DIR/tftp" \
		--log-dhcp --log-facility="$LAB_DIR/proxy.log" "$@" &
	LAB_PIDS+=($!)
	lab_await_file "$LAB_DIR/proxy.pid" "proxy dnsmasq" "$LAB_DIR/proxy.log"
}

# lab_start_atftpd PORT [options...]: atftpd (RFC 7440 windowsize, unlike
# dnsmasq) on PORT serving $LAB_DIR/atftp, which it wants world-writable.
lab_start_atftpd() {
	local port=$1; shift
	command -v atftpd >/dev/null || lab_fail "atftpd missing (run tools/fetch-deps)"
	mkdir -p "$LAB_DIR/atftp"
	chmod 777 "$LAB_DIR/atftp"
	lab_ns atftpd --daemon --no-fork --user root --group root --bind-address "$LAB_SERVER_IP" \
		--port "$port" --logfile "$LAB_DIR/atftpd-$port.log" "$@" "$LAB_DIR/atftp" &
	LAB_PIDS+=($!)
}

# lab_lossy PERCENT: from now on the lab's servers lose PERCENT% of the
# packets they send to the VM and of those they receive from it (nftables).
lab_lossy() {
	command -v nft >/dev/null || lab_fail "nft missing (package nftables; run tools/fetch-deps)"
	lab_ns nft add table inet lab_loss || lab_fail "cannot add nftables table"
	lab_ns nft add chain inet lab_loss out '{ type filter hook output priority 0; }'
	lab_ns nft add chain inet lab_loss in '{ type filter hook input priority 0; }'
	lab_ns nft add rule inet lab_loss out ip daddr 10.77.0.0/24 numgen random mod 100 '<' "$1" drop
	lab_ns nft add rule inet lab_loss in ip saddr 10.77.0.0/24 numgen random mod 100 '<' "$1" drop
}

lab_start_nginx() {
	cat > "$LAB_DIR/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $LAB_DIR/nginx.pid;
error_log $LAB_DIR/nginx-error.log;
events { worker_connections 64; }
http {
    log_format lab '\$remote_addr conn=\$connection req=\$connection_requests "\$request" \$status \$body_bytes_sent';
    access_log $LAB_DIR/nginx-access.log lab;
    client_body_temp_path $LAB_DIR/nginx-body;
    proxy_temp_path $LAB_DIR/nginx-proxy;
    fastcgi_temp_path $LAB_DIR/nginx-fastcgi;
    uwsgi_temp_path $LAB_DIR/nginx-uwsgi;
    scgi_temp_path $LAB_DIR/nginx-scgi;
    types { text/plain ipxe txt; application/octet-stream bin efi; }
    server {
        listen $LAB_SERVER_IP:80;
        root $LAB_DIR/www;
    }
}
CONF
	lab_ns nginx -c "$LAB_DIR/nginx.conf" -e "$LAB_DIR/nginx-error.log" &
	LAB_PIDS+=($!)
}

# lab_make_esp IMAGE FILE:PATH...: a FAT image holding each FILE at PATH.
lab_make_esp() {
	local image=$1; shift
	rm -f "$image"
	mkfs.fat -C "$image" 8192 >/dev/null || lab_fail "mkfs.fat failed"
	local spec src dst dir
	for spec in "$@"; do
		src=${spec%%:*}; dst=${spec#*:}
		dir=$(dirname "$dst")
		local part="" p
		for p in ${dir//\// }; do
			part="$part/$p"
			mmd -D s -i "$image" "::$part" 2>/dev/null || true
		done
		mcopy -i "$image" "$src" "::$dst" || lab_fail "mcopy $src failed"
	done
}

# lab_qemu_efi ARCH [qemu args...]: OVMF (x86_64 or i386) with the serial
# console in $LAB_SERIAL and one NIC on the lab bridge (set LAB_NIC, default
# virtio-net-pci; LAB_NIC=none for a machine without one). Runs in the background.
# Debian ships 32-bit OVMF only as its Secure Boot build: it needs SMM and a
# secure flash; its fresh variable store enrolls no keys, so unsigned images
# still run. LAB_CPU64=1 runs it on a 64-bit CPU (qemu-system-x86_64), as
# the 2006-2008 Macs whose 32-bit EFI must start a 64-bit kernel.
lab_qemu_efi() {
	local arch=$1; shift
	local code vars qemu
	case $arch in
	x86_64) code=/usr/share/OVMF/OVMF_CODE_4M.fd; vars=/usr/share/OVMF/OVMF_VARS_4M.fd
		qemu="qemu-system-x86_64 -machine q35" ;;
	i386)   code=/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd; vars=/usr/share/OVMF/OVMF32_VARS_4M.fd
		[ -r "$code" ] || lab_skip "no 32-bit OVMF (install ovmf-ia32)"
		qemu="qemu-system-i386"
		[ -n "${LAB_CPU64:-}" ] && qemu="qemu-system-x86_64"
		qemu="$qemu -machine q35,smm=on -global driver=cfi.pflash01,property=secure,value=on" ;;
	*) lab_fail "unknown arch $arch" ;;
	esac
	cp "$vars" "$LAB_DIR/vars.fd"
	local nic=(-netdev tap,id=lan,ifname=tap0,script=no,downscript=no
		   -device "${LAB_NIC:-virtio-net-pci},netdev=lan,mac=52:54:00:77:00:01")
	[ "${LAB_NIC:-}" = none ] && nic=(-nic none)
	: > "$LAB_SERIAL"
	lab_ns $qemu -m 512 -display none -monitor none -no-reboot \
		-drive if=pflash,format=raw,readonly=on,file="$code" \
		-drive if=pflash,format=raw,file="$LAB_DIR/vars.fd" \
		"${nic[@]}" -serial file:"$LAB_SERIAL" "$@" &
	LAB_PIDS+=($!)
}

# lab_qemu_stop: ends the running VM, so a test can boot another.
lab_qemu_stop() {
	local pid i
	for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do
		case $(cat "/proc/$pid/comm" 2>/dev/null) in qemu-system*) kill "$pid" ;; esac
	done
	for i in $(seq 50); do   # until QEMU has let go of tap0
		ip netns pids "$LAB_NS" 2>/dev/null | while read -r pid; do
			cat "/proc/$pid/comm" 2>/dev/null
		done | grep -q '^qemu-system' || return 0
		sleep 0.1
	done
	lab_fail "QEMU did not stop"
}

# lab_boot_efi_disk ARCH EFI_FILE [qemu args...]: boot EFI_FILE as the
# removable-media loader of a FAT disk.
lab_boot_efi_disk() {
	local arch=$1 efi=$2; shift 2
	local name=BOOTX64.EFI
	[ "$arch" = i386 ] && name=BOOTIA32.EFI
	lab_make_esp "$LAB_DIR/esp.img" "$efi:EFI/BOOT/$name"
	lab_qemu_efi "$arch" -drive if=none,id=esp,format=raw,file="$LAB_DIR/esp.img" \
		-device virtio-blk-pci,drive=esp,bootindex=0 "$@"
}

# lab_pxe_efi ARCH [qemu args...]: OVMF PXE-boots over the lab NIC (QEMU's
# iPXE ROM disabled: the firmware's own network stack); no disk.
lab_pxe_efi() {
	local arch=$1; shift
	LAB_NIC="${LAB_NIC:-virtio-net-pci},romfile=,bootindex=0" lab_qemu_efi "$arch" "$@"
}

# The dnsmasq options that hand bootnet to the firmware's PXE client and,
# when bootnet asks (it sends option 175, as iPXE does), BOOT_FILE instead.
lab_dhcp_chainload() {
	local boot_file=$1
	echo --dhcp-match=set:ipxe,175 --dhcp-boot=tag:!ipxe,bootnet.efi \
		--dhcp-boot=tag:ipxe,"$boot_file"
}

# The serial log with terminal escape sequences removed and carriage returns
# (progress lines redrawn, prompts erased) made line breaks, so ^ anchors work.
lab_serial_text() {
	sed -e 's/\x1b\[[0-9;=?]*[a-zA-Z]//g' -e 's/\r/\n/g' "$LAB_SERIAL" 2>/dev/null
}

lab_show_serial() {
	[ -s "$LAB_SERIAL" ] || { echo "(serial console printed nothing)"; return; }
	echo "--- last 40 lines of the serial console ---"
	lab_serial_text | grep -v '^[[:space:]]*$' | tail -n 40 | cut -c1-200
	echo "---"
}

# lab_wait_for REGEX SECONDS: wait until the serial console shows REGEX.
lab_wait_for() {
	local regex=$1 seconds=$(( $2 * LAB_TIMEOUT_SCALE ))
	local deadline=$(( $(date +%s) + seconds ))
	while [ "$(date +%s)" -lt "$deadline" ]; do
		lab_serial_text | grep -Eq -- "$regex" && return 0
		sleep 0.5
	done
	lab_fail "no '$regex' on the serial console within ${seconds}s"
}

# lab_expect REGEX: the serial console already shows REGEX.
lab_expect() {
	lab_serial_text | grep -Eq -- "$1" || lab_fail "serial console lacks '$1'"
}

# lab_expect_not REGEX: the serial console does not show REGEX.
lab_expect_not() {
	if lab_serial_text | grep -Eq -- "$1"; then
		lab_fail "serial console shows '$1'"
	fi
}
