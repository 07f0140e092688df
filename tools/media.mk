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

# The UEFI option ROM: the x86_64 build's objects linked again with the
# driver's entry point (efi/efi_driver_entry.c) in place of the
# application's, as a boot-service driver (PE subsystem 11), then wrapped
# for the NIC ROM_VENDOR:ROM_DEVICE (default 8086:100e, QEMU's e1000;
# `make ROM_VENDOR=1af4 ROM_DEVICE=1000` for another NIC).
ROM_VENDOR ?= 8086
ROM_DEVICE ?= 100e
EFIROM_IMAGE := $(BIN)/bootnet.efirom
EFIROM_OBJ := $(BUILD)/efirom
EFIROM_DRIVER := $(EFIROM_OBJ)/bootnet-driver-x86_64.efi
EFIROM_OBJS := $(filter-out $(x86_64_OBJ)/efi/efi_entry.o,$(x86_64_OWN_OBJS)) \
	$(EFIROM_OBJ)/efi_driver_entry.o

# The IDs as a header, rewritten only when they change.
$(EFIROM_OBJ)/rom_ids.h: FORCE
	@mkdir -p $(@D)
	@printf '#define ROM_VENDOR 0x%s\n#define ROM_DEVICE 0x%s\n' $(ROM_VENDOR) $(ROM_DEVICE) > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(EFIROM_OBJ)/efi_driver_entry.o: efi/efi_driver_entry.c $(EFIROM_OBJ)/rom_ids.h
	$(call say,CC x86_64 $<)
	$(Q)$(CC) $(x86_64_CFLAGS) -I$(EFIROM_OBJ) $(WARN) -MMD -MP -c $< -o $@

$(EFIROM_OBJ)/bootnet.so: $(EFIROM_OBJS) $(x86_64_OBJ)/liblwip.a $(x86_64_OBJ)/libmbedtls.a
	$(call say,LD x86_64 $@)
	$(Q)$(LD) -m $(LDEMU_x86_64) -nostdlib -znocombreloc -shared -Bsymbolic --no-undefined \
		-T $(EFILIB_x86_64)/elf_x86_64_efi.lds -Map=$(EFIROM_OBJ)/bootnet-driver.map -o $@ \
		$(EFILIB_x86_64)/crt0-efi-x86_64.o $(EFIROM_OBJS) \
		$(x86_64_OBJ)/liblwip.a $(x86_64_OBJ)/libmbedtls.a \
		$(EFILIB_x86_64)/libgnuefi.a $(shell $(CC) $(CFLAGS_x86_64) -print-libgcc-file-name)
	$(Q)tools/check-efi-sections $@

$(EFIROM_DRIVER): $(EFIROM_OBJ)/bootnet.so
	$(call say,EFI $@ (driver))
	$(Q)$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
		-j '.rel.*' -j '.rela.*' -j .reloc --target $(EFITARGET_x86_64) --subsystem=11 $< $@

$(EFIROM_IMAGE): $(EFIROM_DRIVER) tools/mkefirom
	$(call say,EFIROM $@ $(ROM_VENDOR):$(ROM_DEVICE))
	$(Q)tools/mkefirom --vendor $(ROM_VENDOR) --device $(ROM_DEVICE) $(EFIROM_DRIVER) -o $@

-include $(EFIROM_OBJ)/efi_driver_entry.d

media: $(USB_IMAGE) $(ISO_IMAGE) $(EFIROM_IMAGE)
all: media
