# CHAP logins against Debian's tgt: one target asks bootnet for CHAP, a
# second also answers bootnet's challenge (mutual CHAP). The right
# secrets attach each disk; a wrong password, a wrong reverse password and
# missing credentials are each refused with their own message, and the
# script carries on; a refusal the script does not handle leaves bootnet
# at its prompt.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_iscsi.sh"
lab_require_root

lab_start --dhcp-boot=chap.ipxe
lab_start_tgtd
truncate -s 2M "$LAB_DIR/one.img" "$LAB_DIR/mutual.img"
lab_tgt_target 1 "$LAB_ISCSI_IQN-oneway" "$LAB_DIR/one.img"
lab_tgt_chap 1 alice secretsecret12
lab_tgt_target 2 "$LAB_ISCSI_IQN-mutual" "$LAB_DIR/mutual.img"
lab_tgt_chap 2 bob bobsecret1234 target2 targetsecret2

one="iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-oneway"
mutual="iscsi:$LAB_SERVER_IP:::1:$LAB_ISCSI_IQN-mutual"
cat > "$LAB_DIR/tftp/chap.ipxe" <<SCRIPT
#!ipxe
echo CHAP-START
sanhook $one || echo NO-CREDENTIALS-REFUSED
set username alice
set password wrongsecret12
sanhook $one || echo WRONG-PASSWORD-REFUSED
set password secretsecret12
sanhook $one && echo ONE-WAY-OK
sanunhook
set username bob
set password bobsecret1234
set reverse-username target2
set reverse-password targetsecret2
sanhook $mutual && echo MUTUAL-OK
sanunhook
set reverse-password notthesecret
sanhook $mutual || echo MUTUAL-WRONG-REFUSED
echo CHAP-END
set password wrongagain12
sanhook $one
echo NOT-REACHED
SCRIPT

lab_boot_efi_disk x86_64 "$LAB_TOP/bin/bootnet-x86_64.efi"
lab_wait_for '^CHAP-START' 240
lab_wait_for 'login refused: the target wants authentication: set \$\{username\} and \$\{password\}' 60
lab_wait_for '^NO-CREDENTIALS-REFUSED' 30
lab_wait_for 'login refused: authentication failed: check \$\{username\} and \$\{password\}' 60
lab_wait_for '^WRONG-PASSWORD-REFUSED' 30
lab_wait_for 'Registered SAN device 0x80: .*-oneway \(4096 blocks' 60
lab_wait_for '^ONE-WAY-OK' 30
lab_wait_for 'Registered SAN device 0x80: .*-mutual \(4096 blocks' 60
lab_wait_for '^MUTUAL-OK' 30
lab_wait_for "mutual CHAP: the target's response is wrong \(check \\$\{reverse-password\}\)" 60
lab_wait_for '^MUTUAL-WRONG-REFUSED' 30
lab_wait_for '^CHAP-END' 30
# Unguarded, the refusal ends the script and leaves bootnet at its prompt.
lab_wait_for 'chap.ipxe line 20: "sanhook" failed; the script stops here' 60
lab_wait_for 'bootnet> ' 30
lab_expect_not 'NOT-REACHED'
lab_expect_not 'Exception'
echo PASS
