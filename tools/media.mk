# Boot media made from the EFI builds (included by the Makefile):
# bin/bootnet.usb (tools/mkusb), bin/bootnet.iso (tools/mkiso). See
# tools/README.md.

USB_IMAGE := $(BIN)/bootnet.usb
ISO_IMAGE := $(BIN)/bootnet.iso
EFI_BUILDS := $(BIN)/bootnet-x86_64.efi $(BIN)/bootnet-i386.efi

$(USB_IMAGE): $(EFI_BUILDS) tools/mkusb
	$(call say,USB $@)
	$(Q)tools/mkusb --x64 $(BIN)/bootnet-x86_64.efi --ia32 $(BIN)/bootnet-i386.efi -o $@

$(ISO_IMAGE): $(EFI_BUILDS) tools/mkiso
	$(call say,ISO $@)
	$(Q)tools/mkiso --x64 $(BIN)/bootnet-x86_64.efi --ia32 $(BIN)/bootnet-i386.efi -o $@

media: $(USB_IMAGE) $(ISO_IMAGE)
all: media
