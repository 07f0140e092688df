# An embedded script: `make EMBED=...` into a directory of its own (bin/ is
# left alone) builds the script into both EFI files, and rebuilds them when
# the script changes. Booted from a FAT disk, bootnet runs it instead of
# autoboot (no DHCP before the script says so); the script then does what
# iPXE scripts do, `dhcp` and `chain ${filename}`, a plain file name that
# resolves against tftp://${next-server}/.
. "$(dirname "$0")/lab.sh"
lab_require_root

out="$LAB_DIR/embed"
script="$LAB_DIR/embed-test.ipxe"
embed_build() {
	make -C "$LAB_TOP" -j2 EMBED="$script" BIN="$out/bin" BUILD="$out/build" efi \
		> "$out.log" 2>&1 || { tail -n 30 "$out.log"; lab_fail "make EMBED=... failed"; }
}
# embed_has TEXT: both builds carry TEXT (the script is stored as is).
embed_has() {
	grep -aqF -- "$1" "$out/bin/bootnet-x86_64.efi" && grep -aqF -- "$1" "$out/bin/bootnet-i386.efi"
}

printf '#!ipxe\necho FIRST-VERSION\n' > "$script"
embed_build
embed_has FIRST-VERSION || lab_fail "the builds do not carry the embedded script"

# The script edited: the same make rebuilds both builds with the new text.
cat > "$script" <<'SCRIPT'
#!ipxe
echo EMBEDDED-START ${platform} ${buildarch}
set n 0
:again
inc n
iseq ${n} 3 || goto again
echo EMBEDDED-LOOP n=${n}
no-such-command || echo EMBEDDED-HANDLED
echo EMBEDDED-END
dhcp
chain ${filename}
SCRIPT
embed_build
embed_has EMBEDDED-END || lab_fail "the builds were not remade with the edited script"
if embed_has FIRST-VERSION; then
	lab_fail "the builds still carry the first version of the script"
fi

lab_start --dhcp-boot=boot/fromdhcp.ipxe
mkdir -p "$LAB_DIR/tftp/boot"
printf '#!ipxe\necho CHAINED-BY-FILENAME\n' > "$LAB_DIR/tftp/boot/fromdhcp.ipxe"
lab_boot_efi_disk x86_64 "$out/bin/bootnet-x86_64.efi"
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^EMBEDDED-START efi x86_64$' 60
lab_wait_for '^EMBEDDED-LOOP n=3$' 30
# Messages name the embedded script and its line.
lab_wait_for 'embed-test\.ipxe line 8: unknown command "no-such-command"' 30
lab_wait_for '^EMBEDDED-HANDLED$' 30
lab_wait_for '^EMBEDDED-END$' 30
lab_wait_for '^CHAINED-BY-FILENAME$' 60
lab_wait_for 'returning to the firmware' 60
# Autoboot did not run: the only DHCP is the script's own, after its start.
first_dhcp=$(lab_serial_text | grep -n 'DHCP\.\.\.' | head -n1 | cut -d: -f1)
end=$(lab_serial_text | grep -n '^EMBEDDED-END$' | head -n1 | cut -d: -f1)
[ "$(lab_serial_text | grep -c 'DHCP\.\.\.')" = 1 ] && [ "$first_dhcp" -gt "$end" ] ||
	lab_fail "DHCP ran outside the embedded script (autoboot?)"
lab_expect_not 'Exception'
echo PASS
