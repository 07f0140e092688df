# Boot media made from the EFI builds (included by the Makefile):
# bin/bootnet.usb (tools/mkusb), bin/bootnet.iso (tools/mkiso),
# bin/bootnet.efirom (tools/mkefirom around the driver build). See
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

# The UEFI option ROM: bootnet built again as a boot-service driver
# (EFI_DRIVER=1, efi/efi_driver.c) in a build directory of its own, by a
# make of its own (always run: it knows when its objects are stale), then
# wrapped for the NIC ROM_VENDOR:ROM_DEVICE (`make ROM_VENDOR=1af4
# ROM_DEVICE=1000` for another NIC; default 8086:100e, QEMU's e1000).
EFIROM_IMAGE := $(BIN)/bootnet.efirom
EFIROM_BUILD := $(BUILD)/efirom
EFIROM_DRIVER := $(EFIROM_BUILD)/bin/bootnet-x86_64.efi
ifneq ($(EFI_DRIVER),1)
$(EFIROM_DRIVER): FORCE
	$(Q)$(MAKE) --no-print-directory EFI_DRIVER=1 BIN=$(EFIROM_BUILD)/bin \
		BUILD=$(EFIROM_BUILD) $@

$(EFIROM_IMAGE): $(EFIROM_DRIVER) tools/mkefirom
	$(call say,EFIROM $@ $(ROM_VENDOR):$(ROM_DEVICE))
	$(Q)tools/mkefirom --vendor $(ROM_VENDOR) --device $(ROM_DEVICE) $(EFIROM_DRIVER) -o $@
endif

media: $(USB_IMAGE) $(ISO_IMAGE) $(EFIROM_IMAGE)
all: media
