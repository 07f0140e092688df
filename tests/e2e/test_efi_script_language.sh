# The script language on a real machine: OVMF PXE-boots bootnet, whose
# DHCP answer names a script by URL over HTTP; the script loops with goto, uses ||, &&, iseq, typed
# settings, the platform, SMBIOS and clock built-ins, then shows a menu
# whose --default entry is taken after its --timeout (drawn without
# '?[' garbage on the EFI console); that entry chains a second script
# over HTTP which prints the DHCP settings of net0.
. "$(dirname "$0")/lab.sh"
lab_start $(lab_dhcp_chainload "http://$LAB_SERVER_IP/boot/menu.ipxe") \
	--dhcp-option-force=66,$LAB_SERVER_IP
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/www/boot"
cat > "$LAB_DIR/www/boot/menu.ipxe" <<'SCRIPT'
#!ipxe
# Runs as iPXE would run it.
echo SCRIPT-START
set count 0
:again
inc count
iseq ${count} 3 || goto again
echo LOOP-DONE count=${count}
iseq a b || echo OR-WORKS
iseq a a && echo AND-WORKS
iseq a b && echo WRONG ||
set n:uint16 258
echo TYPED ${n} ${n:int16} ${n:hex} ${n:hexraw}
set ip4:ipv4 10.1.2.3
echo IPV4 ${ip4} ${ip4:hexhyp} ${ip4:uint32}
set greeting "hello   world"
echo QUOTED [${greeting}] \
  continued
echo PLATFORM ${platform} ${buildarch} MANUFACTURER ${manufacturer}
iseq ${platform} efi && echo ISEQ-EFI ||
echo UNIXTIME ${unixtime} ${unixtime:int32}
menu Lab menu
item wrong Not this one
item --gap --
item chosen The default entry
choose --default chosen --timeout 3000 target && goto ${target}
echo CHOOSE-FAILED
exit 1
:wrong
echo WRONG-ENTRY
exit 1
:chosen
echo MENU-CHOSE ${target}
SCRIPT
echo "chain http://$LAB_SERVER_IP/second.ipxe" >> "$LAB_DIR/www/boot/menu.ipxe"
cat > "$LAB_DIR/www/second.ipxe" <<'SCRIPT'
#!ipxe
echo SECOND mac=${net0/mac} ip=${net0/ip} opt66=${66} file=${filename}
SCRIPT

lab_pxe_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^SCRIPT-START' 120
lab_wait_for '^LOOP-DONE count=3$' 30
lab_expect '^OR-WORKS$'
lab_expect '^AND-WORKS$'
lab_expect_not 'WRONG'
lab_wait_for '^TYPED 0x102 258 01:02 0102$' 30
lab_wait_for '^IPV4 10\.1\.2\.3 0a-01-02-03 0xa010203$' 30
lab_wait_for '^QUOTED \[hello   world\] continued$' 30
lab_wait_for '^PLATFORM efi x86_64 MANUFACTURER QEMU$' 30
lab_expect '^ISEQ-EFI$'
# The RTC through GetTime: iPXE's uint32 (hex), and in decimal a time
# after November 2023 (the lab's clock is the host's).
lab_wait_for '^UNIXTIME 0x[0-9a-f]{8} [0-9]+$' 30
unixtime=$(lab_serial_text | sed -n 's/^UNIXTIME 0x[0-9a-f]* \([0-9]*\)$/\1/p' | head -n 1)
[ "${unixtime:-0}" -gt 1700000000 ] || lab_fail "\${unixtime} is $unixtime, not a plausible time"
lab_wait_for 'Lab menu' 30
lab_wait_for 'The default entry +\((3|2|1)\)' 30
lab_wait_for 'MENU-CHOSE chosen$' 60
lab_expect_not 'CHOOSE-FAILED|WRONG-ENTRY'
# The menu's ANSI sequences became ConOut calls (the firmware's terminal
# sends real escapes to serial, which lab_serial_text strips), never
# text: ConOut shows ESC as '?'.
lab_expect_not '\?\[[0-9;?]*[A-Za-z]'
# Needs the network code to store its DHCP result (settings_store_dhcp).
lab_wait_for "^SECOND mac=52:54:00:77:00:01 ip=10\.77\.0\.1[0-9][0-9] opt66=$LAB_SERVER_IP file=http://10\.77\.0\.1/boot/menu\.ipxe\$" 60
lab_expect_not 'Exception'
echo PASS
