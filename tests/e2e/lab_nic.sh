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
