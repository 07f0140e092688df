# The BIOS builds that share bootnet.kpxe's core (included by the Makefile
# after its BIOS section; see bios/README.md):
#  bin/bootnet.pxe  the prefix assembled with BOOT_KIND=1: an NBP that
#                   unloads the PXE ROM's stack and uses native drivers.
#  build/bios/media.img  the prefix with BOOT_KIND=2 and the core: what
#                   the USB MBR, the CD boot image and the option ROM load
#                   at 0000:7C00 and start.

$(BIOS_OBJ)/prefix-pxe.o: bios/prefix.S
	@mkdir -p $(@D)
	$(call say,AS bios $< (pxe))
	$(Q)$(CC) -m32 -DBOOT_KIND=1 -c $< -o $@
$(BIOS_OBJ)/prefix-media.o: bios/prefix.S
	@mkdir -p $(@D)
	$(call say,AS bios $< (media))
	$(Q)$(CC) -m32 -DBOOT_KIND=2 -c $< -o $@
$(BIOS_OBJ)/prefix-%.bin: $(BIOS_OBJ)/prefix-%.o bios/prefix.lds
	$(Q)$(LD) -m elf_i386 --no-warn-rwx-segments -T bios/prefix.lds -o $(BIOS_OBJ)/prefix-$*.elf $<
	$(Q)$(OBJCOPY) -O binary -j .text16 $(BIOS_OBJ)/prefix-$*.elf $@
$(BIOS_OBJ)/core-image.bin: $(BIOS_OBJ)/core.elf
	$(Q)$(OBJCOPY) -O binary $< $@

$(BIN)/bootnet.pxe: $(BIOS_OBJ)/prefix-pxe.bin $(BIOS_OBJ)/core-image.bin
	$(call say,PXE $@)
	$(Q)cat $^ > $@
$(BIOS_OBJ)/media.img: $(BIOS_OBJ)/prefix-media.bin $(BIOS_OBJ)/core-image.bin
	$(Q)cat $^ > $@

bios: $(BIN)/bootnet.pxe

# bin/bootnet.rom: a legacy PCI option ROM (bios/prefix_rom.S, tools/mkrom)
# for ROM_VENDOR:ROM_DEVICE (tools/media.mk; default 8086:100e): its small
# initialization part, then media.img packed by tools/lzpack.
$(BIOS_OBJ)/prefix_rom.bin: bios/prefix_rom.S bios/prefix_rom.lds
	@mkdir -p $(@D)
	$(call say,AS bios $<)
	$(Q)$(CC) -m32 -c $< -o $(BIOS_OBJ)/prefix_rom.o
	$(Q)$(LD) -m elf_i386 --no-warn-rwx-segments -T bios/prefix_rom.lds -o $(BIOS_OBJ)/prefix_rom.elf $(BIOS_OBJ)/prefix_rom.o
	$(Q)$(OBJCOPY) -O binary -j .text16 $(BIOS_OBJ)/prefix_rom.elf $@
$(BIOS_OBJ)/media.bnz: $(BIOS_OBJ)/media.img tools/lzpack
	$(call say,LZPACK $@)
	$(Q)tools/lzpack $< $@
$(BIN)/bootnet.rom: $(BIOS_OBJ)/prefix_rom.bin $(BIOS_OBJ)/media.bnz tools/mkrom $(EFIROM_OBJ)/rom_ids.h
	$(call say,ROM $@ $(ROM_VENDOR):$(ROM_DEVICE))
	$(Q)tools/mkrom --vendor $(ROM_VENDOR) --device $(ROM_DEVICE) \
		--payload $(BIOS_OBJ)/media.bnz $(BIOS_OBJ)/prefix_rom.bin $@

bios: $(BIN)/bootnet.rom
