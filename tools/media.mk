# Boot media made from the EFI builds (included by the Makefile):
# bin/bootnet.usb (tools/mkusb), bin/bootnet.iso (tools/mkiso),
# bin/bootnet.efirom (tools/mkefirom around the driver build, compressed by
# tools/eficompress.c). See tools/README.md.

USB_IMAGE := $(BIN)/bootnet.usb
ISO_IMAGE := $(BIN)/bootnet.iso
EFI_BUILDS := $(BIN)/bootnet-x86_64.efi $(BIN)/bootnet-i386.efi

# The MBR's boot code (bios/usb_mbr.S), which loads bin/bootnet.kpxe from
# the image's BIOS boot partition: 440 bytes of 16-bit code linked at 0x600.
USB_MBR := $(BUILD)/usb_mbr.bin
$(USB_MBR): bios/usb_mbr.S
	@mkdir -p $(@D)
	$(call say,MBR $@)
	$(Q)$(CC) -m32 -c $< -o $(BUILD)/usb_mbr.o
	$(Q)$(LD) -m elf_i386 -Ttext 0x600 -e _start --oformat binary -o $@ $(BUILD)/usb_mbr.o
	$(Q)[ "$$(stat -c %s $@)" = 440 ] || { echo "$@ is not 440 bytes"; rm -f $@; exit 1; }

$(USB_IMAGE): $(EFI_BUILDS) $(BIN)/bootnet.kpxe $(USB_MBR) tools/mkusb
	$(call say,USB $@)
	$(Q)tools/mkusb --x64 $(BIN)/bootnet-x86_64.efi --ia32 $(BIN)/bootnet-i386.efi \
		--bios-mbr $(USB_MBR) --bios-image $(BIN)/bootnet.kpxe -o $@

# The CD loader (bios/cd_loader.S), which the BIOS loads from the ISO's
# BIOS boot file and which reads bin/bootnet.kpxe from the rest of it: one
# 2048-byte CD sector of 16-bit code linked at 0x600.
CD_LOADER := $(BUILD)/cd_loader.bin
$(CD_LOADER): bios/cd_loader.S bios/prefix_putc.S
	@mkdir -p $(@D)
	$(call say,CDLOADER $@)
	$(Q)$(CC) -m32 -c $< -o $(BUILD)/cd_loader.o
	$(Q)$(LD) -m elf_i386 -Ttext 0x600 -e _start --oformat binary -o $@ $(BUILD)/cd_loader.o
	$(Q)[ "$$(stat -c %s $@)" = 2048 ] || { echo "$@ is not 2048 bytes"; rm -f $@; exit 1; }

# BIOS and UEFI El Torito: the BIOS entry's boot file is the CD loader
# followed by bin/bootnet.kpxe.
$(ISO_IMAGE): $(EFI_BUILDS) $(BIN)/bootnet.kpxe $(CD_LOADER) tools/mkiso
	$(call say,ISO $@)
	$(Q)tools/mkiso --x64 $(BIN)/bootnet-x86_64.efi --ia32 $(BIN)/bootnet-i386.efi \
		--bios $(BIN)/bootnet.kpxe --bios-loader $(CD_LOADER) -o $@

# The UEFI option ROM: each EFI build's objects linked again with the
# driver's entry point (efi/efi_driver_entry.c) in place of the
# application's, as a boot-service driver (PE subsystem 11); both drivers
# (x86_64 first, then i386 for 32-bit EFI; EFIROM_ARCHS below) go into one
# ROM, each compressed, where the firmware starts the one of its own
# machine type. Made for the NIC
# ROM_VENDOR:ROM_DEVICE (default 8086:100e, QEMU's e1000; `make
# ROM_VENDOR=1af4 ROM_DEVICE=1000` for another NIC).
ROM_VENDOR ?= 8086
ROM_DEVICE ?= 100e
EFIROM_IMAGE := $(BIN)/bootnet.efirom
EFIROM_OBJ := $(BUILD)/efirom

# The IDs as a header, rewritten only when they change.
$(EFIROM_OBJ)/rom_ids.h: FORCE
	@mkdir -p $(@D)
	@printf '#define ROM_VENDOR 0x%s\n#define ROM_DEVICE 0x%s\n' $(ROM_VENDOR) $(ROM_DEVICE) > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# efirom_driver ARCH: $(EFIROM_OBJ)/bootnet-driver-ARCH.efi
