# test_efi_chain_returns.sh with bootnet-i386.efi and an ia32 EFI program
# under 32-bit OVMF.
CHAIN_ARCH=i386
. "$(dirname "$0")/test_efi_chain_returns.sh"
