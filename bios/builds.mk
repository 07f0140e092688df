# The BIOS images made from the core (included by the Makefile after its
# BIOS section; see bios/README.md). Each is a 16-bit prefix (bios/prefix.S,
# assembled for one BOOT_KIND) followed by the core packed by
# tools/pack-core, which the prefix unpacks above 1 MiB:
#  bin/bootnet.kpxe  kind 0: a PXE NBP that keeps the ROM's stack (UNDI).
#  bin/bootnet.pxe   kind 1: an NBP that unloads the PXE ROM's stack and
#                    uses native drivers.
#  build/bios/media.img  kind 2: what the USB MBR, the CD boot image and
#                    the option ROM load at 0000:7C00 and start.

# The core's unpacker (bios/unpack/): 32-bit C linked into every prefix.
# It runs from wherever the prefix has moved itself, so it may hold no
# data and no absolute addresses; tools/check-unpack-code refuses any.
UNPACK_CFLAGS := -std=gnu11 -Os -m32 -march=i686 -ffreestanding -fno-pic -fno-jump-tables \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin \
	-fno-tree-loop-distribute-patterns -mgeneral-regs-only -nostdinc -isystem $(GCC_INCLUDE)
$(BIOS_OBJ)/unpack/%.o: bios/unpack/%.c
	@mkdir -p $(@D)
	$(call say,CC bios $< (unpacker))
	$(Q)$(CC) $(UNPACK_CFLAGS) $(WARN) -MMD -MP -c $< -o $@
$(BIOS_OBJ)/unpack.o: $(BIOS_OBJ)/unpack/lzma_decode.o $(BIOS_OBJ)/unpack/unpack_core.o tools/check-unpack-code
	$(Q)$(LD) -m elf_i386 -r -o $@ $(filter %.o,$^)
	$(Q)tools/check-unpack-code $@

PREFIX_KIND_kpxe  := 0
PREFIX_KIND_pxe   := 1
PREFIX_KIND_media := 2
$(BIOS_OBJ)/prefix-%.o: bios/prefix.S bios/prefix_putc.S
	@mkdir -p $(@D)
	$(call say,AS bios $< ($*))
	$(Q)$(CC) -m32 -DBOOT_KIND=$(PREFIX_KIND_$*) -c $< -o $@
$(BIOS_OBJ)/prefix-%.bin: $(BIOS_OBJ)/prefix-%.o $(BIOS_OBJ)/unpack.o bios/prefix.lds
	$(Q)$(LD) -m elf_i386 --no-warn-rwx-segments -T bios/prefix.lds -o $(BIOS_OBJ)/prefix-$*.elf \
		$< $(BIOS_OBJ)/unpack.o
	$(Q)$(OBJCOPY) -O binary -j .text16 $(BIOS_OBJ)/prefix-$*.elf $@

$(BIOS_OBJ)/core-image.bin: $(BIOS_OBJ)/core.elf
	$(Q)$(OBJCOPY) -O binary $< $@
$(BIOS_OBJ)/core.bnp: $(BIOS_OBJ)/core-image.bin tools/pack-core
	$(call say,PACK $@)
	$(Q)tools/pack-core $< $@

$(BIN)/bootnet.kpxe: $(BIOS_OBJ)/prefix-kpxe.bin $(BIOS_OBJ)/core.bnp
	$(call say,KPXE $@)
	$(Q)cat $^ > $@
$(BIN)/bootnet.pxe: $(BIOS_OBJ)/prefix-pxe.bin $(BIOS_OBJ)/core.bnp
	$(call say,PXE $@)
	$(Q)cat $^ > $@
$(BIOS_OBJ)/media.img: $(BIOS_OBJ)/prefix-media.bin $(BIOS_OBJ)/core.bnp
	$(Q)cat $^ > $@

bios: $(BIN)/bootnet.kpxe $(BIN)/bootnet.pxe

# The option ROMs (bios/prefix_rom.S, tools/mkrom) for ROM_VENDOR:ROM_DEVICE
# (tools/media.mk; default 8086:100e): the ROM's small initialization part,
# then a media.img:
#  bin/bootnet.rom       the rom64 core (bios/rom64.mk): for a 64 KiB flash;
#                        mkrom refuses a ROM over ROM_MAX_SIZE bytes.
#  bin/bootnet-full.rom  the full core (HTTPS, iSCSI, every driver): 512 KiB.
ROM_MAX_SIZE ?= 65536
$(BIOS_OBJ)/prefix_rom.bin: bios/prefix_rom.S bios/prefix_putc.S bios/prefix_rom.lds
	@mkdir -p $(@D)
	$(call say,AS bios $<)
	$(Q)$(CC) -m32 -c $< -o $(BIOS_OBJ)/prefix_rom.o
	$(Q)$(LD) -m elf_i386 --no-warn-rwx-segments -T bios/prefix_rom.lds -o $(BIOS_OBJ)/prefix_rom.elf $(BIOS_OBJ)/prefix_rom.o
	$(Q)$(OBJCOPY) -O binary -j .text16 $(BIOS_OBJ)/prefix_rom.elf $@
$(ROM64_OBJ)/core.bnp: $(ROM64_OBJ)/core-image.bin tools/pack-core
	$(call say,PACK $@)
	$(Q)tools/pack-core $< $@
$(ROM64_OBJ)/media.img: $(BIOS_OBJ)/prefix-media.bin $(ROM64_OBJ)/core.bnp
	$(Q)cat $^ > $@

# rom_image OUT,MEDIA,MAX: mkrom around MEDIA (MAX 0: no size check).
define rom_image
$(1): $(BIOS_OBJ)/prefix_rom.bin $(2) tools/mkrom $(EFIROM_OBJ)/rom_ids.h
	$$(call say,ROM $$@ $$(ROM_VENDOR):$$(ROM_DEVICE))
	$$(Q)tools/mkrom --vendor $$(ROM_VENDOR) --device $$(ROM_DEVICE) $(if $(3),--max-size $(3)) \
		--payload $(2) $(BIOS_OBJ)/prefix_rom.bin $$@ || \
		{ echo "  (make ROM_MAX_SIZE=131072 for a 128 KiB flash, or ROM64_DRIVERS=... for fewer drivers: bios/README.md)"; exit 1; }
endef
$(eval $(call rom_image,$(BIN)/bootnet.rom,$(ROM64_OBJ)/media.img,$(filter-out 0,$(ROM_MAX_SIZE))))
$(eval $(call rom_image,$(BIN)/bootnet-full.rom,$(BIOS_OBJ)/media.img,))

bios: $(BIN)/bootnet.rom $(BIN)/bootnet-full.rom
