# A flaky network, as imaging labs have: with 5% of packets lost both ways,
# downloads over HTTP and TFTP (windowsize 16, atftpd) still arrive bit-exact; a server that resets
# the connection halfway through a file is asked for the rest with a Range
# request; "##params" posts a form; `--timeout` gives up on a hung server.
. "$(dirname "$0")/lab.sh"
lab_start $(lab_dhcp_chainload boot/first.ipxe)
cp "$LAB_TOP/bin/bootnet-x86_64.efi" "$LAB_DIR/tftp/bootnet.efi"
mkdir -p "$LAB_DIR/tftp/boot"
head -c 3000000 /dev/urandom > "$LAB_DIR/www/lossy.bin"
lab_start_atftpd 6969
cp "$LAB_DIR/www/lossy.bin" "$LAB_DIR/atftp/lossy.bin"
head -c 1500000 /dev/urandom > "$LAB_DIR/www/broken.bin"
want_lossy=$(sha256sum "$LAB_DIR/www/lossy.bin" | cut -d' ' -f1)
want_broken=$(sha256sum "$LAB_DIR/www/broken.bin" | cut -d' ' -f1)
lab_ns python3 "$LAB_TOP/tests/e2e/broken_http.py" "$LAB_SERVER_IP" 8080 "$LAB_DIR/www" \
	2> "$LAB_DIR/broken_http.log" &
LAB_PIDS+=($!)
cat > "$LAB_DIR/tftp/boot/first.ipxe" <<SCRIPT
#!ipxe
echo LOSSY-START
sleep 3
imgfetch http://$LAB_SERVER_IP/lossy.bin
sha256sum lossy.bin
imgfetch tftp://$LAB_SERVER_IP:6969/lossy.bin
sha256sum lossy.bin
echo LOSSY-END
imgfetch http://$LAB_SERVER_IP:8080/broken.bin
sha256sum broken.bin
params
param mac \${net0/mac}
param name "mini 1&2"
param --header X-Test yes
chain http://$LAB_SERVER_IP:8080/form.php##params
imgfetch --timeout 3000 http://$LAB_SERVER_IP:8080/stall || echo TIMEOUT-HANDLED
echo ALL-DONE
SCRIPT
printf '#!ipxe\necho second\n' > "$LAB_DIR/www/second.ipxe"

lab_pxe_efi x86_64
lab_wait_for 'bootnet .* \(x86_64, efi\)' 180
lab_wait_for '^LOSSY-START' 90
lab_lossy 5
start=$(date +%s)
lab_wait_for '^LOSSY-END' 300
echo "with 5% loss: HTTP and TFTP of 3 MB each took $(( $(date +%s) - start )) s"
[ "$(lab_serial_text | grep -c "^$want_lossy  lossy.bin\$")" = 2 ] ||
	lab_fail "lossy.bin did not arrive intact over both HTTP and TFTP"
lab_ns nft delete table inet lab_loss
lab_wait_for '^ALL-DONE' 120
lab_expect "closed the connection after [0-9]+ bytes \\(reset\\); resuming from there"
lab_expect "^$want_broken  broken.bin\$"
# ##params: a POST of the form, with the header.
lab_expect '^FORM mac=52%3A54%3A00%3A77%3A00%3A01&name=mini%201%262 yes$'
grep -q '"POST /form.php HTTP/1.1" 200' "$LAB_DIR/broken_http.log" || lab_fail "no POST reached the server"
# --timeout: a hung server is given up on when the time runs out.
lab_expect 'had sent 1000 bytes when time ran out \(the --timeout of 3000 ms ran out\)'
lab_expect '^TIMEOUT-HANDLED$'
grep -q '"GET /broken.bin HTTP/1.1" 206' "$LAB_DIR/broken_http.log" ||
	lab_fail "no Range request reached the server"
lab_expect_not 'Exception'
echo PASS
