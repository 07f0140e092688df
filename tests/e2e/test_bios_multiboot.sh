# Multiboot on BIOS: bootnet.kpxe's script loads a tiny multiboot kernel
# (multiboot_kernel.S, built here: ELF at 1 MiB) with a command line holding
# ${net0/mac} and one module, a text file with a random token; the kernel
# prints on COM1 the magic it got in EAX, the command line, the module
# count, the module's text and the loader's name from the information
# structure bootnet built.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_bios_boot.sh"

bios_lab_start boot/mb.ipxe
gcc -m32 -nostdlib -static -no-pie -Wl,-N -Wl,-Ttext=0x100000 -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments -o "$LAB_DIR/www/mbkernel.elf" \
	"$LAB_TOP/tests/e2e/multiboot_kernel.S" || lab_fail "cannot build the test kernel"
token=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "module-text-$token" > "$LAB_DIR/www/module.txt"
printf '#!ipxe\nchain http://%s/mb.ipxe\n' $LAB_SERVER_IP > "$LAB_DIR/tftp/boot/mb.ipxe"
cat > "$LAB_DIR/www/mb.ipxe" <<'SCRIPT'
#!ipxe
echo MB-SCRIPT
kernel mbkernel.elf mac=${net0/mac} two words
module module.txt arg=1
boot
echo BOOT-RETURNED
SCRIPT

lab_qemu_bios
lab_wait_for 'bootnet .* \(i386, pcbios\)' 180
lab_wait_for '^MB-SCRIPT' 240
lab_wait_for '^Booting mbkernel.elf: multiboot kernel, entry 0x10000c, 1 module' 120
lab_wait_for '^MB-DONE' 120
lab_expect '^MB-MAGIC-OK'
lab_expect '^MB-CMDLINE: mbkernel.elf mac=52:54:00:77:00:01 two words$'
lab_expect '^MB-MODULES: 1$'
lab_expect "^MB-MODULE0: module-text-$token\$"
lab_expect '^MB-LOADER: bootnet$'
lab_expect_not 'BOOT-RETURNED'
echo "PASS: multiboot kernel started by bootnet.kpxe: magic, command line, module ($token) and loader name as expected"
