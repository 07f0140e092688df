# EFI programs that return: a tiny EFI program built here with gnu-efi
# prints its load options and reads a downloaded file through the file
# system bootnet gives it, then returns; the script carries on, the
# network works again, and chaining an EFI program for the other
# architecture fails with a clear message instead of an error number.
# CHAIN_ARCH=i386: the same with bootnet-i386.efi and an ia32 program under
# 32-bit OVMF.
. "$(dirname "$0")/lab.sh"

arch=${CHAIN_ARCH:-x86_64}
if [ "$arch" = i386 ]; then
	efi_lib=/usr/lib32 efi_arch=ia32 cflags="-m32 -march=i686" ld_emu=elf_i386 other=x86_64
else
	efi_lib=/usr/lib efi_arch=x86_64 cflags="-m64 -mno-red-zone -DGNU_EFI_USE_MS_ABI"
	ld_emu=elf_x86_64 other=i386
fi
[ -f $efi_lib/crt0-efi-$efi_arch.o ] || lab_skip "gnu-efi for $efi_arch is not installed"

# probe.efi: prints "PROBE options=[...]", then the size (GetInfo) and
# first line of the file named by its second word, read from its own
# device's file system, as Linux's stub reads initrd=NAME; returns
# EFI_SUCCESS, or the status of what failed.
build_probe() {
	cat > "$LAB_DIR/probe.c" <<'C'
#include <efi.h>
static EFI_SYSTEM_TABLE *st;
static void say(CHAR16 *s) { st->ConOut->OutputString(st->ConOut, s); }
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	EFI_GUID li_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	EFI_GUID fs_guid = SIMPLE_FILE_SYSTEM_PROTOCOL;
	EFI_GUID info_guid = EFI_FILE_INFO_ID;
	UINT64 info[64];
	UINTN info_size = sizeof(info), size, k;
	EFI_LOADED_IMAGE *li;
	EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *fs;
	EFI_FILE_PROTOCOL *root, *file;
	CHAR16 *opts, *name, text[128];
	char buf[100];
	UINTN n = sizeof(buf), i;
	EFI_STATUS s;

	st = systab;
	s = st->BootServices->HandleProtocol(image, &li_guid, (void **)&li);
	if (s) return s;
	opts = li->LoadOptions;
	say(L"PROBE options=["); say(opts ? opts : L""); say(L"]\r\n");
	for (name = opts; name && *name && *name != L' '; name++);
	if (!name || !*name) return EFI_INVALID_PARAMETER;
	name++;
	s = st->BootServices->HandleProtocol(li->DeviceHandle, &fs_guid, (void **)&fs);
	if (s) return s;
	if ((s = fs->OpenVolume(fs, &root))) return s;
	if ((s = root->Open(root, &file, name, EFI_FILE_MODE_READ, 0))) return s;
	if ((s = file->GetInfo(file, &info_guid, &info_size, info))) return s;
	size = ((EFI_FILE_INFO *)info)->FileSize;
	for (k = 20, text[k] = 0; k == 20 || size; size /= 10) text[--k] = L'0' + size % 10;
	say(L"PROBE size="); say(text + k); say(L"\r\n");
	if ((s = file->Read(file, &n, buf))) return s;
	for (i = 0; i < n && buf[i] != '\n'; i++) text[i] = buf[i];
	text[i] = 0;
	say(L"PROBE read ["); say(text); say(L"]\r\n");
	file->Close(file);
	root->Close(root);
	return EFI_SUCCESS;
}
C
	gcc $cflags -I/usr/include/efi -I/usr/include/efi/$efi_arch -fpic -fshort-wchar \
		-ffreestanding -fno-stack-protector -Wall -Werror \
		-c "$LAB_DIR/probe.c" -o "$LAB_DIR/probe.o" &&
	ld -m $ld_emu -nostdlib -znocombreloc -shared -Bsymbolic \
		-T $efi_lib/elf_${efi_arch}_efi.lds $efi_lib/crt0-efi-$efi_arch.o "$LAB_DIR/probe.o" \
		$efi_lib/libgnuefi.a -o "$LAB_DIR/probe.so" &&
	objcopy -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
		-j '.rel.*' -j '.rela.*' -j .reloc --target efi-app-$efi_arch --subsystem=10 \
		"$LAB_DIR/probe.so" "$LAB_DIR/www/probe.efi"
}
build_probe || lab_fail "cannot build the probe EFI program"

lab_start $(lab_dhcp_chainload boot/chain.ipxe)
cp "$LAB_TOP/bin/bootnet-$arch.efi" "$LAB_DIR/tftp/bootnet.efi"
cp "$LAB_TOP/bin/bootnet-$other.efi" "$LAB_DIR/www/bootnet-$other.efi"
mkdir -p "$LAB_DIR/tftp/boot"
echo "hello from the network $$" > "$LAB_DIR/www/hello.txt"
echo "after" > "$LAB_DIR/www/after.txt"
cat > "$LAB_DIR/tftp/boot/chain.ipxe" <<SCRIPT
#!ipxe
imgfetch http://$LAB_SERVER_IP/hello.txt
chain http://$LAB_SERVER_IP/probe.efi hello.txt
echo AFTER-PROBE
imgfetch http://$LAB_SERVER_IP/after.txt
echo NETWORK-BACK
chain http://$LAB_SERVER_IP/bootnet-$other.efi
echo NOT-REACHED
SCRIPT

if [ "$arch" = i386 ]; then
	lab_pxe_efi i386
else
	lab_pxe_efi x86_64
fi
lab_wait_for "bootnet .* \\($arch, efi\\)" 240
lab_wait_for '^PROBE options=\[probe\.efi hello\.txt\]' 120
lab_wait_for "^PROBE read \[hello from the network $$\]" 30
lab_expect "^PROBE size=$(stat -c %s "$LAB_DIR/www/hello.txt")\$"
lab_wait_for '^AFTER-PROBE' 30
lab_wait_for '^NETWORK-BACK' 60
lab_wait_for "bootnet-$other\\.efi is an EFI program for $other, but this firmware runs $arch" 60
lab_expect_not 'NOT-REACHED'
lab_expect_not 'Exception'
echo PASS
