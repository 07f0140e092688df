# DNS on EFI: lab_dns.sh's lab_dns_test (names, CNAME, search list,
# NXDOMAIN, a silent server) with bootnet-x86_64.efi PXE-booted by OVMF.
. "$(dirname "$0")/lab.sh"
. "$(dirname "$0")/lab_dns.sh"
lab_dns_test efi
echo PASS
