# test_efi_sanhook.sh with bootnet-i386.efi under 32-bit OVMF.
SAN_ARCH=i386
. "$(dirname "$0")/test_efi_sanhook.sh"
