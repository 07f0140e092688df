# The general menu (scripts/menu.ipxe) on bootnet.kpxe, driven from both
# consoles: drawn on the VGA text screen through INT 10h (read back from
# video memory: the text, no escape sequences shown as characters, the
# selected entry in reverse video) and on serial; the keyboard (INT 16h:
# a shortcut key, arrows, Enter) and the serial line (ANSI arrow
# sequences, typed shell commands) both choose entries.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
lab_start $(lab_dhcp_chainload_bios "http://$LAB_SERVER_IP/menu.ipxe")
cp "$LAB_TOP/bin/bootnet.kpxe" "$LAB_DIR/tftp/bootnet.kpxe"
cp "$LAB_TOP/scripts/menu.ipxe" "$LAB_DIR/www/menu.ipxe"

count() { lab_serial_text | grep -c -- "$1"; }
SHELL_LINE='Type `exit` to come back to the menu\.'

LAB_BIOS_INTERACTIVE=1 lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for 'Network boot -- 52:54:00:77:00:01 10\.77\.0\.1[0-9][0-9]' 120
sleep 2
screen=$(ATTR=1 lab_bios_screen)
echo "$screen" | grep -q 'Network boot -- 52:54:00:77:00:01' || { echo "$screen"; lab_fail "menu title not on the screen"; }
echo "$screen" | grep -q 'bootnet shell' || { echo "$screen"; lab_fail "menu entries not on the screen"; }
echo "$screen" | grep -Eq '<ESC>|\[[0-9;?]*[HJKm]' && { echo "$screen"; lab_fail "escape sequences shown as text on the screen"; }
# The default entry is highlighted: its row has reverse-video cells (70).
row=$(echo "$screen" | grep -n 'Return to firmware' | head -n 1 | cut -d: -f1)
[ -n "$row" ] || { echo "$screen"; lab_fail "default entry not on the screen"; }
echo "$screen" | sed -n "$((row + 1))p" | grep -q '7070707070' ||
	{ echo "$screen"; lab_fail "the default entry is not in reverse video"; }

# Keyboard: the entry's shortcut key.
lab_bios_keys s
lab_wait_for "$SHELL_LINE" 30
lab_wait_for 'bootnet> ' 30
# Serial: a command typed in the shell, then back to the menu.
lab_bios_serial_send 'echo SERIAL-${platform}\r'
lab_wait_for '^SERIAL-pcbios$' 30
menus=$(count 'Network boot -- ')
lab_bios_serial_send 'exit\r'
# Keys sent before the menu is back would be lost: wait for it to be drawn.
for i in $(seq 60); do [ "$(count 'Network boot -- ')" -gt "$menus" ] && break; sleep 1; done
sleep 1
# Serial: up twice from the default (Return to firmware) is the shell.
lab_bios_serial_send '\033[A'
sleep 1
lab_bios_serial_send '\033[A'
sleep 1
lab_bios_serial_send '\r'
for i in $(seq 30); do [ "$(count "$SHELL_LINE")" -ge 2 ] && break; sleep 1; done
[ "$(count "$SHELL_LINE")" -ge 2 ] || lab_fail "serial arrows and Enter did not choose the shell"
# Keyboard: typed command, then arrows and Enter in the menu.
sleep 2
lab_bios_keys e c h o spc shift-k shift-b shift-d ret
lab_wait_for '^KBD$' 30
lab_bios_keys e x i t ret
sleep 3
lab_bios_keys up up ret
for i in $(seq 30); do [ "$(count "$SHELL_LINE")" -ge 3 ] && break; sleep 1; done
[ "$(count "$SHELL_LINE")" -ge 3 ] || lab_fail "keyboard arrows and Enter did not choose the shell"
lab_expect_not 'Exception'
echo PASS
