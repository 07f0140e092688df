# test_efi_https.sh with bootnet-i386.efi under 32-bit OVMF: HTTPS and its
# refusals in the 32-bit build too.
HTTPS_ARCH=i386
. "$(dirname "$0")/test_efi_https.sh"
