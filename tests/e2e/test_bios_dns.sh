# DNS on BIOS: lab_dns.sh's lab_dns_test, test_efi_dns.sh's checks with
# bootnet.kpxe under SeaBIOS (QEMU's virtio-net PXE ROM, lwIP over UNDI),
# and on top the platform's name and the fetched file's SHA-256.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_bios.sh"
. "$(dirname "$0")/lab_dns.sh"
lab_dns_test bios
echo PASS