define efirom_driver
EFIROM_OBJS_$(1) := $$(filter-out $$($(1)_OBJ)/efi/efi_entry.o,$$($(1)_OWN_OBJS)) \
	$(EFIROM_OBJ)/$(1)/efi_driver_entry.o

$(EFIROM_OBJ)/$(1)/efi_driver_entry.o: efi/efi_driver_entry.c $(EFIROM_OBJ)/rom_ids.h
	@mkdir -p $$(@D)
	$$(call say,CC $(1) $$<)
	$$(Q)$$(CC) $$($(1)_CFLAGS) -I$(EFIROM_OBJ) $$(WARN) -MMD -MP -c $$< -o $$@

$(EFIROM_OBJ)/$(1)/bootnet.so: $$(EFIROM_OBJS_$(1)) $$($(1)_OBJ)/liblwip.a $$($(1)_OBJ)/libmbedtls.a
	$$(call say,LD $(1) $$@)
	$$(Q)$$(LD) -m $$(LDEMU_$(1)) -nostdlib -znocombreloc -shared -Bsymbolic --no-undefined \
		-T $$(EFILIB_$(1))/elf_$$(EFIARCH_$(1))_efi.lds -Map=$(EFIROM_OBJ)/bootnet-driver-$(1).map \
		-o $$@ $$(EFILIB_$(1))/crt0-efi-$$(EFIARCH_$(1)).o $$(EFIROM_OBJS_$(1)) \
		$$($(1)_OBJ)/liblwip.a $$($(1)_OBJ)/libmbedtls.a \
		$$(EFILIB_$(1))/libgnuefi.a $$(shell $$(CC) $$(CFLAGS_$(1)) -print-libgcc-file-name)
	$$(Q)tools/check-efi-sections $$@

$(EFIROM_OBJ)/bootnet-driver-$(1).efi: $(EFIROM_OBJ)/$(1)/bootnet.so
	$$(call say,EFI $$@ (driver))
	$$(Q)$$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
		-j '.rel.*' -j '.rela.*' -j .reloc --target $$(EFITARGET_$(1)) --subsystem=11 $$< $$@

-include $(EFIROM_OBJ)/$(1)/efi_driver_entry.d
endef
$(eval $(call efirom_driver,x86_64))
$(eval $(call efirom_driver,i386))

# The drivers the ROM holds, in this order: `make EFIROM_ARCHS=x86_64` for
# a ROM of the x86_64 driver alone (half the size, for smaller flash parts;
# 32-bit UEFI then finds no image of its machine type).
EFIROM_ARCHS ?= x86_64 i386
ifneq ($(filter-out x86_64 i386,$(EFIROM_ARCHS))$(if $(strip $(EFIROM_ARCHS)),,none),)
$(error EFIROM_ARCHS takes x86_64 and/or i386, not "$(EFIROM_ARCHS)")
endif
EFIROM_DRIVERS := $(foreach a,$(EFIROM_ARCHS),$(EFIROM_OBJ)/bootnet-driver-$(a).efi)
# The list as a file, rewritten only when it changes: the ROM is made
# again when it does.
$(EFIROM_OBJ)/rom_archs: FORCE
	@mkdir -p $(@D)
	@echo '$(strip $(EFIROM_ARCHS))' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# Each driver goes in compressed (compression type 1, the UEFI compression
# algorithm; the firmware expands it): tools/eficompress.c, a host tool.
EFICOMPRESS := $(BUILD)/host/eficompress
$(EFICOMPRESS): tools/eficompress.c
	@mkdir -p $(@D)
	$(call say,HOSTCC $@)
	$(Q)gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o $@ $<

$(EFIROM_IMAGE): $(EFIROM_DRIVERS) $(EFIROM_OBJ)/rom_archs tools/mkefirom $(EFICOMPRESS)
	@mkdir -p $(@D)
	$(call say,EFIROM $@ $(ROM_VENDOR):$(ROM_DEVICE))
	$(Q)tools/mkefirom --compress --eficompress $(EFICOMPRESS) \
		--vendor $(ROM_VENDOR) --device $(ROM_DEVICE) $(EFIROM_DRIVERS) -o $@

media: $(USB_IMAGE) $(ISO_IMAGE) $(EFIROM_IMAGE)
all: media
