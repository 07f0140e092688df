# test_efi_linux_legacy.sh under 32-bit OVMF: a kernel without an EFI
# stub or handover entry, entered at its 32-bit entry by bootnet-i386.efi.
LEGACY_ARCH=i386
. "$(dirname "$0")/test_efi_linux_legacy.sh"
