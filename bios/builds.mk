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
	$(Q)$(LD) -m elf_i386 -T bios/prefix.lds -o $(BIOS_OBJ)/prefix-$*.elf $<
	$(Q)$(OBJCOPY) -O binary -j .text16 $(BIOS_OBJ)/prefix-$*.elf $@
$(BIOS_OBJ)/core-image.bin: $(BIOS_OBJ)/core.elf
	$(Q)$(OBJCOPY) -O binary $< $@

$(BIN)/bootnet.pxe: $(BIOS_OBJ)/prefix-pxe.bin $(BIOS_OBJ)/core-image.bin
	$(call say,PXE $@)
	$(Q)cat $^ > $@
$(BIOS_OBJ)/media.img: $(BIOS_OBJ)/prefix-media.bin $(BIOS_OBJ)/core-image.bin
	$(Q)cat $^ > $@

bios: $(BIN)/bootnet.pxe
