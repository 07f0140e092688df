# Boot media made from the EFI builds (included by the Makefile):
# bin/bootnet.usb (tools/mkusb). See tools/README.md.

USB_IMAGE := $(BIN)/bootnet.usb

$(USB_IMAGE): $(BIN)/bootnet-x86_64.efi $(BIN)/bootnet-i386.efi tools/mkusb
	$(call say,USB $@)
	$(Q)tools/mkusb --x64 $(BIN)/bootnet-x86_64.efi --ia32 $(BIN)/bootnet-i386.efi -o $@

media: $(USB_IMAGE)
all: media
